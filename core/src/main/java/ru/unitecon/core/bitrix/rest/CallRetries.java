package ru.unitecon.core.bitrix.rest;

import com.fasterxml.jackson.databind.JsonNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ru.unitecon.core.bitrix.Sleeper;
import ru.unitecon.core.bitrix.tokens.InstallationTokens;
import ru.unitecon.core.bitrix.tokens.TokenRefresher;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Consumer;

/**
 * When a {@link BitrixRestClient}'s call is tried again, after how long, and when it gives up: the portal's rate
 * limit (QUERY_LIMIT_EXCEEDED, with backoff), its operating-time blocks (OPERATION_TIME_LIMIT, waited out until the
 * reset the portal named), an expired token (refreshed once per call), timeouts and server errors (reads only,
 * with backoff) and redirects (at most two). One per client, so that a method's last known reset time serves its
 * later calls.
 */
final class CallRetries {
    // The client's name, so that its log lines read as they did before the retries had a class of their own.
    private static final Logger LOG = LoggerFactory.getLogger(BitrixRestClient.class);
    private static final int MAX_REDIRECTS = 2;
    // Set by Bitrix24 support by hand; retrying within a call cannot help.
    private static final Duration OVERLOAD_RETRY_AFTER = Duration.ofMinutes(15);

    private final String memberId;
    private final TokenRefresher refresher;
    private final InstantSource clock;
    private final Sleeper sleeper;
    private final RateLimits limits;
    private final Backoff backoff;
    private final int maxLimitRetries;
    private final int maxTransientRetries;
    private final Duration maxOperatingWait;
    private final ConcurrentMap<String, Instant> operatingResetAt = new ConcurrentHashMap<>();

    CallRetries(String memberId, TokenRefresher refresher, InstantSource clock, Sleeper sleeper,
                RateLimits limits, Backoff backoff, int maxLimitRetries, int maxTransientRetries,
                Duration maxOperatingWait) {
        this.memberId = memberId;
        this.refresher = refresher;
        this.clock = clock;
        this.sleeper = sleeper;
        this.limits = limits;
        this.backoff = backoff;
        this.maxLimitRetries = maxLimitRetries;
        this.maxTransientRetries = maxTransientRetries;
        this.maxOperatingWait = maxOperatingWait;
    }

    /**
     * The retries of one call.
     *
     * @param retryable whether a timeout or server error may be repeated (a read's; a write may have happened)
     * @param onRefresh takes the tokens an expired token was refreshed to, for the call's next attempt
     */
    Attempts start(String method, boolean retryable, Consumer<InstallationTokens> onRefresh) {
        return new Attempts(method, retryable, onRefresh);
    }

    private Duration operatingWait(String method, JsonNode json, int retry) {
        long resetAt = json == null ? 0 : json.path("time").path("operating_reset_at").asLong(0);
        Instant reset = resetAt > 0 ? Instant.ofEpochSecond(resetAt) : operatingResetAt.get(method);
        if (reset == null) {
            return backoff.delay(retry);
        }
        Duration wait = Duration.between(clock.instant(), reset).plusSeconds(1);
        return wait.isNegative() ? Duration.ofSeconds(1) : wait;
    }

    /** Keeps the reset time a successful answer names, for a later block of the same method that names none. */
    void rememberOperatingReset(String method, JsonNode json) {
        long resetAt = json.path("time").path("operating_reset_at").asLong(0);
        if (resetAt > 0) {
            operatingResetAt.put(method, Instant.ofEpochSecond(resetAt));
        }
    }

    /** One call's retries so far, and what to do about the portal's latest answer. */
    final class Attempts {
        private final String method;
        private final boolean retryable;
        private final Consumer<InstallationTokens> onRefresh;
        private int redirects;
        private int limitRetries;
        private int transientRetries;
        private boolean refreshed;

        private Attempts(String method, boolean retryable, Consumer<InstallationTokens> onRefresh) {
            this.method = method;
            this.retryable = retryable;
            this.onRefresh = onRefresh;
        }

        void redirected() {
            if (++redirects > MAX_REDIRECTS) {
                throw new PortalUnavailable(method, "too many redirects");
            }
        }

        void transientFailure(String reason) {
            if (!retryable || ++transientRetries > maxTransientRetries) {
                throw new PortalUnavailable(method, reason);
            }
            LOG.warn("{}: {}, retry {}", method, reason, transientRetries);
            sleeper.sleep(backoff.delay(transientRetries));
        }

        /** Waits, refreshes or throws, so that the loop may try again. */
        void refused(int status, JsonNode json, InstallationTokens used) {
            String code = json != null && json.has("error") ? json.path("error").asText("") : "HTTP_" + status;
            LOG.info("{}: refused with {} (HTTP {})", method, code.isEmpty() ? "empty error" : code, status);
            switch (code) {
                case "QUERY_LIMIT_EXCEEDED" -> {
                    limits.drain(memberId);
                    if (++limitRetries > maxLimitRetries) {
                        throw new RateLimited(method, code, backoff.ceiling(limitRetries));
                    }
                    sleeper.sleep(backoff.delay(limitRetries));
                }
                case "OPERATION_TIME_LIMIT" -> {
                    Duration wait = operatingWait(method, json, limitRetries + 1);
                    if (++limitRetries > maxLimitRetries || wait.compareTo(maxOperatingWait) > 0) {
                        throw new RateLimited(method, code, wait);
                    }
                    sleeper.sleep(wait);
                }
                case "OVERLOAD_LIMIT" -> throw new RateLimited(method, code, OVERLOAD_RETRY_AFTER);
                case "expired_token" -> {
                    if (refreshed) {
                        throw new BitrixApiError(method, code, status);
                    }
                    refreshed = true;
                    onRefresh.accept(refresher.afterExpired(memberId, used.accessToken()));
                }
                default -> {
                    if (status < 500) {
                        throw new BitrixApiError(method, code, status);
                    }
                    transientFailure(code);
                }
            }
        }
    }
}
