package ru.unitecon.simulator.vk;

import com.fasterxml.jackson.databind.JsonNode;
import ru.unitecon.simulator.ManualClock;
import ru.unitecon.simulator.loopback.HttpExchanges;
import ru.unitecon.simulator.loopback.LoopbackClient;
import ru.unitecon.simulator.loopback.LoopbackJson;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A VK Ads simulator at noon in Moscow on 14 August 2026 with the demo accounts and one client owned by the salon
 * that may use the Authorization Code flow; plus the HTTP calls the importer makes.
 */
final class VkFixture implements AutoCloseable {
    static final String CLIENT_ID = "vk-test-client";
    static final String CLIENT_SECRET = "vk-test-secret";
    static final URI REDIRECT = URI.create("https://app.example/integrations/vk/callback");

    final ManualClock clock = new ManualClock(Instant.parse("2026-08-14T09:00:00Z"));
    final VkAdsSimulator simulator;

    record Reply(int status, String body, HttpResponse<String> raw) {
        JsonNode json() {
            return LoopbackJson.read(body).orElseThrow(() -> new AssertionError("not JSON: " + body));
        }

        String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        /** The resource error code: {@code error.code} of a resource error, {@code code} of a token error. */
        String code() {
            JsonNode json = json();
            return json.has("code") ? json.get("code").asText() : json.path("error").path("code").asText(json.path("error").asText());
        }
    }

    VkFixture() {
        this(VkAdsSimulatorOptions.defaults());
    }

    VkFixture(VkAdsSimulatorOptions options) {
        simulator = VkAdsSimulator.start(options.withClock(clock))
                .load(VkAdsDataset.generate(11, LocalDate.parse("2026-03-01"), LocalDate.parse("2026-08-31")));
        simulator.registerClient(new VkAdsClient(CLIENT_ID, CLIENT_SECRET, VkAdsDataset.SALON_USERNAME, Set.of(REDIRECT), true, false));
    }

    VkAdsAccount salon() {
        return simulator.account(VkAdsDataset.SALON_USERNAME);
    }

    String salonToken() {
        return simulator.issueTokens(CLIENT_ID, VkAdsDataset.SALON_USERNAME).accessToken();
    }

    Reply get(String token, String pathAndQuery) {
        HttpRequest.Builder request = HttpRequest.newBuilder(simulator.baseUrl().resolve(pathAndQuery.substring(1))).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request.build());
    }

    Reply post(String path, Map<String, String> form) {
        return send(HttpRequest.newBuilder(simulator.baseUrl().resolve(path.substring(1)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(form))).build());
    }

    Reply clientCredentials() {
        return post("/api/v2/oauth2/token.json", Map.of("grant_type", "client_credentials",
                "client_id", CLIENT_ID, "client_secret", CLIENT_SECRET));
    }

    Reply refresh(String refreshToken) {
        return post("/api/v2/oauth2/token.json", Map.of("grant_type", "refresh_token", "refresh_token", refreshToken,
                "client_id", CLIENT_ID, "client_secret", CLIENT_SECRET));
    }

    Reply stats(String token, String query) {
        return get(token, "/api/v2/statistics/ad_plans/day.json?" + query);
    }

    private static String form(Map<String, String> values) {
        Map<String, String> ordered = new LinkedHashMap<>(values);
        StringBuilder body = new StringBuilder();
        ordered.forEach((name, value) -> body.append(body.isEmpty() ? "" : "&").append(name).append('=')
                .append(java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8)));
        return body.toString();
    }

    static Map<String, String> query(String location) {
        return HttpExchanges.decodeForm(URI.create(location).getRawQuery());
    }

    private static Reply send(HttpRequest request) {
        HttpResponse<String> response = LoopbackClient.send(request);
        return new Reply(response.statusCode(), response.body(), response);
    }

    @Override
    public void close() {
        simulator.close();
    }
}
