package ru.unitecon.core.adsapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import ru.unitecon.core.ads.AdTokens;
import ru.unitecon.core.bitrix.Sleeper;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * VK Ads (ads.vk.com) API v2: the Authorization Code flow, refresh, token deletion, the account's currency, its ad
 * plans and their spend per day ({@code base.spent}), as docs/integrations-protocols.md §4–6 describe them.
 */
public final class VkAds {
    /** Statistics v2 take at most this many objects and days a request. */
    static final int MAX_IDS = 200;
    static final int MAX_DAYS = 92;
    static final int PAGE = 250;
    private static final Set<String> RECONNECT_CODES = Set.of("invalid_token", "revoked_token", "invalid_user",
            "invalid_client");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The account behind a token. */
    public record VkAccount(String id, String currency) {
    }

    public record AdPlan(String id, String name) {
    }

    public record SpentRow(LocalDate day, String adPlanId, BigDecimal spent) {
    }

    private final AdAppCredentials app;
    private final AdHttp http;

    public VkAds(AdAppCredentials app, HttpClient http, Sleeper sleeper, Duration timeout) {
        this.app = app;
        this.http = new AdHttp(http, sleeper, timeout);
    }

    /** The access page where the account's user grants the app {@code read_ads}. */
    public URI authorizeUrl(String state) {
        return app.oauthBase().resolve("hq/settings/access?" + AdHttp.query(Map.of("action", "oauth2",
                "response_type", "code", "client_id", app.clientId(), "state", state, "scope", "read_ads",
                "redirect_uri", app.redirectUri().toString())));
    }

    public AdTokens exchangeCode(String code, Instant now) {
        return token(Map.of("grant_type", "authorization_code", "code", code, "client_id", app.clientId()), null,
                now, AdApiFailure.Kind.REFUSED);
    }

    /** A new access token; the refresh token stays unless VK sends a new one. */
    public AdTokens refresh(AdTokens tokens, Instant now) {
        return token(Map.of("grant_type", "refresh_token", "refresh_token", tokens.refreshToken(),
                "client_id", app.clientId(), "client_secret", app.clientSecret()), tokens.refreshToken(), now,
                AdApiFailure.Kind.RECONNECT);
    }

    /** Deletes every token the app holds for the user (disconnect). */
    public void deleteTokens(String userId) {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(app.apiBase()
                        .resolve("api/v2/oauth2/token/delete.json")).timeout(http.timeout())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(AdHttp.form(Map.of("client_id", app.clientId(), "client_secret", app.clientSecret(),
                        "user_id", userId))).build(), "VK Ads token delete");
        if (response.statusCode() >= 300) {
            throw new AdApiFailure(AdApiFailure.Kind.REFUSED, "VK Ads token delete: HTTP " + response.statusCode());
        }
    }

    private AdTokens token(Map<String, String> form, String keptRefreshToken, Instant now, AdApiFailure.Kind refused) {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(app.oauthBase()
                        .resolve("api/v2/oauth2/token.json")).timeout(http.timeout())
                .header("Content-Type", "application/x-www-form-urlencoded").POST(AdHttp.form(form)).build(),
                "VK Ads OAuth");
        JsonNode body = json(response.body());
        if (response.statusCode() != 200) {
            throw new AdApiFailure(refused, "VK Ads OAuth refused: " + body.path("error").asText("HTTP "
                    + response.statusCode()));
        }
        // expires_in is a number for one grant and a quoted number for the others.
        return new AdTokens(body.path("access_token").asText(),
                body.path("refresh_token").asText(keptRefreshToken),
                now.plusSeconds(Long.parseLong(body.path("expires_in").asText("0"))));
    }

    public VkAccount account(String token) {
        JsonNode body = get(token, "api/v2/user.json", Map.of());
        return new VkAccount(body.path("id").asText(), body.path("account").path("currency").asText());
    }

    public List<AdPlan> adPlans(String token) {
        List<AdPlan> plans = new ArrayList<>();
        for (int offset = 0; ; offset += PAGE) {
            JsonNode body = get(token, "api/v2/ad_plans.json", Map.of("fields", "id,name",
                    "limit", String.valueOf(PAGE), "offset", String.valueOf(offset)));
            body.path("items").forEach(item -> plans.add(new AdPlan(item.path("id").asText(),
                    item.path("name").asText(""))));
            if (body.path("items").size() < PAGE || plans.size() >= body.path("count").asInt()) {
                return plans;
            }
        }
    }

    /** Spend per ad plan per day from..to, in requests of at most 200 plans and 92 days. */
    public List<SpentRow> spent(String token, List<String> adPlanIds, LocalDate from, LocalDate to) {
        List<SpentRow> rows = new ArrayList<>();
        for (int first = 0; first < adPlanIds.size(); first += MAX_IDS) {
            String ids = adPlanIds.subList(first, Math.min(first + MAX_IDS, adPlanIds.size())).stream()
                    .collect(Collectors.joining(","));
            for (LocalDate start = from; !start.isAfter(to); start = start.plusDays(MAX_DAYS)) {
                LocalDate end = start.plusDays(MAX_DAYS - 1).isAfter(to) ? to : start.plusDays(MAX_DAYS - 1);
                Map<String, String> params = new LinkedHashMap<>();
                params.put("id", ids);
                params.put("date_from", start.toString());
                params.put("date_to", end.toString());
                params.put("metrics", "base");
                JsonNode body = get(token, "api/v2/statistics/ad_plans/day.json", params);
                for (JsonNode item : body.path("items")) {
                    for (JsonNode row : item.path("rows")) {
                        rows.add(new SpentRow(LocalDate.parse(row.path("date").asText()), item.path("id").asText(),
                                new BigDecimal(row.path("base").path("spent").asText("0"))));
                    }
                }
            }
        }
        return rows;
    }

    private JsonNode get(String token, String path, Map<String, String> params) {
        URI uri = app.apiBase().resolve(params.isEmpty() ? path : path + "?" + AdHttp.query(params));
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).timeout(http.timeout())
                .header("Authorization", "Bearer " + token).GET().build(), "VK Ads " + path);
        JsonNode body = json(response.body());
        if (response.statusCode() == 401) {
            String code = body.path("code").asText(body.path("error").path("code").asText(""));
            throw new AdApiFailure(code.equals("expired_token") ? AdApiFailure.Kind.TOKEN_EXPIRED
                    : RECONNECT_CODES.contains(code) ? AdApiFailure.Kind.RECONNECT : AdApiFailure.Kind.REFUSED,
                    "VK Ads refused the token: " + code);
        }
        if (response.statusCode() != 200) {
            throw new AdApiFailure(AdApiFailure.Kind.REFUSED, "VK Ads " + path + ": HTTP " + response.statusCode()
                    + " " + body.path("error").path("code").asText(""));
        }
        return body;
    }

    private static JsonNode json(String text) {
        try {
            return text == null || text.isBlank() ? JSON.createObjectNode() : JSON.readTree(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return JSON.createObjectNode();
        }
    }
}
