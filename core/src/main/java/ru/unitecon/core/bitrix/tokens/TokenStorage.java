package ru.unitecon.core.bitrix.tokens;

import java.util.Optional;

/** Where the installations' token pairs live, keyed by {@code member_id}. Shared by every worker of the app. */
public interface TokenStorage {

    /** The stored pair, or empty when the portal never connected or has been marked for reconnection. */
    Optional<InstallationTokens> load(String memberId);

    /**
     * Stores {@code next} only if the stored refresh token is still {@code expected}'s: a refresh token is spent
     * once used, so of two workers that refreshed the same pair only the first may write.
     *
     * @return false when another worker replaced the pair first
     */
    boolean replaceIfCurrent(String memberId, InstallationTokens expected, InstallationTokens next);

    /** The pair can no longer be refreshed; the portal's admin has to open the app again. */
    void markNeedsReconnect(String memberId);

    /**
     * The portal answered from a new address (its admin renamed it): keep it, so later calls, in any worker, go
     * straight there instead of through the old address's redirect, which Bitrix24 keeps only for a while.
     *
     * @param domain         the new host, e.g. {@code new-name.bitrix24.com}
     * @param clientEndpoint the new REST base, {@code https://new-name.bitrix24.com/rest/}
     */
    void recordMove(String memberId, String domain, String clientEndpoint);
}
