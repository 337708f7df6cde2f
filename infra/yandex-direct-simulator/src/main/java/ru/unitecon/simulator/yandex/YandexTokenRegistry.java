package ru.unitecon.simulator.yandex;

import ru.unitecon.simulator.loopback.RandomTokens;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Yandex OAuth's memory: registered apps, confirmation codes (single use, 10 minutes), tokens and refresh tokens, and
 * the ways a token stops working ("Revoke a token": the user revokes access, changes the password, the token expires).
 */
final class YandexTokenRegistry {
    record Code(String clientId, String login, String deviceId, Instant expiresAt) {
    }

    record AccessToken(String value, String clientId, String login, String deviceId, Instant expiresAt) {
        boolean expiredAt(Instant now) {
            return !now.isBefore(expiresAt);
        }
    }

    record RefreshToken(String clientId, String login, String accessToken) {
    }

    private final InstantSource clock;
    private final YandexSimulatorOptions options;
    private final Map<String, YandexOAuthApp> apps = new ConcurrentHashMap<>();
    private final Map<String, Code> codes = new ConcurrentHashMap<>();
    private final Map<String, AccessToken> accessTokens = new ConcurrentHashMap<>();
    private final Map<String, RefreshToken> refreshTokens = new ConcurrentHashMap<>();

    YandexTokenRegistry(YandexSimulatorOptions options) {
        this.clock = options.clock();
        this.options = options;
    }

    void register(YandexOAuthApp app) {
        apps.put(app.clientId(), app);
    }

    YandexOAuthApp app(String clientId) {
        return clientId == null ? null : apps.get(clientId);
    }

    Instant now() {
        return clock.instant();
    }

    String issueCode(YandexOAuthApp app, String login, String deviceId) {
        String code = String.valueOf(1_000_000 + RandomTokens.number(9_000_000));
        codes.put(code, new Code(app.clientId(), login, deviceId, now().plus(options.codeLifetime())));
        return code;
    }

    /** The authorization_code grant: the code works once, within its lifetime, for the app it was issued to. */
    IssuedYandexTokens exchangeCode(String clientId, String clientSecret, String code) {
        YandexOAuthApp app = authenticate(clientId, clientSecret);
        if (code == null || code.isEmpty()) {
            throw new OAuthError(400, "invalid_request", "code is required");
        }
        Code issued = codes.get(code);
        if (issued == null || !issued.clientId().equals(app.clientId()) || !codes.remove(code, issued)) {
            throw new OAuthError(400, "invalid_grant", "Invalid or expired confirmation code");
        }
        if (!now().isBefore(issued.expiresAt())) {
            throw new OAuthError(400, "invalid_grant", "Invalid or expired confirmation code");
        }
        return issue(app.clientId(), issued.login(), issued.deviceId());
    }

    /**
     * The refresh_token grant. Yandex may keep the access token when it still has long to live ("Update a token");
     * the simulator keeps it while more than {@code keepAccessTokenAbove} remains. The refresh token is replaced.
     */
    IssuedYandexTokens refresh(String clientId, String clientSecret, String refreshToken) {
        YandexOAuthApp app = authenticate(clientId, clientSecret);
        RefreshToken spent = refreshToken == null ? null : refreshTokens.get(refreshToken);
        if (spent == null || !spent.clientId().equals(app.clientId()) || !refreshTokens.remove(refreshToken, spent)) {
            throw new OAuthError(400, "invalid_grant", "Invalid refresh token");
        }
        AccessToken current = accessTokens.get(spent.accessToken());
        if (current != null && Duration.between(now(), current.expiresAt()).compareTo(options.keepAccessTokenAbove()) > 0) {
            String next = newRefreshToken(new RefreshToken(app.clientId(), spent.login(), current.value()));
            return new IssuedYandexTokens(current.value(), next, current.expiresAt(), current.login());
        }
        if (current != null) {
            accessTokens.remove(current.value());
        }
        return issue(app.clientId(), spent.login(), current == null ? null : current.deviceId());
    }

    /** {@code /revoke_token}: only a token issued for a device can be revoked by the app ("Revoke a token"). */
    void revokeDeviceToken(String clientId, String clientSecret, String token) {
        YandexOAuthApp app = authenticate(clientId, clientSecret);
        AccessToken found = token == null ? null : accessTokens.get(token);
        if (found == null || !found.clientId().equals(app.clientId())) {
            throw new OAuthError(400, "invalid_token", "Unknown token");
        }
        if (found.deviceId() == null) {
            throw new OAuthError(400, "unsupported_token_type", "Only tokens issued for a device can be revoked");
        }
        dropToken(found.value());
    }

    IssuedYandexTokens issue(String clientId, String login, String deviceId) {
        AccessToken access = new AccessToken("y0_" + RandomTokens.hex(24), clientId, login, deviceId, now().plus(options.accessTokenLifetime()));
        accessTokens.put(access.value(), access);
        String refresh = newRefreshToken(new RefreshToken(clientId, login, access.value()));
        return new IssuedYandexTokens(access.value(), refresh, access.expiresAt(), login);
    }

    /** The token as the Direct API sees it: null when unknown, revoked or expired. */
    AccessToken valid(String token) {
        AccessToken found = token == null ? null : accessTokens.get(token);
        return found == null || found.expiredAt(now()) ? null : found;
    }

    /** The user revoked the app's access on the "Data access rights" page: its tokens and refresh tokens die. */
    void revokeUserAccess(String login, String clientId) {
        accessTokens.values().removeIf(t -> t.login().equals(login) && t.clientId().equals(clientId));
        refreshTokens.values().removeIf(t -> t.login().equals(login) && t.clientId().equals(clientId));
    }

    /** Password change, 2FA switch, "log out everywhere": every token ever issued for the account dies. */
    void revokeEverythingOf(String login) {
        accessTokens.values().removeIf(t -> t.login().equals(login));
        refreshTokens.values().removeIf(t -> t.login().equals(login));
    }

    void expireAllAccessTokens() {
        Instant now = now();
        accessTokens.replaceAll((value, t) -> t.expiredAt(now) ? t
                : new AccessToken(value, t.clientId(), t.login(), t.deviceId(), now));
    }

    private YandexOAuthApp authenticate(String clientId, String clientSecret) {
        YandexOAuthApp app = app(clientId);
        if (app == null || !Objects.equals(app.clientSecret(), clientSecret)) {
            throw new OAuthError(400, "invalid_client", "Client authentication failed");
        }
        return app;
    }

    private String newRefreshToken(RefreshToken token) {
        String value = "1:" + RandomTokens.hex(16) + ":" + RandomTokens.hex(32);
        refreshTokens.put(value, token);
        return value;
    }

    private void dropToken(String value) {
        accessTokens.remove(value);
        refreshTokens.values().removeIf(t -> t.accessToken().equals(value));
    }

}
