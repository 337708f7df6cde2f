package ru.unitecon.core.bitrix.oauth;

import ru.unitecon.core.bitrix.BitrixException;

/**
 * A server endpoint that is not one of the known Bitrix24 OAuth servers. Requests carry our client secret and
 * their answers vouch for tokens, so an endpoint taken from a request is only used when it is on the list.
 */
public class UntrustedOAuthServer extends BitrixException {
    public UntrustedOAuthServer() {
        super("UNTRUSTED_OAUTH_SERVER", "server endpoint is not a known Bitrix24 OAuth server");
    }
}
