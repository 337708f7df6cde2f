package ru.unitecon.core.bitrix.rest;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ru.unitecon.core.bitrix.CallInterrupted;
import ru.unitecon.core.bitrix.Sleeper;
import ru.unitecon.core.bitrix.tokens.PortalNeedsReconnect;
import ru.unitecon.core.bitrix.tokens.InstallationTokens;
import ru.unitecon.core.bitrix.tokens.TokenStorage;
import ru.unitecon.core.bitrix.tokens.TokenRefresher;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Calls one portal's REST API with the installation's tokens. It keeps to the portal's rate limit, backs off when
 * the portal refuses for load, waits out operating-time blocks, refreshes an expired token once per call, and
 * follows a renamed portal to its new address (re-POSTing, since a redirected POST would lose its body). When to
 * wait, refresh or give up is {@link CallRetries}'. Logs name methods and error codes only.
 */
public final class BitrixRestClient {
    public static final int BATCH_LIMIT = 50;
    public static final int PAGE_SIZE = 50;
    public static final String USER_AGENT = "unit-economics-b24/1.0";

    private static final Logger LOG = LoggerFactory.getLogger(BitrixRestClient.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern METHOD = Pattern.compile("[A-Za-z][A-Za-z0-9_]*(\\.[A-Za-z0-9_]+)*");
    private static final Set<String> READ_VERBS = Set.of("get", "list", "fields", "info", "profile");

    private final String memberId;
    private final TokenStorage store;
    private final HttpClient http;
    private final RateLimits limits;
    private final DomainRenameListener renames;
    private final Duration requestTimeout;
    private final CallRetries retries;
    private volatile InstallationTokens tokens;
    private volatile String movedEndpoint;

    private BitrixRestClient(Builder builder) {
        this.memberId = builder.memberId;
        this.store = builder.store;
        this.http = builder.http;
        this.limits = builder.limits;
        this.renames = builder.renames;
        this.requestTimeout = builder.requestTimeout;
        this.retries = new CallRetries(builder.memberId, builder.refresher, builder.clock, builder.sleeper,
                builder.limits, builder.backoff, builder.maxLimitRetries, builder.maxTransientRetries,
                builder.maxOperatingWait);
    }

    public static Builder builder(String memberId, TokenStorage store, TokenRefresher refresher) {
        return new Builder(memberId, store, refresher);
    }

    /** An HTTP client fit for this one: redirects must reach us, not be followed as a GET. */
    public static HttpClient newHttpClient() {
        return HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    public String memberId() {
        return memberId;
    }

    /** How long the next call would wait for the portal's rate limit if it were made now. */
    public Duration nextCallWait() {
        return limits.nextWait(memberId);
    }

    /**
     * Calls a method and returns its {@code result}.
     *
     * @throws BitrixApiError       when the portal refuses the call
     * @throws RateLimited          when the portal's limits did not clear within the retries
     * @throws PortalUnavailable    when the portal could not be reached or kept failing
     * @throws PortalNeedsReconnect when the token pair cannot be refreshed
     */
    public JsonNode call(String method, Map<String, ?> params) {
        return send(method, params, isRead(method)).path("result");
    }

    /**
     * Runs up to 50 commands in one request. Each command is {@code method?query}; a command that fails is
     * reported in the result rather than thrown.
     */
    public BatchResult batch(Map<String, String> commands) {
        if (commands.isEmpty()) {
            return new BatchResult(Map.of(), Map.of(), Map.of(), Map.of());
        }
        if (commands.size() > BATCH_LIMIT) {
            throw new IllegalArgumentException("a batch takes at most " + BATCH_LIMIT + " commands");
        }
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("halt", 0);
        params.put("cmd", commands);
        boolean reads = commands.values().stream().allMatch(command -> isRead(command.split("\\?", 2)[0]));
        return BatchResult.parse(send("batch", params, reads).path("result"));
    }

    /** Calls a method and returns the portal's whole answer, with {@code time}, {@code total} and {@code next}. */
    JsonNode answer(String method, Map<String, ?> params) {
        return send(method, params, isRead(method));
    }

    private JsonNode send(String method, Map<String, ?> params, boolean retryable) {
        if (!METHOD.matcher(method).matches()) {
            throw new IllegalArgumentException("not a REST method name");
        }
        ObjectNode body = JSON.valueToTree(params);
        CallRetries.Attempts attempts = retries.start(method, retryable, refreshed -> tokens = refreshed);
        while (true) {
            InstallationTokens current = tokens();
            URI uri = URI.create(endpoint(current) + method);
            body.put("auth", current.accessToken());
            limits.acquire(memberId);
            HttpResponse<String> response;
            try {
                response = post(uri, body);
            } catch (IOException e) {
                attempts.transientFailure(e.getClass().getSimpleName());
                continue;
            }
            int status = response.statusCode();
            if (status >= 300 && status < 400) {
                attempts.redirected();
                followRename(method, uri, response);
                continue;
            }
            JsonNode json = parse(response.body());
            if (status < 400 && json != null && !json.has("error")) {
                retries.rememberOperatingReset(method, json);
                return json;
            }
            attempts.refused(status, json, current);
        }
    }

    private HttpResponse<String> post(URI uri, ObjectNode body) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(requestTimeout)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .header("User-Agent", USER_AGENT)
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                .build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CallInterrupted("REST call");
        }
    }

