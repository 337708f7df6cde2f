package ru.unitecon.core.store;

/** The store could not be asked at all: the failure of the table's client, in the store's own terms. */
public final class StoreUnreachable extends RuntimeException {
    StoreUnreachable(RuntimeException cause) {
        super(cause.getClass().getSimpleName(), cause);
    }
}
