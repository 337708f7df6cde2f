package ru.unitecon.simulator.vk;

import ru.unitecon.simulator.loopback.RandomTokens;

import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * VK Ads' OAuth2 memory ("Authorization"): clients, one-hour codes, and Access Token objects. Refreshing keeps the
 * object and changes its access token (the old value stops working); at most {@code tokensPerClientAndUser} objects
 * per client and user; an object not refreshed for a month is deleted; revoked access, a blocked client or user make
 * every call fail with the documented 401 codes.
 */
final class VkTokenRegistry {
    /** One Access Token object; its access and refresh values change over its life. */
    static final class TokenObject {
        final String clientId;
        final long userId;
        final List<String> scope;
        volatile String accessToken;
        volatile String refreshToken;
        volatile Instant expiresAt;
        volatile Instant lastRefresh;
        volatile boolean revoked;

        TokenObject(String clientId, long userId, List<String> scope) {
            this.clientId = clientId;
            this.userId = userId;
            this.scope = List.copyOf(scope);
        }
    }

    private record Code(String clientId, long userId, List<String> scope, Instant expiresAt) {
    }

    private final InstantSource clock;
    private final VkAdsSimulatorOptions options;
    private final Map<String, VkAdsClient> clients = new ConcurrentHashMap<>();
    private final Set<String> blockedClients = ConcurrentHashMap.newKeySet();
    private final Set<Long> blockedUsers = ConcurrentHashMap.newKeySet();
    private final Map<String, Code> codes = new ConcurrentHashMap<>();
    private final List<TokenObject> tokens = new CopyOnWriteArrayList<>();

    VkTokenRegistry(VkAdsSimulatorOptions options) {
        this.clock = options.clock();
        this.options = options;
    }

    void register(VkAdsClient client) {
        clients.put(client.clientId(), client);
    }

    VkAdsClient client(String clientId) {
        return clientId == null ? null : clients.get(clientId);
    }

    Instant now() {
        return clock.instant();
    }

    VkAdsClient authenticate(String clientId, String clientSecret) {
        VkAdsClient client = client(clientId);
        if (client == null || !Objects.equals(client.clientSecret(), clientSecret) || blockedClients.contains(clientId)) {
            throw VkError.oauth(401, "invalid_client", "Invalid client id or secret provided");
        }
        return client;
    }

    String issueCode(VkAdsClient client, long userId, List<String> scope) {
        String code = RandomTokens.hex(20);
        codes.put(code, new Code(client.clientId(), userId, scope, now().plus(options.codeLifetime())));
        return code;
    }

    /** The user a code belongs to, for {@code code_info.json}; the code stays usable. */
    long codeOwner(VkAdsClient client, String code) {
        Code found = code == null ? null : codes.get(code);
        if (found == null || !found.clientId().equals(client.clientId()) || !now().isBefore(found.expiresAt())) {
            throw VkError.oauth(400, "invalid_grant", "Invalid or expired code");
        }
        return found.userId();
    }

    synchronized TokenObject exchangeCode(String clientId, String code) {
        VkAdsClient client = client(clientId);
        if (client == null || blockedClients.contains(clientId)) {
            throw VkError.oauth(401, "invalid_client", "Invalid client id or secret provided");
        }
        if (!client.authorizationCodeAllowed()) {
            throw VkError.oauth(400, "unauthorized_client", "The Authorization Code Grant is not enabled for this client");
        }
        Code found = code == null ? null : codes.remove(code);
        if (found == null || !found.clientId().equals(clientId) || !now().isBefore(found.expiresAt())) {
            throw VkError.oauth(400, "invalid_grant", "Invalid or expired code");
        }
        return issue(client, found.userId(), found.scope());
    }

    /** A new Access Token object, unless the client already holds the limit for this user (403). */
    synchronized TokenObject issue(VkAdsClient client, long userId, List<String> scope) {
        purgeInactive();
        long held = tokens.stream().filter(t -> t.clientId.equals(client.clientId()) && t.userId == userId).count();
        if (held >= options.tokensPerClientAndUser()) {
            throw VkError.oauth(403, "access_denied", "Token limit reached: delete this user's tokens or refresh existing ones");
        }
        TokenObject token = new TokenObject(client.clientId(), userId, scope);
        token.accessToken = RandomTokens.hex(20);
        token.refreshToken = RandomTokens.hex(20);
        token.expiresAt = now().plus(options.accessTokenLifetime());
        token.lastRefresh = now();
        tokens.add(token);
        return token;
    }

    synchronized TokenObject refresh(String clientId, String clientSecret, String refreshToken) {
        VkAdsClient client = authenticate(clientId, clientSecret);
        purgeInactive();
        TokenObject token = tokens.stream().filter(t -> t.clientId.equals(client.clientId())
                && Objects.equals(t.refreshToken, refreshToken)).findFirst().orElse(null);
        if (token == null || token.revoked) {
            throw VkError.oauth(400, "invalid_grant", "Unknown refresh token");
        }
        token.accessToken = RandomTokens.hex(20);
        token.expiresAt = now().plus(options.accessTokenLifetime());
        token.lastRefresh = now();
        if (client.rotateRefreshTokens()) {
            token.refreshToken = RandomTokens.hex(20);
        }
        return token;
    }

    /** {@code token/delete.json}: every token object of the user for this client. */
    synchronized int deleteAll(VkAdsClient client, long userId) {
        List<TokenObject> doomed = tokens.stream().filter(t -> t.clientId.equals(client.clientId()) && t.userId == userId).toList();
        tokens.removeAll(doomed);
        return doomed.size();
    }

    /** The token object behind a Bearer value, or the documented 401 for why it does not work. */
    TokenObject validate(String accessToken) {
        purgeInactive();
        TokenObject token = accessToken == null ? null
                : tokens.stream().filter(t -> accessToken.equals(t.accessToken)).findFirst().orElse(null);
        if (token == null) {
            throw VkError.token("invalid_token", "Unknown access token");
        }
        if (token.revoked) {
            throw VkError.token("revoked_token", "Access token has been revoked");
        }
        if (blockedClients.contains(token.clientId)) {
            throw VkError.token("invalid_client", "Invalid client id or secret provided");
        }
        if (blockedUsers.contains(token.userId)) {
            throw VkError.token("invalid_user", "User is blocked");
        }
        if (!now().isBefore(token.expiresAt)) {
            throw VkError.token("expired_token", "Access token is expired");
        }
        return token;
    }

    void revokeAccess(long userId, String clientId) {
        tokens.stream().filter(t -> t.userId == userId && t.clientId.equals(clientId)).forEach(t -> t.revoked = true);
    }

    void blockClient(String clientId) {
        blockedClients.add(clientId);
    }

    void blockUser(long userId) {
        blockedUsers.add(userId);
    }

    void expireAllAccessTokens() {
        Instant now = now();
        tokens.forEach(t -> t.expiresAt = t.expiresAt.isBefore(now) ? t.expiresAt : now);
    }

    long tokensOf(String clientId, long userId) {
        purgeInactive();
        return tokens.stream().filter(t -> t.clientId.equals(clientId) && t.userId == userId).count();
    }

    private void purgeInactive() {
        Instant cutoff = now().minus(options.inactiveTokenDeletion());
        tokens.removeIf(t -> !t.lastRefresh.isAfter(cutoff));
    }

}
