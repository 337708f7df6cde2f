package ru.unitecon.core.bitrix;

/**
 * Something Bitrix24 (a portal or its OAuth server) refused or could not do. The message names the method and the
 * Bitrix24 error code only: tokens, secrets and response bodies never go into it.
 */
public abstract class BitrixException extends RuntimeException {
    private final String errorCode;

    protected BitrixException(String errorCode, String message) {
        super(message);
        this.errorCode = errorCode;
    }

    protected BitrixException(String errorCode, String message, Throwable cause) {
        super(message, cause);
        this.errorCode = errorCode;
    }

    /** The Bitrix24 error code, e.g. {@code QUERY_LIMIT_EXCEEDED}, or a short code of ours for transport failures. */
    public String errorCode() {
        return errorCode;
    }
}
