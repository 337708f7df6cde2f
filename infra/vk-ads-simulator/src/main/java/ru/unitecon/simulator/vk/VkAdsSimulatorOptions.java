package ru.unitecon.simulator.vk;

import java.time.Duration;
import java.time.InstantSource;
import java.util.Objects;

/**
 * How the VK Ads simulator behaves. From the docs ("Authorization", statistics limits): access tokens live one day,
 * tokens not refreshed for a month are deleted, codes live an hour, at most 5 tokens per client and user, statistics
 * for at most 92 days and 200 objects a request. Not documented, so stated here: 10 requests a second per token.
 */
public record VkAdsSimulatorOptions(InstantSource clock, Duration accessTokenLifetime, Duration inactiveTokenDeletion,
                                    Duration codeLifetime, int tokensPerClientAndUser, int requestsPerSecond,
                                    int statisticsMaxDays, int statisticsMaxIds) {

    public VkAdsSimulatorOptions {
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(accessTokenLifetime, "accessTokenLifetime");
        Objects.requireNonNull(inactiveTokenDeletion, "inactiveTokenDeletion");
        Objects.requireNonNull(codeLifetime, "codeLifetime");
        if (tokensPerClientAndUser < 1 || requestsPerSecond < 1 || statisticsMaxDays < 1 || statisticsMaxIds < 1) {
            throw new IllegalArgumentException("limits must be positive");
        }
    }

    public static VkAdsSimulatorOptions defaults() {
        return new VkAdsSimulatorOptions(InstantSource.system(), Duration.ofDays(1), Duration.ofDays(30),
                Duration.ofHours(1), 5, 10, 92, 200);
    }

    public VkAdsSimulatorOptions withClock(InstantSource newClock) {
        return new VkAdsSimulatorOptions(newClock, accessTokenLifetime, inactiveTokenDeletion, codeLifetime,
                tokensPerClientAndUser, requestsPerSecond, statisticsMaxDays, statisticsMaxIds);
    }

    public VkAdsSimulatorOptions withRequestsPerSecond(int limit) {
        return new VkAdsSimulatorOptions(clock, accessTokenLifetime, inactiveTokenDeletion, codeLifetime,
                tokensPerClientAndUser, limit, statisticsMaxDays, statisticsMaxIds);
    }
}
