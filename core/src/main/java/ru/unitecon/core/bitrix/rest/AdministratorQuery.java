package ru.unitecon.core.bitrix.rest;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ru.unitecon.core.bitrix.CallInterrupted;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * Asks a portal whether the user behind an access token may manage its apps: {@code user.admin}, called with that
 * user's own token, answers {@code true} only for the portal's administrators. An OAuth server's {@code app.info}
 * vouches for any user's token, so this is what tells an administrator from an employee who opened the app.
 * One call, made once per install or update: no rate limiter, no retries, no token refresh.
 */
public final class AdministratorQuery {
    static final String METHOD = "user.admin";

    private static final Logger LOG = LoggerFactory.getLogger(AdministratorQuery.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private final HttpClient http;

    /** @param http a client that does not follow redirects ({@link BitrixRestClient#newHttpClient()}) */
    public AdministratorQuery(HttpClient http) {
        this.http = Objects.requireNonNull(http, "http");
    }

    /**
     * @param restEndpoint the portal's REST base as the OAuth server named it, never one from the request
     * @throws BitrixApiError     when the portal refuses the token (e.g. 401 {@code invalid_token})
     * @throws PortalUnavailable  when the portal cannot be reached, redirects or fails
     */
    public boolean isAdministrator(URI restEndpoint, String accessToken) {
        // POST with the token in the body, so that it is in no URL a proxy might log.
        HttpRequest request = HttpRequest.newBuilder(restEndpoint.resolve(METHOD)).timeout(TIMEOUT)
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .header("User-Agent", BitrixRestClient.USER_AGENT)
                .POST(HttpRequest.BodyPublishers.ofString(JSON.valueToTree(Map.of("auth", accessToken)).toString()))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            LOG.warn("{}: portal {} unreachable ({})", METHOD, restEndpoint.getHost(), e.getClass().getSimpleName());
            throw new PortalUnavailable(METHOD, e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CallInterrupted(METHOD);
        }
        int status = response.statusCode();
        // A redirect would carry the token to another host; the OAuth server names the portal's current address.
        if ((status >= 300 && status < 400) || status >= 500) {
            throw new PortalUnavailable(METHOD, "HTTP " + status);
        }
        JsonNode body = parse(response.body());
        if (status >= 400 || body == null || body.has("error") || !body.path("result").isBoolean()) {
            String code = body != null && body.has("error") ? body.path("error").asText("") : "INVALID_RESPONSE";
            throw new BitrixApiError(METHOD, code, status);
        }
        return body.path("result").asBoolean();
    }

    private static JsonNode parse(String body) {
        try {
            JsonNode json = body == null ? null : JSON.readTree(body);
            return json != null && json.isObject() ? json : null;
        } catch (JacksonException e) {
            return null;
        }
    }
}
