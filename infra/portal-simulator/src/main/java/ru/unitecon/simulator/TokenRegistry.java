package ru.unitecon.simulator;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The OAuth server's memory: which access and refresh tokens exist, whose they are, and whether they still work. */
final class TokenRegistry {
    private final SecureRandom random = new SecureRandom();
    private final InstantSource clock;
    private final Duration accessLifetime;
    private final Map<String, AccessToken> accessTokens = new ConcurrentHashMap<>();
    private final Map<String, RefreshToken> refreshTokens = new ConcurrentHashMap<>();

    TokenRegistry(InstantSource clock, Duration accessLifetime) {
        this.clock = clock;
        this.accessLifetime = accessLifetime;
    }

    record AccessToken(String value, SimulatedPortal portal, String userId, Instant expiresAt) {
        boolean expiredAt(Instant now) {
            return !now.isBefore(expiresAt);
        }
    }

    record RefreshToken(String value, SimulatedPortal portal, String userId) {
    }

    /** A freshly issued pair, as both the install POST and the token endpoint hand it out. */
    record TokenPair(AccessToken access, RefreshToken refresh) {
        long expiresInSeconds(InstantSource clock) {
            return Duration.between(clock.instant(), access.expiresAt()).toSeconds();
        }
    }

    TokenPair issue(SimulatedPortal portal, String userId) {
        AccessToken access = new AccessToken(newToken(), portal, userId, clock.instant().plus(accessLifetime));
        RefreshToken refresh = new RefreshToken(newToken(), portal, userId);
        accessTokens.put(access.value(), access);
        refreshTokens.put(refresh.value(), refresh);
        return new TokenPair(access, refresh);
    }

    /** Spends the refresh token (rotation: each one works exactly once) and issues the next pair. */
    TokenPair refresh(String clientId, String clientSecret, String refreshToken) {
        RefreshToken spent = refreshToken == null ? null : refreshTokens.get(refreshToken);
        SimulatedPortal portal = spent == null ? null : spent.portal();
        if (portal != null && !portal.seed().clientId().equals(clientId)) {
            throw new RestError(400, "invalid_client", "Invalid client_id");
        }
        if (portal != null && !portal.seed().clientSecret().equals(clientSecret)) {
            throw new RestError(400, "invalid_client", "Invalid client credentials");
        }
        if (spent == null || !refreshTokens.remove(refreshToken, spent)) {
            throw new RestError(400, "invalid_grant", "Invalid refresh token");
        }
        return issue(portal, spent.userId());
    }

    AccessToken accessToken(String value) {
        return value == null ? null : accessTokens.get(value);
    }

    Instant now() {
        return clock.instant();
    }

    void expireAllAccessTokens() {
        Instant now = clock.instant();
        accessTokens.replaceAll((value, token) -> token.expiredAt(now)
                ? token : new AccessToken(value, token.portal(), token.userId(), now));
    }

    void revokeRefreshTokens(SimulatedPortal portal) {
        refreshTokens.values().removeIf(token -> token.portal() == portal);
    }

    void revokeAll(SimulatedPortal portal) {
        revokeRefreshTokens(portal);
        accessTokens.values().removeIf(token -> token.portal() == portal);
    }

    private String newToken() {
        byte[] bytes = new byte[35];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
