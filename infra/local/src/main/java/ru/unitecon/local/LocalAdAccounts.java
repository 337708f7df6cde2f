package ru.unitecon.local;

import ru.unitecon.core.ads.AdPlatform;
import ru.unitecon.core.adsapi.AdAppCredentials;
import ru.unitecon.core.adsapi.AdHttp;
import ru.unitecon.core.adsapi.LocalDataKeys;
import ru.unitecon.core.adsapi.TokenSealer;
import ru.unitecon.core.adsapi.VkAds;
import ru.unitecon.core.adsapi.YandexDirect;
import ru.unitecon.core.adsimport.AdConnections;
import ru.unitecon.core.adsimport.AdPlatforms;
import ru.unitecon.core.bitrix.Sleeper;
import ru.unitecon.simulator.vk.VkAdsClient;
import ru.unitecon.simulator.vk.VkAdsDataset;
import ru.unitecon.simulator.vk.VkAdsSimulator;
import ru.unitecon.simulator.vk.VkAdsSimulatorOptions;
import ru.unitecon.simulator.yandex.DirectDataset;
import ru.unitecon.simulator.yandex.YandexOAuthApp;
import ru.unitecon.simulator.yandex.YandexSimulator;
import ru.unitecon.simulator.yandex.YandexSimulatorOptions;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The local run's ad accounts: the Yandex and VK Ads simulators with the salon's accounts (120 days of statistics up
 * to today), the app registered with both, and its tokens sealed with a fixed development key. The demo's accounts
 * are connected through the real authorization-code flow, as an administrator would connect them.
 */
final class LocalAdAccounts implements AutoCloseable {
    /** The local run's token key: a development value, never used anywhere else. */
    static final String DEV_TOKEN_KEY = "bG9jYWwtcnVuLWRldmVsb3BtZW50LWtleS0zMmJ5dGU=";
    static final String DIRECT_CLIENT_ID = "local-direct-app";
    static final String DIRECT_CLIENT_SECRET = "local-direct-secret";
    static final String VK_CLIENT_ID = "local-vk-app";
    static final String VK_CLIENT_SECRET = "local-vk-secret";
    private static final int HISTORY_DAYS = 120;

    private final YandexSimulator yandex;
    private final VkAdsSimulator vk;
    private final AdPlatforms platforms;
    private final HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    LocalAdAccounts(URI appUrl) {
        LocalDate today = LocalDate.now(DemoSalon.ZONE);
        URI directCallback = URI.create(appUrl + "/ads/callback/direct");
        URI vkCallback = URI.create(appUrl + "/ads/callback/vkads");
        yandex = YandexSimulator.start(YandexSimulatorOptions.defaults())
                .load(DirectDataset.generate(16, today.minusDays(HISTORY_DAYS), today));
        yandex.registerApp(new YandexOAuthApp(DIRECT_CLIENT_ID, DIRECT_CLIENT_SECRET, directCallback, true));
        vk = VkAdsSimulator.start(VkAdsSimulatorOptions.defaults())
                .load(VkAdsDataset.generate(16, today.minusDays(HISTORY_DAYS), today));
        vk.registerClient(new VkAdsClient(VK_CLIENT_ID, VK_CLIENT_SECRET, VkAdsDataset.SALON_USERNAME,
                Set.of(vkCallback), true, false));
        HttpClient http = HttpClient.newHttpClient();
        platforms = new AdPlatforms(new TokenSealer(LocalDataKeys.fromBase64(DEV_TOKEN_KEY)),
                new YandexDirect(new AdAppCredentials(DIRECT_CLIENT_ID, DIRECT_CLIENT_SECRET, yandex.oauthUrl(),
                        yandex.apiUrl(), directCallback), http, Sleeper.SYSTEM, AdHttp.DEFAULT_TIMEOUT),
                new VkAds(new AdAppCredentials(VK_CLIENT_ID, VK_CLIENT_SECRET, vk.baseUrl(), vk.baseUrl(),
                        vkCallback), http, Sleeper.SYSTEM, AdHttp.DEFAULT_TIMEOUT));
    }

    AdPlatforms platforms() {
        return platforms;
    }

    /** The salon's administrator connects its Direct and VK Ads accounts; each imports its history at once. */
    List<AdConnections.Connected> connectDemo(AdConnections connecting, String memberId, long administrator) {
        yandex.signIn(DirectDataset.SALON_LOGIN);
        vk.signIn(VkAdsDataset.SALON_USERNAME);
        return List.of(connect(connecting, memberId, administrator, AdPlatform.YANDEX_DIRECT),
                connect(connecting, memberId, administrator, AdPlatform.VK_ADS));
    }

    private AdConnections.Connected connect(AdConnections connecting, String memberId, long administrator,
                                            AdPlatform platform) {
        URI consent = connecting.start(memberId, administrator, true, platform, null);
        Map<String, String> back = redirectParameters(consent);
        return connecting.finish(platform, back.get("state"), back.get("code"), back.get("error"));
    }

    private Map<String, String> redirectParameters(URI consent) {
        try {
            HttpResponse<Void> response = browser.send(HttpRequest.newBuilder(consent).GET().build(),
                    HttpResponse.BodyHandlers.discarding());
            URI location = URI.create(response.headers().firstValue("Location")
                    .orElseThrow(() -> new IllegalStateException("the consent page answered "
                            + response.statusCode())));
            Map<String, String> parameters = new HashMap<>();
            for (String pair : location.getRawQuery().split("&")) {
                String[] kv = pair.split("=", 2);
                parameters.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                        kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
            }
            return parameters;
        } catch (IOException e) {
            throw new IllegalStateException("the consent page did not answer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    @Override
    public void close() {
        yandex.close();
        vk.close();
    }
}
