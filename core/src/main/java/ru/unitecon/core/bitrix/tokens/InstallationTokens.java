package ru.unitecon.core.bitrix.tokens;

import ru.unitecon.core.bitrix.oauth.TokenGrant;

import java.time.Instant;
import java.util.Objects;

/**
 * The installation's current token pair and where to use it.
 *
 * @param clientEndpoint the portal's REST base, {@code https://DOMAIN/rest/}
 * @param serverEndpoint the portal's OAuth server, {@code https://oauth.bitrix.info/rest/}, or null for the default
 */
public record InstallationTokens(String accessToken, String refreshToken, Instant accessExpiresAt, String clientEndpoint,
                           String serverEndpoint) {
    public InstallationTokens {
        Objects.requireNonNull(accessToken, "accessToken");
        Objects.requireNonNull(refreshToken, "refreshToken");
        Objects.requireNonNull(accessExpiresAt, "accessExpiresAt");
        Objects.requireNonNull(clientEndpoint, "clientEndpoint");
    }

    /** The pair after a refresh; endpoints the OAuth server left out stay as they were. */
    public InstallationTokens rotated(TokenGrant grant) {
        return new InstallationTokens(grant.accessToken(), grant.refreshToken(), grant.expiresAt(),
                grant.clientEndpoint() != null ? grant.clientEndpoint() : clientEndpoint,
                grant.serverEndpoint() != null ? grant.serverEndpoint() : serverEndpoint);
    }

    public InstallationTokens withClientEndpoint(String newClientEndpoint) {
        return new InstallationTokens(accessToken, refreshToken, accessExpiresAt, newClientEndpoint, serverEndpoint);
    }

    @Override
    public String toString() {
        return "InstallationTokens[accessToken=***, refreshToken=***, accessExpiresAt=" + accessExpiresAt
                + ", clientEndpoint=" + clientEndpoint + ", serverEndpoint=" + serverEndpoint + "]";
    }
}
