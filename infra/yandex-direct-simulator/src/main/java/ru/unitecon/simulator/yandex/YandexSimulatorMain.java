package ru.unitecon.simulator.yandex;

import ru.unitecon.simulator.loopback.MainOptions;

import java.net.URI;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

/**
 * Runs Yandex OAuth and the Direct Reports API with the demo accounts until stopped, for the local run. Options:
 * {@code --seed S} (1), {@code --days N} of history (400), {@code --client-id}, {@code --client-secret},
 * {@code --redirect-uri} for the app, {@code --login} of the user who consents on the authorize page (the salon).
 */
public final class YandexSimulatorMain {
    private YandexSimulatorMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        Map<String, String> options = MainOptions.parse(args);
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Moscow"));
        DirectDataset dataset = DirectDataset.generate(Long.parseLong(options.getOrDefault("seed", "1")),
                today.minusDays(Long.parseLong(options.getOrDefault("days", "400"))), today);
        YandexSimulator simulator = YandexSimulator.start(YandexSimulatorOptions.defaults()).load(dataset);
        YandexOAuthApp app = new YandexOAuthApp(options.getOrDefault("client-id", "local-direct-app"),
                options.getOrDefault("client-secret", "local-direct-secret"),
                URI.create(options.getOrDefault("redirect-uri", "http://localhost:8080/integrations/yandex/callback")), true);
        simulator.registerApp(app);
        simulator.signIn(options.getOrDefault("login", DirectDataset.SALON_LOGIN));
        System.out.println("Yandex OAuth:   " + simulator.oauthUrl());
        System.out.println("Direct Reports: " + simulator.reportsUrl());
        System.out.println("App:            " + app.clientId() + ", redirect " + app.redirectUri());
        System.out.println("Advertisers:    " + DirectDataset.SALON_LOGIN + "; agency " + DirectDataset.AGENCY_LOGIN
                + " with " + DirectDataset.AGENCY_RUB_CLIENT + ", " + DirectDataset.AGENCY_KZT_CLIENT);
        MainOptions.runUntilStopped(simulator);
    }
}
