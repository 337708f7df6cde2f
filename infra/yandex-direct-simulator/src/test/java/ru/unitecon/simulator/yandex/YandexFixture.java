package ru.unitecon.simulator.yandex;

import ru.unitecon.simulator.ManualClock;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A Yandex simulator on a hand-moved clock (12:00 in Moscow on 14 August 2026) with the demo accounts, history from
 * March to the end of August (the simulator shows none of the days after today) and an approved app.
 */
final class YandexFixture implements AutoCloseable {
    static final Instant NOW = Instant.parse("2026-08-14T09:00:00Z");
    static final LocalDate TODAY = LocalDate.parse("2026-08-14");
    static final String CLIENT_ID = "test-direct-app";
    static final String CLIENT_SECRET = "test-direct-secret";
    static final URI REDIRECT = URI.create("https://app.example/integrations/yandex/callback");

    final ManualClock clock = new ManualClock(NOW);
    final YandexSimulator simulator;

    YandexFixture() {
        this(YandexSimulatorOptions.defaults());
    }

    YandexFixture(YandexSimulatorOptions options) {
        simulator = YandexSimulator.start(options.withClock(clock))
                .load(DirectDataset.generate(7, LocalDate.parse("2026-03-01"), LocalDate.parse("2026-08-31")));
        simulator.registerApp(new YandexOAuthApp(CLIENT_ID, CLIENT_SECRET, REDIRECT, true));
    }

    String tokenOf(String login) {
        return simulator.issueTokens(CLIENT_ID, login).accessToken();
    }

    DirectHttp.Reply report(String token, String body, String... headers) {
        return DirectHttp.postReport(simulator.reportsUrl(), token, body, headers);
    }

    DirectAdvertiser salon() {
        return simulator.advertiser(DirectDataset.SALON_LOGIN);
    }

    @Override
    public void close() {
        simulator.close();
    }
}
