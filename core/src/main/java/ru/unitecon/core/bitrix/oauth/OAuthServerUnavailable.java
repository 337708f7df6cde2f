package ru.unitecon.core.bitrix.oauth;

import ru.unitecon.core.bitrix.BitrixException;

/** The OAuth server could not be reached or answered with a server error; trying again later may work. */
public class OAuthServerUnavailable extends BitrixException {
    public OAuthServerUnavailable(String operation, String reason) {
        super("OAUTH_UNAVAILABLE", operation + ": OAuth server unavailable (" + reason + ")");
    }
}
