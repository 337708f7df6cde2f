package ru.unitecon.simulator.yandex;

import java.net.URI;

/**
 * An app registered on Yandex OAuth with the Direct API permission. {@code directApiAccessApproved} is the developer's
 * Direct API access request: until it is approved every Reports call answers error 58 "Incomplete registration".
 */
public record YandexOAuthApp(String clientId, String clientSecret, URI redirectUri, boolean directApiAccessApproved) {

    @Override
    public String toString() {
        return "YandexOAuthApp[" + clientId + ", redirect " + redirectUri + ", approved " + directApiAccessApproved + "]";
    }
}
