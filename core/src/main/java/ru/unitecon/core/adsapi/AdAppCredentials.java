package ru.unitecon.core.adsapi;

import java.net.URI;
import java.util.Objects;

/**
 * The app's OAuth client on one ad platform, from configuration: its id and secret, the platform's base addresses
 * (the simulators' locally) and the app's callback address registered with the platform.
 *
 * @param oauthBase Yandex OAuth ({@code https://oauth.yandex.ru/}) or VK Ads ({@code https://ads.vk.com/})
 * @param apiBase   the Direct API ({@code https://api.direct.yandex.com/}) or VK Ads ({@code https://ads.vk.com/})
 */
public record AdAppCredentials(String clientId, String clientSecret, URI oauthBase, URI apiBase, URI redirectUri) {
    public AdAppCredentials {
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(clientSecret, "clientSecret");
        Objects.requireNonNull(oauthBase, "oauthBase");
        Objects.requireNonNull(apiBase, "apiBase");
        Objects.requireNonNull(redirectUri, "redirectUri");
    }

    @Override
    public String toString() {
        return "AdAppCredentials[" + clientId + ", " + oauthBase + ", " + apiBase + ", " + redirectUri + "]";
    }
}
