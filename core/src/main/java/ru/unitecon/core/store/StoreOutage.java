package ru.unitecon.core.store;

import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkServiceException;

/** Tells a store that cannot be reached or is overloaded from a write that failed for its own record. */
public final class StoreOutage {
    private StoreOutage() {
    }

    /**
     * True when the failure says nothing about the record being written (no connection, throttling, a 5xx): every
     * other write would fail the same way, so the work is better returned whole than sorted record by record.
     */
    public static boolean isOutage(RuntimeException failure) {
        return failure instanceof SdkClientException
                || failure instanceof SdkServiceException service
                && (service.isThrottlingException() || service.statusCode() >= 500);
    }
}
