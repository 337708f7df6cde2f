package ru.unitecon.core.bitrix.tokens;

import java.util.Optional;

/** Where the installations' token pairs live, keyed by {@code member_id}. Shared by every worker of the app. */
public interface PortalTokensStore {

    /** The stored pair, or empty when the portal never connected or has been marked for reconnection. */
    Optional<PortalTokens> load(String memberId);

    /**
     * Stores {@code next} only if the stored refresh token is still {@code expected}'s: a refresh token is spent
     * once used, so of two workers that refreshed the same pair only the first may write.
     *
     * @return false when another worker replaced the pair first
     */
    boolean replaceIfCurrent(String memberId, PortalTokens expected, PortalTokens next);

    /** The pair can no longer be refreshed; the portal's admin has to open the app again. */
    void markNeedsReconnect(String memberId);
}
