package ru.unitecon.core.adsimport;

import ru.unitecon.core.ads.AdAccount;
import ru.unitecon.core.ads.AdPlatform;
import ru.unitecon.core.adsapi.LocalDataKeys;
import ru.unitecon.core.adsapi.TokenSealer;
import ru.unitecon.core.adsapi.AdAppCredentials;
import ru.unitecon.core.adsapi.VkAds;
import ru.unitecon.core.adsapi.YandexDirect;
import ru.unitecon.core.bitrix.RecordingSleeper;
import ru.unitecon.core.portal.PortalSettings;
import ru.unitecon.core.portal.SettingSource;
import ru.unitecon.core.wiring.AdServices;
import ru.unitecon.simulator.Dataset;
import ru.unitecon.simulator.PortalRecords;
import ru.unitecon.simulator.vk.VkAdsClient;
import ru.unitecon.simulator.vk.VkAdsDataset;
import ru.unitecon.simulator.vk.VkAdsSimulator;
import ru.unitecon.simulator.vk.VkAdsSimulatorOptions;
import ru.unitecon.simulator.yandex.DirectDataset;
import ru.unitecon.simulator.yandex.YandexOAuthApp;
import ru.unitecon.simulator.yandex.YandexSimulator;
import ru.unitecon.simulator.yandex.YandexSimulatorOptions;
import ru.unitecon.testsupport.LocalDynamo;
import ru.unitecon.testsupport.ServicesOnSimulatedPortal;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * A salon installed on the simulated portal, with the Yandex and VK Ads simulators on the same manual clock, and the
 * ad services as the wiring builds them; every wait moves the clock instead of sleeping.
 */
final class AdWorld implements AutoCloseable {
    static final URI DIRECT_CALLBACK = URI.create("https://app.example/app/ads/callback/direct");
    static final URI VK_CALLBACK = URI.create("https://app.example/app/ads/callback/vkads");
    static final Duration TIMEOUT = Duration.ofMillis(700);
    static final LocalDate FIRST_DAY = LocalDate.of(2026, 5, 1);
    static final LocalDate LAST_DAY = LocalDate.of(2027, 1, 31);

    final ServicesOnSimulatedPortal app = ServicesOnSimulatedPortal.start(Dataset.bundledSample());
    final RecordingSleeper sleeper = new RecordingSleeper(app.clock);
    final YandexSimulator yandex;
    final VkAdsSimulator vk;
    final String tokenKey = randomKey();
    final AdServices ads;
    final long admin;
    private final HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    AdWorld(ZoneId zone) {
        this(zone, UnaryOperator.identity());
    }

    AdWorld(ZoneId zone, UnaryOperator<YandexSimulatorOptions> yandexOptions) {
        app.install();
        PortalSettings settings = app.services.settings().load(memberId());
        app.services.settings().save(memberId(), settings.withZone(zone, SettingSource.admin(app.clock.instant())));
        admin = Long.parseLong(app.portal.seed().dataset().adminUserId());
        yandex = YandexSimulator.start(yandexOptions.apply(YandexSimulatorOptions.defaults().withClock(app.clock)))
                .load(DirectDataset.generate(11, FIRST_DAY, LAST_DAY));
        yandex.registerApp(new YandexOAuthApp("direct-app", "direct-secret", DIRECT_CALLBACK, true));
        vk = VkAdsSimulator.start(VkAdsSimulatorOptions.defaults().withClock(app.clock))
                .load(VkAdsDataset.generate(12, FIRST_DAY, LAST_DAY));
        vk.registerClient(new VkAdsClient("vk-app", "vk-secret", VkAdsDataset.SALON_USERNAME, java.util.Set.of(VK_CALLBACK),
                true, false));
        ads = services(tokenKey);
    }

    /** The ad services as another process with this key would build them (a wrong key, for the test of one). */
    AdServices services(String key) {
        HttpClient http = HttpClient.newHttpClient();
        AdPlatforms platforms = new AdPlatforms(sealer(key),
                new YandexDirect(new AdAppCredentials("direct-app", "direct-secret", yandex.oauthUrl(),
                        yandex.apiUrl(), DIRECT_CALLBACK), http, sleeper, TIMEOUT),
                new VkAds(new AdAppCredentials("vk-app", "vk-secret", vk.baseUrl(), vk.baseUrl(), VK_CALLBACK), http,
                        sleeper, TIMEOUT));
        return AdServices.on(LocalDynamo.client(), app.table, app.services, platforms);
    }

    String memberId() {
        return app.memberId();
    }

    /** The administrator connects the Yandex login (an agency names its client) and Yandex redirects back. */
    AdConnections.Connected connectDirect(String yandexLogin, String clientLogin) {
        URI consent = ads.connecting().start(memberId(), admin, true, AdPlatform.YANDEX_DIRECT, clientLogin);
        yandex.signIn(yandexLogin);
        Map<String, String> back = followConsent(consent);
        return ads.connecting().finish(AdPlatform.YANDEX_DIRECT, back.get("state"), back.get("code"),
                back.get("error"));
    }

    AdConnections.Connected connectVk(String username) {
        URI consent = ads.connecting().start(memberId(), admin, true, AdPlatform.VK_ADS, null);
        vk.signIn(username);
        Map<String, String> back = followConsent(consent);
        return ads.connecting().finish(AdPlatform.VK_ADS, back.get("state"), back.get("code"), back.get("error"));
    }

    /** The browser opens the consent address; the platform answers with a redirect to the app's callback. */
    Map<String, String> followConsent(URI consent) {
        try {
            HttpResponse<String> response = browser.send(HttpRequest.newBuilder(consent).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            URI location = URI.create(response.headers().firstValue("Location")
                    .orElseThrow(() -> new AssertionError("no redirect: " + response.statusCode() + " "
                            + response.body())));
            Map<String, String> params = new HashMap<>();
            for (String pair : location.getRawQuery().split("&")) {
                String[] kv = pair.split("=", 2);
                params.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                        URLDecoder.decode(kv.length > 1 ? kv[1] : "", StandardCharsets.UTF_8));
            }
            return params;
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    AdAccount directAccount(String login) {
        return new AdAccount(AdPlatform.YANDEX_DIRECT, login);
    }

    /** Sets the clock to this local time of the portal's zone. */
    void at(String localDateTime) {
        ZoneId zone = app.services.settings().load(memberId()).zone();
        app.clock.set(java.time.LocalDateTime.parse(localDateTime).atZone(zone).toInstant());
    }

    Instant now() {
        return app.clock.instant();
    }

    List<PortalRecords.Notification> notifications() {
        return app.portal.records().notifications();
    }

    static TokenSealer sealer(String key) {
        return new TokenSealer(LocalDataKeys.fromBase64(key));
    }

    static String randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    @Override
    public void close() {
        try {
            if (!yandex.violations().isEmpty() || !vk.violations().isEmpty()) {
                throw new AssertionError("requests the platforms would refuse: " + yandex.violations() + " "
                        + vk.violations());
            }
        } finally {
            yandex.close();
            vk.close();
            app.close();
        }
    }
}
