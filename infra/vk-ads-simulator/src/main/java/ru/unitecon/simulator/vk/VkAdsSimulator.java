package ru.unitecon.simulator.vk;

import ru.unitecon.simulator.loopback.FaultSchedule;
import ru.unitecon.simulator.loopback.LoopbackServer;
import ru.unitecon.simulator.loopback.RequestLog;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * ads.vk.com on loopback: the OAuth2 endpoints, the access page for the Authorization Code flow and the API v2
 * resources the importer reads, all on {@link #baseUrl()}. Accounts, clients, consent, faults and the clock are set by
 * tests through this class. Close it to stop the server.
 */
public final class VkAdsSimulator implements AutoCloseable {
    /** Thrown for documented requests the simulator does not answer; 501, not counted as a violation. */
    static final class NotSimulated extends RuntimeException {
        NotSimulated(String what) {
            super(what, null, false, false);
        }
    }

    private final VkAdsSimulatorOptions options;
    private final VkTokenRegistry tokens;
    private final Map<Long, VkAdsAccount> accounts = new ConcurrentHashMap<>();
    private final RequestLog requests = new RequestLog();
    private final List<VkViolation> violations = new CopyOnWriteArrayList<>();
    private final FaultSchedule<VkFault> faults = new FaultSchedule<>();
    private final LoopbackServer server;
    private volatile VkAdsAccount signedIn;

    private VkAdsSimulator(VkAdsSimulatorOptions options) {
        this.options = options;
        this.tokens = new VkTokenRegistry(options);
        this.server = LoopbackServer.start(new VkAdsHttpHandler(this, new VkOAuthHandler(this, tokens),
                new VkApiHandler(this, tokens, VkParameterTable.bundled(), options)));
    }

    public static VkAdsSimulator start(VkAdsSimulatorOptions options) {
        return new VkAdsSimulator(options);
    }

    /** {@code http://127.0.0.1:PORT/}, the stand-in for {@code https://ads.vk.com/}. */
    public URI baseUrl() {
        return server.baseUrl();
    }

    public VkAdsSimulator load(VkAdsDataset dataset) {
        dataset.accounts().forEach(this::addAccount);
        return this;
    }

    public void addAccount(VkAdsAccount account) {
        accounts.put(account.userId(), account);
    }

    public VkAdsAccount account(String username) {
        return accounts.values().stream().filter(a -> a.username().equals(username)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no VK Ads account " + username));
    }

    VkAdsAccount accountById(long userId) {
        VkAdsAccount account = accounts.get(userId);
        if (account == null) {
            throw new IllegalArgumentException("no VK Ads account " + userId);
        }
        return account;
    }

    public void registerClient(VkAdsClient client) {
        account(client.ownerUsername());
        tokens.register(client);
    }

    /** The VK Ads user signed in on the access page; null plays a user who refuses ({@code error=access_denied}). */
    public void signIn(String username) {
        signedIn = username == null ? null : account(username);
    }

    Optional<VkAdsAccount> consent() {
        return Optional.ofNullable(signedIn);
    }

    /** A token as if obtained by the flow that fits: the owner's own account, or a user who granted access. */
    public IssuedVkTokens issueTokens(String clientId, String username) {
        VkAdsClient client = tokens.client(clientId);
        if (client == null) {
            throw new IllegalArgumentException("no client " + clientId);
        }
        VkTokenRegistry.TokenObject token = tokens.issue(client, account(username).userId(), List.of("read_ads"));
        return new IssuedVkTokens(token.accessToken, token.refreshToken, token.expiresAt, token.userId);
    }

    /** Token objects the client holds for the user right now (the 5-token limit counts these). */
    public long tokenCount(String clientId, String username) {
        return tokens.tokensOf(clientId, account(username).userId());
    }

    /** The user withdraws the client's access: its tokens answer {@code revoked_token}. */
    public void revokeAccess(String username, String clientId) {
        tokens.revokeAccess(account(username).userId(), clientId);
    }

    /** The client's API access is blocked: every call answers {@code invalid_client}. */
    public void blockClient(String clientId) {
        tokens.blockClient(clientId);
    }

    public void blockUser(String username) {
        tokens.blockUser(account(username).userId());
    }

    /** Every access token expires now; refresh tokens still work. */
    public void expireAllAccessTokens() {
        tokens.expireAllAccessTokens();
    }

    /**
     * The faults to play, by path (e.g. {@code /api/v2/oauth2/token.json}): for the next N requests or
     * {@link FaultSchedule#UNTIL_CLEARED}; also releases and counts requests held by {@link VkFault#HANG}.
     */
    public FaultSchedule<VkFault> faults() {
        return faults;
    }

    /** Every request answered; Authorization headers, secrets, codes and tokens are redacted. */
    public RequestLog requests() {
        return requests;
    }

    public List<VkViolation> violations() {
        return List.copyOf(violations);
    }

    public VkAdsSimulatorOptions options() {
        return options;
    }

    Instant now() {
        return options.clock().instant();
    }

    void recordViolations(List<VkViolation> found) {
        violations.addAll(found);
    }

    void playFault(String path) {
        Optional<VkFault> fault = faults.take(path);
        if (fault.isEmpty()) {
            return;
        }
        switch (fault.get()) {
            case HANG -> faults.hold();
            case SERVER_ERROR -> throw VkError.resource(500, "internal_error", "Internal server error");
            case SERVICE_UNAVAILABLE -> throw VkError.resource(503, "service_unavailable", "Service temporarily unavailable");
            case TOO_MANY_REQUESTS -> throw VkError.resource(429, "too_many_requests", "Too many requests");
        }
    }

    @Override
    public void close() {
        faults.releaseHangs();
        server.close();
    }
}
