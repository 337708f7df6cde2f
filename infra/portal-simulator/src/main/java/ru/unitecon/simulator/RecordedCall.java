package ru.unitecon.simulator;

import java.util.Map;

/**
 * One REST call as the portal saw it. Commands inside a batch are recorded too, with {@code batchKey} set
 * and the batch's own HTTP status; the {@code auth} parameter is never recorded.
 */
public record RecordedCall(String method, Map<String, Object> params, int httpStatus, String batchKey) {

    public boolean insideBatch() {
        return batchKey != null;
    }
}
