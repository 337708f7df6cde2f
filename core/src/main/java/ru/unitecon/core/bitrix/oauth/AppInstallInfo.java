package ru.unitecon.core.bitrix.oauth;

import java.net.URI;
import java.util.Locale;

/**
 * What the OAuth server's {@code app.info} says about an access token: which app issued it and on which portal
 * that app is installed. It is the trusted answer to "is this token ours, and for this portal?", and the only
 * source, with the token refresh, of the portal's address: a form's or event's {@code client_endpoint} is the
 * caller's word.
 *
 * @param installed false until the install page has called {@code installFinish()}
 * @param status    the payment status ({@code L, F, D, T, P}) as the OAuth server, the trusted source, sees it
 */
public record AppInstallInfo(String clientId, String memberId, String domain, boolean installed,
                             String clientEndpoint, String status, Long userId) {

    /** True when the token was issued to our app for the portal the request claims to come from. */
    public boolean confirms(String expectedClientId, String expectedMemberId, String expectedDomain) {
        return clientId != null && clientId.equals(expectedClientId)
                && memberId != null && memberId.equals(expectedMemberId)
                && domain != null && expectedDomain != null
                && domain.toLowerCase(Locale.ROOT).equals(expectedDomain.toLowerCase(Locale.ROOT));
    }

    /**
     * The portal's REST base: {@code install.client_endpoint} when it is on the installation's domain, else
     * {@code https://DOMAIN/rest/} (Bitrix24's cloud serves REST only over https).
     */
    public URI restEndpoint() {
        URI named = parsed(clientEndpoint);
        if (named != null && isOnPortal(named)) {
            String text = named.toString();
            return text.endsWith("/") ? named : URI.create(text + "/");
        }
        return URI.create("https://" + domain + "/rest/");
    }

    /** True when {@code endpoint} is on this installation's host ({@code install.domain}, with its port if any). */
    public boolean isOnPortal(URI endpoint) {
        return domain != null && endpoint != null && endpoint.getRawAuthority() != null
                && ("https".equalsIgnoreCase(endpoint.getScheme()) || "http".equalsIgnoreCase(endpoint.getScheme()))
                && endpoint.getRawAuthority().toLowerCase(Locale.ROOT).equals(domain.toLowerCase(Locale.ROOT));
    }

    private static URI parsed(String text) {
        if (text == null) {
            return null;
        }
        try {
            return URI.create(text.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
