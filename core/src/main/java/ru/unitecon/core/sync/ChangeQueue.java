package ru.unitecon.core.sync;

import java.util.List;

/** Where changes wait for the sync worker: SQS in AWS and in tests (ElasticMQ). */
public interface ChangeQueue {
    /**
     * Enqueues every message or throws: a caller that was told nothing failed may answer the portal 200, and
     * the portal never sends an event twice.
     */
    void send(List<ChangeMessage> messages);
}
