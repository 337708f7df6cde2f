package ru.unitecon.core.bitrix.oauth;

/** The refresh token is expired, spent or revoked: only the portal's admin opening the app again can fix it. */
public class InvalidGrant extends OAuthError {
    public InvalidGrant(String errorCode) {
        super(errorCode, "token refresh");
    }
}
