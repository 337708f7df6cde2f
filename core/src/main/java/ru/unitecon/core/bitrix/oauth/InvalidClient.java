package ru.unitecon.core.bitrix.oauth;

/** Our client id or secret is wrong, or the app is not installed on that portal. */
public class InvalidClient extends OAuthError {
    public InvalidClient(String operation) {
        super("invalid_client", operation);
    }
}
