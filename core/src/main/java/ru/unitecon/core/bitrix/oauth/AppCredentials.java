package ru.unitecon.core.bitrix.oauth;

import java.util.Map;

/** The app's OAuth client id and secret from the app card. The secret only ever goes to the OAuth server. */
public record AppCredentials(String clientId, String clientSecret) {
    public static final String CLIENT_ID_VARIABLE = "BITRIX_CLIENT_ID";
    public static final String CLIENT_SECRET_VARIABLE = "BITRIX_CLIENT_SECRET";

    public AppCredentials {
        if (clientId == null || clientId.isBlank()) {
            throw new IllegalArgumentException("client id is missing");
        }
        if (clientSecret == null || clientSecret.isBlank()) {
            throw new IllegalArgumentException("client secret is missing");
        }
    }

    public static AppCredentials fromEnvironment() {
        return from(System.getenv());
    }

    public static AppCredentials from(Map<String, String> environment) {
        String id = environment.get(CLIENT_ID_VARIABLE);
        String secret = environment.get(CLIENT_SECRET_VARIABLE);
        if (id == null || id.isBlank() || secret == null || secret.isBlank()) {
            throw new IllegalStateException(CLIENT_ID_VARIABLE + " and " + CLIENT_SECRET_VARIABLE + " must be set");
        }
        return new AppCredentials(id.strip(), secret.strip());
    }

    @Override
    public String toString() {
        return "AppCredentials[clientId=" + clientId + ", clientSecret=***]";
    }
}
