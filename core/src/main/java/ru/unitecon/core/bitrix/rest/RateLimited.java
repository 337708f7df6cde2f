package ru.unitecon.core.bitrix.rest;

import ru.unitecon.core.bitrix.BitrixException;

import java.time.Duration;

/** The portal kept refusing for rate or operating-time limits; try the work again after {@link #retryAfter()}. */
public class RateLimited extends BitrixException {
    private final Duration retryAfter;

    public RateLimited(String method, String errorCode, Duration retryAfter) {
        super(errorCode, method + " rate limited: " + errorCode + ", retry after " + retryAfter.toSeconds() + " s");
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
