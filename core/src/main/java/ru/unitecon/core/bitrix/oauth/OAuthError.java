package ru.unitecon.core.bitrix.oauth;

import ru.unitecon.core.bitrix.BitrixException;

/** The OAuth server refused a request with a code such as {@code invalid_request} or {@code PAYMENT_REQUIRED}. */
public class OAuthError extends BitrixException {
    public OAuthError(String errorCode, String operation) {
        super(errorCode, operation + " refused: " + errorCode);
    }
}
