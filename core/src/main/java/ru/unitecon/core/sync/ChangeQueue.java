package ru.unitecon.core.sync;

import java.time.Duration;
import java.util.List;

/** Where changes wait for the sync worker: SQS in AWS and in tests (ElasticMQ). */
public interface ChangeQueue {
    /** SQS delays a message by at most 15 minutes. */
    Duration MAX_DELAY = Duration.ofMinutes(15);

    /**
     * Enqueues every message or throws: a caller that was told nothing failed may answer the portal 200, and
     * the portal never sends an event twice.
     */
    void send(List<ChangeMessage> messages);

    /**
     * As {@link #send(List)}, for messages that are not to be delivered before {@code delay} (up to
     * {@link #MAX_DELAY}) has passed. A queue that cannot delay delivers them at once, which only means an early run.
     */
    default void send(List<ChangeMessage> messages, Duration delay) {
        send(messages);
    }
}
