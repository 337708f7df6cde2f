package ru.unitecon.core.bitrix;

import ru.unitecon.simulator.ManualClock;
import ru.unitecon.core.bitrix.oauth.AppCredentials;
import ru.unitecon.core.bitrix.oauth.OAuthServer;
import ru.unitecon.core.bitrix.rest.Backoff;
import ru.unitecon.core.bitrix.rest.BitrixRestClient;
import ru.unitecon.core.bitrix.rest.RateLimits;
import ru.unitecon.core.bitrix.tokens.InMemoryTokenStorage;
import ru.unitecon.core.bitrix.tokens.InstallationTokens;
import ru.unitecon.core.bitrix.tokens.TokenRefresher;
import ru.unitecon.simulator.Dataset;
import ru.unitecon.simulator.IssuedTokens;
import ru.unitecon.simulator.PortalSeed;
import ru.unitecon.simulator.PortalSimulator;
import ru.unitecon.simulator.SimulatedPortal;
import ru.unitecon.simulator.SimulatorOptions;

import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Our app installed on a simulated portal: the simulator and our clients share one manual clock, and every
 * wait goes through a recording sleeper that moves it, so limits and expiry play out without real time passing.
 */
public final class SimulatedInstallation implements AutoCloseable {
    public final ManualClock clock = new ManualClock(Instant.parse("2026-11-23T09:00:00Z"));
    public final RecordingSleeper sleeper = new RecordingSleeper(clock);
    public final PortalSimulator simulator;
    public final SimulatedPortal portal;
    public final AppCredentials credentials;
    public final OAuthServer oauth;
    public final InMemoryTokenStorage store = new InMemoryTokenStorage();
    public final TokenRefresher refresher;
    public final RateLimits limits = new RateLimits(clock, sleeper, RateLimits.BURST,
            RateLimits.PER_SECOND);

    private SimulatedInstallation(SimulatorOptions options, Dataset dataset, ZoneId zone) {
        simulator = PortalSimulator.start(options.withClock(clock));
        portal = simulator.createPortal(PortalSeed.of(dataset).withTimeZone(zone));
        credentials = new AppCredentials(portal.seed().clientId(), portal.seed().clientSecret());
        oauth = new OAuthServer(HttpClient.newHttpClient(), credentials, List.of(simulator.oauthServerUrl()));
        refresher = new TokenRefresher(oauth, store, sleeper);
        IssuedTokens admin = portal.issueTokens(portal.seed().dataset().adminUserId());
        store.put(portal.memberId(), new InstallationTokens(admin.accessToken(), admin.refreshToken(), admin.expiresAt(),
                portal.clientEndpoint().toString(), portal.serverEndpoint().toString()));
    }

    public static SimulatedInstallation start() {
        return start(SimulatorOptions.defaults());
    }

    public static SimulatedInstallation start(SimulatorOptions options) {
        return new SimulatedInstallation(options, Dataset.bundledSample(), ZoneId.of("Europe/Moscow"));
    }

    /** A portal in {@code zone} holding {@code dataset}. */
    public static SimulatedInstallation start(Dataset dataset, ZoneId zone) {
        return new SimulatedInstallation(SimulatorOptions.defaults(), dataset, zone);
    }

    public String memberId() {
        return portal.memberId();
    }

    /** A REST client as production builds it, but on the shared clock and sleeper and with seeded jitter. */
    public BitrixRestClient.Builder clientBuilder() {
        return BitrixRestClient.builder(memberId(), store, refresher)
                .http(BitrixRestClient.newHttpClient())
                .clock(clock)
                .sleeper(sleeper)
                .rateLimits(limits)
                .backoff(new Backoff(Duration.ofMillis(500), Duration.ofSeconds(30), new SplittableRandom(7)))
                .requestTimeout(Duration.ofSeconds(20));
    }

    public BitrixRestClient client() {
        return clientBuilder().build();
    }

    public InstallationTokens storedTokens() {
        return store.load(memberId()).orElseThrow();
    }

    /** Closes the simulator after asserting that every call the app made matched Bitrix24's method table. */
    public void closeAfterCheckingCalls() {
        try {
            assertEquals(List.of(), portal.violations());
        } finally {
            close();
        }
    }

    @Override
    public void close() {
        simulator.close();
    }
}
