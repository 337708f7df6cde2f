package ru.unitecon.core.sync;

import java.util.Objects;

/** A change as the queue delivered it: {@code deliveryId} names it when reporting that it must come back. */
public record QueuedChange(String deliveryId, ChangeMessage message) {
    public QueuedChange {
        Objects.requireNonNull(deliveryId, "deliveryId");
        Objects.requireNonNull(message, "message");
    }
}
