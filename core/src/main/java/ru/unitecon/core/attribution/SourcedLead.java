package ru.unitecon.core.attribution;

import java.time.Instant;
import java.util.Objects;

/** A stored lead's origin and the channel it is counted under now, for previewing other channel rules. */
public record SourcedLead(long id, Instant created, LeadSource source, String channel) {

    public SourcedLead {
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(source, "source");
    }
}
