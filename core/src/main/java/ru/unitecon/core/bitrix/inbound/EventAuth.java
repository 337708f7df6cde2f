package ru.unitecon.core.bitrix.inbound;

import java.time.Instant;
import java.util.Objects;

/**
 * The {@code auth[...]} block of an event. The installation's identity and the application token are always
 * there; the user tokens only when the change can be tied to a user (never for automation rules or uninstall),
 * and a refresh token only for install, update and offline events. The block's {@code client_endpoint} is not
 * read: like any address in a request it is the caller's word, and the portal's address comes only from the
 * OAuth server ({@link ru.unitecon.core.bitrix.oauth.AppInstallInfo#restEndpoint()}).
 *
 * @param accessToken  the acting user's access token, or null
 * @param refreshToken a refresh token, or null
 * @param expiresAt    when {@code accessToken} expires, or null
 * @param userId       the acting user, or null
 */
public record EventAuth(String memberId, String domain, String serverEndpoint,
                        String applicationToken, String accessToken, String refreshToken, Instant expiresAt,
                        Long userId) {
    public EventAuth {
        Objects.requireNonNull(memberId, "memberId");
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(applicationToken, "applicationToken");
    }

    public boolean hasUserTokens() {
        return accessToken != null;
    }

    @Override
    public String toString() {
        return "EventAuth[memberId=" + memberId + ", domain=" + domain + ", serverEndpoint=" + serverEndpoint + ", userTokens=" + hasUserTokens()
                + ", refreshToken=" + (refreshToken != null) + ", expiresAt=" + expiresAt + ", userId=" + userId + "]";
    }
}