    private void followRename(String method, URI requested, HttpResponse<String> response) {
        String location = response.headers().firstValue("Location")
                .orElseThrow(() -> new PortalUnavailable(method, "redirect without Location"));
        URI target;
        try {
            target = requested.resolve(location.strip());
        } catch (IllegalArgumentException e) {
            throw new PortalUnavailable(method, "redirect to a malformed Location");
        }
        String authority = target.getRawAuthority();
        if (authority == null || authority.equalsIgnoreCase(requested.getRawAuthority())) {
            throw new PortalUnavailable(method, "redirect to the same host");
        }
        // The access token follows the redirect, so it must not be sent in the clear.
        if (!"https".equalsIgnoreCase(target.getScheme()) && "https".equalsIgnoreCase(requested.getScheme())) {
            throw new PortalUnavailable(method, "redirect from https to http");
        }
        String endpoint = target.getScheme().toLowerCase(Locale.ROOT) + "://" + authority + "/rest/";
        movedEndpoint = endpoint;
        LOG.info("portal {} moved to {}", memberId, authority);
        store.recordMove(memberId, authority, endpoint);
        renames.renamed(memberId, authority, endpoint);
    }

    private InstallationTokens tokens() {
        InstallationTokens current = tokens;
        if (current == null) {
            current = store.load(memberId).orElseThrow(() -> new PortalNeedsReconnect(memberId, "no tokens stored"));
            tokens = current;
        }
        return current;
    }

    private String endpoint(InstallationTokens current) {
        String endpoint = movedEndpoint != null ? movedEndpoint : current.clientEndpoint();
        return endpoint.endsWith("/") ? endpoint : endpoint + "/";
    }

    private static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            JsonNode json = JSON.readTree(body);
            return json != null && json.isObject() ? json : null;
        } catch (JacksonException e) {
            return null;
        }
    }

    /** Reads may be retried after a timeout; a write may already have happened, so it is not repeated. */
    static boolean isRead(String method) {
        String verb = method.substring(method.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        return READ_VERBS.contains(verb);
    }

    public static final class Builder {
        private final String memberId;
        private final TokenStorage store;
        private final TokenRefresher refresher;
        private HttpClient http;
        private InstantSource clock = InstantSource.system();
        private Sleeper sleeper = Sleeper.SYSTEM;
        private RateLimits limits = RateLimits.shared();
        private DomainRenameListener renames = DomainRenameListener.IGNORE;
        private Backoff backoff = Backoff.standard();
        private int maxLimitRetries = 6;
        private int maxTransientRetries = 3;
        private Duration maxOperatingWait = Duration.ofMinutes(11);
        private Duration requestTimeout = Duration.ofSeconds(65);

        private Builder(String memberId, TokenStorage store, TokenRefresher refresher) {
            if (memberId == null || memberId.isBlank()) {
                throw new IllegalArgumentException("member id is missing");
            }
            this.memberId = memberId;
            this.store = Objects.requireNonNull(store, "store");
            this.refresher = Objects.requireNonNull(refresher, "refresher");
        }

        /** Must not follow redirects; see {@link #newHttpClient()}. */
        public Builder http(HttpClient client) {
            if (client.followRedirects() != HttpClient.Redirect.NEVER) {
                throw new IllegalArgumentException("the HTTP client must not follow redirects");
            }
            this.http = client;
            return this;
        }

        public Builder clock(InstantSource value) {
            this.clock = Objects.requireNonNull(value);
            return this;
        }

        public Builder sleeper(Sleeper value) {
            this.sleeper = Objects.requireNonNull(value);
            return this;
        }

        public Builder rateLimits(RateLimits value) {
            this.limits = Objects.requireNonNull(value);
            return this;
        }

        public Builder onRename(DomainRenameListener value) {
            this.renames = Objects.requireNonNull(value);
            return this;
        }

        public Builder backoff(Backoff value) {
            this.backoff = Objects.requireNonNull(value);
            return this;
        }

        /** How many times a call waits out QUERY_LIMIT_EXCEEDED or OPERATION_TIME_LIMIT before giving up. */
        public Builder maxLimitRetries(int value) {
            this.maxLimitRetries = value;
            return this;
        }

        /** How many times a read is repeated after a timeout or a server error. */
        public Builder maxTransientRetries(int value) {
            this.maxTransientRetries = value;
            return this;
        }

        /** The longest operating-time block a call waits out; a longer one is thrown as {@link RateLimited}. */
        public Builder maxOperatingWait(Duration value) {
            this.maxOperatingWait = Objects.requireNonNull(value);
            return this;
        }

        public Builder requestTimeout(Duration value) {
            this.requestTimeout = Objects.requireNonNull(value);
            return this;
        }

        public BitrixRestClient build() {
            if (http == null) {
                http = newHttpClient();
            }
            return new BitrixRestClient(this);
        }
    }
}
