package ru.unitecon.core.bitrix.tokens;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ru.unitecon.core.bitrix.Sleeper;
import ru.unitecon.core.bitrix.oauth.InvalidGrant;
import ru.unitecon.core.bitrix.oauth.OAuthServer;
import ru.unitecon.core.bitrix.oauth.TokenGrant;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Replaces an expired access token without ever spending the same refresh token twice. Refresh tokens rotate:
 * two workers refreshing one pair at once leave one of them with {@code invalid_grant}, and a careless one
 * overwrites the good pair with a dead one. So within this JVM refreshes of one portal run one at a time, and
 * across workers the store's conditional write decides who wins; losers take the winner's pair.
 * Use one instance per JVM.
 */
public final class TokenRefresher {
    private static final Logger LOG = LoggerFactory.getLogger(TokenRefresher.class);

    /** How long a worker in another JVM may take between spending a refresh token and storing the new pair. */
    public static final Duration RACE_GRACE = Duration.ofSeconds(2);

    private final OAuthServer oauth;
    private final TokenStorage store;
    private final Sleeper sleeper;
    private final ConcurrentMap<String, ReentrantLock> refreshing = new ConcurrentHashMap<>();

    public TokenRefresher(OAuthServer oauth, TokenStorage store) {
        this(oauth, store, Sleeper.SYSTEM);
    }

    public TokenRefresher(OAuthServer oauth, TokenStorage store, Sleeper sleeper) {
        this.oauth = Objects.requireNonNull(oauth, "oauth");
        this.store = Objects.requireNonNull(store, "store");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    }

    /** The stored pair. */
    public InstallationTokens current(String memberId) {
        return store.load(memberId).orElseThrow(() -> new PortalNeedsReconnect(memberId, "no tokens stored"));
    }

    /**
     * A working pair after the portal answered {@code expired_token} to {@code failedAccessToken}.
     *
     * @throws PortalNeedsReconnect when the refresh token is refused; the portal is then marked in the store
     */
    public InstallationTokens afterExpired(String memberId, String failedAccessToken) {
        ReentrantLock lock = refreshing.computeIfAbsent(memberId, id -> new ReentrantLock());
        lock.lock();
        try {
            InstallationTokens stored = current(memberId);
            if (!stored.accessToken().equals(failedAccessToken)) {
                return stored;
            }
            TokenGrant grant;
            try {
                grant = oauth.refresh(stored.serverEndpoint(), stored.refreshToken());
            } catch (InvalidGrant e) {
                return rotatedElsewhere(memberId, stored).orElseThrow(() -> needsReconnect(memberId));
            }
            InstallationTokens next = stored.rotated(grant);
            if (store.replaceIfCurrent(memberId, stored, next)) {
                LOG.info("portal {}: tokens refreshed", memberId);
                return next;
            }
            LOG.info("portal {}: another worker refreshed first, using its tokens", memberId);
            return current(memberId);
        } finally {
            lock.unlock();
        }
    }

    /**
     * A worker in another JVM may have spent the refresh token a moment ago; its pair is then in the store, or
     * will be once its write lands, so look twice before declaring the portal disconnected.
     */
    private Optional<InstallationTokens> rotatedElsewhere(String memberId, InstallationTokens spent) {
        Optional<InstallationTokens> now = storedOtherThan(memberId, spent);
        if (now.isPresent()) {
            return now;
        }
        sleeper.sleep(RACE_GRACE);
        return storedOtherThan(memberId, spent);
    }

    private Optional<InstallationTokens> storedOtherThan(String memberId, InstallationTokens spent) {
        return store.load(memberId).filter(stored -> !stored.refreshToken().equals(spent.refreshToken()));
    }

    private PortalNeedsReconnect needsReconnect(String memberId) {
        LOG.warn("portal {}: refresh token refused, marking for reconnection", memberId);
        store.markNeedsReconnect(memberId);
        return new PortalNeedsReconnect(memberId, "refresh token refused");
    }
}
