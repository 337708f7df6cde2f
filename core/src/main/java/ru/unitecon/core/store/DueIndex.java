package ru.unitecon.core.store;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/** The keys of the appointments-due index: a bucket per UTC hour, sorted by time, then portal and record. */
public final class DueIndex {
    private static final DateTimeFormatter HOUR =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH").withZone(ZoneOffset.UTC);

    private DueIndex() {
    }

    public static String bucket(Instant time) {
        return "DUE#" + HOUR.format(time.truncatedTo(ChronoUnit.HOURS));
    }

    static String sortKey(Instant time, String memberId, String memberKey) {
        return time + "#" + memberId + "#" + memberKey;
    }
}
