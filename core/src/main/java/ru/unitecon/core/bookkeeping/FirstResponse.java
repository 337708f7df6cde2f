package ru.unitecon.core.bookkeeping;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * When a lead was first answered and what says so: its first activity (a call, an e-mail, a to-do) or its first move
 * out of the initial stage. The earlier of the two counts; an earlier piece of evidence found later replaces it.
 */
public record FirstResponse(Instant at, Source source) {

    public enum Source {
        /** The lead's first activity (crm.activity.list, CREATED). */
        ACTIVITY("activity"),
        /** The lead's first stage change (crm.stagehistory.list, CREATED_TIME of a move). */
        STAGE_CHANGE("stage");

        private final String code;

        Source(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }

        public static Source fromCode(String code) {
            for (Source source : values()) {
                if (source.code.equals(code)) {
                    return source;
                }
            }
            throw new IllegalArgumentException("not a response source: " + code);
        }
    }

    public FirstResponse {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(source, "source");
    }

    /** The earlier of two responses (either may be null); on the same instant an activity wins. */
    public static FirstResponse earliest(FirstResponse a, FirstResponse b) {
        if (a == null || b == null) {
            return a == null ? b : a;
        }
        int byTime = a.at.compareTo(b.at);
        if (byTime != 0) {
            return byTime < 0 ? a : b;
        }
        return a.source.compareTo(b.source) <= 0 ? a : b;
    }

    /** Seconds from the lead's creation to this response; evidence dated before the creation counts as 0. */
    public long secondsAfter(Instant created) {
        long seconds = Duration.between(created, at).toSeconds();
        return Math.max(0, seconds);
    }
}
