package ru.unitecon.core.bitrix.oauth;

import java.time.Instant;
import java.util.Objects;

/**
 * A fresh token pair from the OAuth server. The refresh token it replaces is spent, so the pair must be stored
 * before anything else uses it.
 *
 * @param expiresAt when the access token expires ({@code expires}, unix seconds)
 */
public record TokenGrant(String accessToken, String refreshToken, Instant expiresAt, String clientEndpoint,
                         String serverEndpoint, String memberId, String scope) {
    public TokenGrant {
        Objects.requireNonNull(accessToken, "accessToken");
        Objects.requireNonNull(refreshToken, "refreshToken");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    @Override
    public String toString() {
        return "TokenGrant[accessToken=***, refreshToken=***, expiresAt=" + expiresAt + ", clientEndpoint="
                + clientEndpoint + ", serverEndpoint=" + serverEndpoint + ", memberId=" + memberId
                + ", scope=" + scope + "]";
    }
}
