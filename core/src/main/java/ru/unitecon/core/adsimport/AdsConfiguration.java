package ru.unitecon.core.adsimport;

import ru.unitecon.core.adsapi.AdAppCredentials;
import ru.unitecon.core.adsapi.AdHttp;
import ru.unitecon.core.adsapi.DataKeys;
import ru.unitecon.core.adsapi.TokenSealer;
import ru.unitecon.core.adsapi.VkAds;
import ru.unitecon.core.adsapi.YandexDirect;
import ru.unitecon.core.bitrix.Sleeper;

import java.net.URI;
import java.net.http.HttpClient;
import java.util.Map;
import java.util.Set;

/**
 * The ad platforms from the environment: each platform's OAuth client id, secret and the app's callback address
 * registered with it. A platform whose client id is blank is not configured (it cannot be connected). The platforms'
 * own addresses are the real ones; the local run and the tests point the clients at the simulators themselves.
 */
public final class AdsConfiguration {
    public static final String YANDEX_CLIENT_ID = "YANDEX_CLIENT_ID";
    public static final String YANDEX_CLIENT_SECRET = "YANDEX_CLIENT_SECRET";
    public static final String YANDEX_REDIRECT_URL = "YANDEX_REDIRECT_URL";
    public static final String VK_ADS_CLIENT_ID = "VK_ADS_CLIENT_ID";
    public static final String VK_ADS_CLIENT_SECRET = "VK_ADS_CLIENT_SECRET";
    public static final String VK_ADS_REDIRECT_URL = "VK_ADS_REDIRECT_URL";
    /** Every variable this class reads. */
    public static final Set<String> VARIABLES = Set.of(YANDEX_CLIENT_ID, YANDEX_CLIENT_SECRET, YANDEX_REDIRECT_URL,
            VK_ADS_CLIENT_ID, VK_ADS_CLIENT_SECRET, VK_ADS_REDIRECT_URL);
    public static final URI YANDEX_OAUTH = URI.create("https://oauth.yandex.ru/");
    public static final URI DIRECT_API = URI.create("https://api.direct.yandex.com/");
    public static final URI VK_ADS = URI.create("https://ads.vk.com/");

    private AdsConfiguration() {
    }

    public static AdPlatforms platforms(Map<String, String> environment, DataKeys keys, HttpClient http,
                                        Sleeper sleeper) {
        AdAppCredentials yandex = credentials(environment, YANDEX_CLIENT_ID, YANDEX_CLIENT_SECRET,
                YANDEX_REDIRECT_URL, YANDEX_OAUTH, DIRECT_API);
        AdAppCredentials vk = credentials(environment, VK_ADS_CLIENT_ID, VK_ADS_CLIENT_SECRET, VK_ADS_REDIRECT_URL,
                VK_ADS, VK_ADS);
        return new AdPlatforms(new TokenSealer(keys),
                yandex == null ? null : new YandexDirect(yandex, http, sleeper, AdHttp.DEFAULT_TIMEOUT),
                vk == null ? null : new VkAds(vk, http, sleeper, AdHttp.DEFAULT_TIMEOUT));
    }

    private static AdAppCredentials credentials(Map<String, String> environment, String idVariable,
                                                String secretVariable, String redirectVariable, URI oauth, URI api) {
        String id = environment.getOrDefault(idVariable, "").strip();
        if (id.isEmpty()) {
            return null;
        }
        String secret = environment.getOrDefault(secretVariable, "").strip();
        String redirect = environment.getOrDefault(redirectVariable, "").strip();
        if (secret.isEmpty() || redirect.isEmpty()) {
            throw new IllegalStateException(idVariable + " is set, so " + secretVariable + " and "
                    + redirectVariable + " must be set too");
        }
        return new AdAppCredentials(id, secret, oauth, api, URI.create(redirect));
    }
}
