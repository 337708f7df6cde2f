package ru.unitecon.core.intake;

import ru.unitecon.core.sync.ChangeMessage;

import java.util.Objects;
import java.util.Optional;

/**
 * A genuine event, taken: what became of it, and the lead or deal change it announces, which the sync fetches in
 * the same run.
 */
public record Received(IntakeOutcome outcome, Optional<ChangeMessage> change) {
    public Received {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(change, "change");
    }

    static Received change(ChangeMessage change) {
        return new Received(IntakeOutcome.ACCEPTED, Optional.of(change));
    }

    static Received done(IntakeOutcome outcome) {
        return new Received(outcome, Optional.empty());
    }
}
