package ru.unitecon.core.adsapi;

/** Stored tokens cannot be opened: another key, or a stored value that was changed or copied. */
public final class TokenSealException extends RuntimeException {
    public TokenSealException(String message, Throwable cause) {
        super(message, cause);
    }
}
