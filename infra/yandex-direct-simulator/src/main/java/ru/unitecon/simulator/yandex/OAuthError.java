package ru.unitecon.simulator.yandex;

import java.util.Map;

/** A Yandex OAuth error answer: HTTP status and {@code {"error": ..., "error_description": ...}}. */
final class OAuthError extends RuntimeException {
    private final int httpStatus;
    private final String error;

    OAuthError(int httpStatus, String error, String description) {
        super(description, null, false, false);
        this.httpStatus = httpStatus;
        this.error = error;
    }

    int httpStatus() {
        return httpStatus;
    }

    String error() {
        return error;
    }

    Map<String, Object> body() {
        return Map.of("error", error, "error_description", getMessage());
    }
}
