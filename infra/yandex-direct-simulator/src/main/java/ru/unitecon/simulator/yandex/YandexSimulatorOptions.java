package ru.unitecon.simulator.yandex;

import java.time.Duration;
import java.time.InstantSource;
import java.util.Objects;

/**
 * How the Yandex simulator behaves. Defaults follow the docs where they give a number: confirmation codes live
 * 10 minutes, at most 5 offline reports queue per advertiser. Where the docs give none the default is stated:
 * tokens live a year (the {@code expires_in} of a debug token), refresh keeps a token with more than 90 days left
 * (the docs advise refreshing every three months), reports of more than 1 000 rows go offline, an offline report
 * is ready 10 seconds and one poll after it was queued and is kept 5 hours.
 */
public record YandexSimulatorOptions(InstantSource clock, Duration accessTokenLifetime, Duration keepAccessTokenAbove,
                                     Duration codeLifetime, int onlineRowLimit, Duration offlineReadyAfter,
                                     int offlinePollsBeforeReady, int offlineQueueLimit, Duration offlineReportRetention) {

    public YandexSimulatorOptions {
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(accessTokenLifetime, "accessTokenLifetime");
        Objects.requireNonNull(keepAccessTokenAbove, "keepAccessTokenAbove");
        Objects.requireNonNull(codeLifetime, "codeLifetime");
        Objects.requireNonNull(offlineReadyAfter, "offlineReadyAfter");
        Objects.requireNonNull(offlineReportRetention, "offlineReportRetention");
        if (onlineRowLimit < 0 || offlinePollsBeforeReady < 0 || offlineQueueLimit < 1) {
            throw new IllegalArgumentException("row limit and polls must be >= 0, the queue limit >= 1");
        }
    }

    public static YandexSimulatorOptions defaults() {
        return new YandexSimulatorOptions(InstantSource.system(), Duration.ofDays(365), Duration.ofDays(90),
                Duration.ofMinutes(10), 1_000, Duration.ofSeconds(10), 1, 5, Duration.ofHours(5));
    }

    public YandexSimulatorOptions withClock(InstantSource newClock) {
        return new YandexSimulatorOptions(newClock, accessTokenLifetime, keepAccessTokenAbove, codeLifetime,
                onlineRowLimit, offlineReadyAfter, offlinePollsBeforeReady, offlineQueueLimit, offlineReportRetention);
    }

    /** Reports with more rows than this cannot be built online: auto mode queues them, online mode refuses them. */
    public YandexSimulatorOptions withOnlineRowLimit(int rows) {
        return new YandexSimulatorOptions(clock, accessTokenLifetime, keepAccessTokenAbove, codeLifetime,
                rows, offlineReadyAfter, offlinePollsBeforeReady, offlineQueueLimit, offlineReportRetention);
    }

    /** An offline report is ready once {@code after} has passed on the clock and it was polled {@code polls} times. */
    public YandexSimulatorOptions withOfflineReadiness(Duration after, int polls) {
        return new YandexSimulatorOptions(clock, accessTokenLifetime, keepAccessTokenAbove, codeLifetime,
                onlineRowLimit, after, polls, offlineQueueLimit, offlineReportRetention);
    }

    public YandexSimulatorOptions withAccessTokenLifetime(Duration lifetime, Duration keepAbove) {
        return new YandexSimulatorOptions(clock, lifetime, keepAbove, codeLifetime,
                onlineRowLimit, offlineReadyAfter, offlinePollsBeforeReady, offlineQueueLimit, offlineReportRetention);
    }
}
