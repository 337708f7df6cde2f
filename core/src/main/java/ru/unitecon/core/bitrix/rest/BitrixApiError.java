package ru.unitecon.core.bitrix.rest;

import ru.unitecon.core.bitrix.BitrixException;

/** A portal refused a REST call, e.g. {@code ACCESS_DENIED} or {@code insufficient_scope}. */
public class BitrixApiError extends BitrixException {
    private final String method;
    private final int httpStatus;

    public BitrixApiError(String method, String errorCode, int httpStatus) {
        super(errorCode, method + " failed: " + (errorCode.isEmpty() ? "error" : errorCode)
                + " (HTTP " + httpStatus + ")");
        this.method = method;
        this.httpStatus = httpStatus;
    }

    public String method() {
        return method;
    }

    public int httpStatus() {
        return httpStatus;
    }
}
