package ru.unitecon.core.adsapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import ru.unitecon.core.ads.AdTokens;
import ru.unitecon.core.bitrix.Sleeper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Yandex OAuth (authorization code, refresh) and the Direct API v5 (Clients.get for the login and currency, the
 * Reports service for cost per campaign per day), as docs/integrations-protocols.md §2–3 describe them.
 */
public final class YandexDirect {
    /** Direct's error for a dead token: the connection needs reconnecting. */
    static final int INVALID_TOKEN = 53;
    /** Too many offline reports queued: wait and ask again. */
    static final int QUEUE_FULL = 9000;
    /** Offline polls of one report before the run gives up on it (the next run asks again). */
    static final int MAX_POLLS = 60;
    static final Duration DEFAULT_RETRY_IN = Duration.ofSeconds(10);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The account behind a token (and Client-Login): its login and currency. */
    public record DirectClient(String login, String currency) {
    }

    /** One report row: a campaign's cost on one day, VAT included, in the account's currency. */
    public record CostRow(LocalDate day, String campaignId, String campaignName, java.math.BigDecimal cost) {
    }

    private final AdAppCredentials app;
    private final AdHttp http;
    private final Sleeper sleeper;

    public YandexDirect(AdAppCredentials app, HttpClient http, Sleeper sleeper, Duration timeout) {
        this.app = app;
        this.http = new AdHttp(http, sleeper, timeout);
        this.sleeper = sleeper;
    }

    /** Where the administrator's browser goes to grant the app access ({@code force_confirm} lets them pick a login). */
    public URI authorizeUrl(String state) {
        return app.oauthBase().resolve("authorize?" + AdHttp.query(Map.of("response_type", "code",
                "client_id", app.clientId(), "redirect_uri", app.redirectUri().toString(), "state", state,
                "force_confirm", "yes")));
    }

    public AdTokens exchangeCode(String code, Instant now) {
        return token(Map.of("grant_type", "authorization_code", "code", code), now, AdApiFailure.Kind.REFUSED);
    }

    /** A new token pair; a refused refresh token means the user must connect again. */
    public AdTokens refresh(AdTokens tokens, Instant now) {
        return token(Map.of("grant_type", "refresh_token", "refresh_token", tokens.refreshToken()), now,
                AdApiFailure.Kind.RECONNECT);
    }

    private AdTokens token(Map<String, String> form, Instant now, AdApiFailure.Kind refused) {
        String basic = Base64.getEncoder().encodeToString((app.clientId() + ":" + app.clientSecret())
                .getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(app.oauthBase().resolve("token"))
                .timeout(http.timeout()).header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded").POST(AdHttp.form(form)).build(),
                "Yandex OAuth");
        JsonNode body = json(response.body());
        if (response.statusCode() != 200) {
            throw new AdApiFailure(refused, "Yandex OAuth refused: " + body.path("error").asText("HTTP "
                    + response.statusCode()));
        }
        return new AdTokens(body.path("access_token").asText(), body.path("refresh_token").asText(null),
                now.plusSeconds(body.path("expires_in").asLong()));
    }

    /** The login and currency of the token's account, or of {@code clientLogin} for an agency's token. */
    public DirectClient client(String token, String clientLogin) {
        HttpResponse<String> response = http.send(api("json/v5/clients", token, clientLogin)
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"method\":\"get\",\"params\":{\"FieldNames\":[\"Login\",\"Currency\"]}}")).build(),
                "Direct Clients.get");
        JsonNode body = json(response.body());
        throwIfError(body, response.statusCode());
        JsonNode clients = body.path("result").path("Clients");
        if (clients.isEmpty()) {
            throw new AdApiFailure(AdApiFailure.Kind.REFUSED, clientLogin == null
                    ? "this Yandex login has no Direct account of its own (an agency names its client's login)"
                    : "the agency has no client " + clientLogin);
        }
        return new DirectClient(clients.get(0).path("Login").asText(), clients.get(0).path("Currency").asText());
    }

    /**
     * Cost per campaign per day from..to, VAT included, as the account's calendar days. An offline report is polled
     * with the same request, waiting what {@code retryIn} says; one report at a time, so the queue of 5 is never
     * reached by this app alone (a full queue is waited out too).
     */
    public List<CostRow> costs(String token, String clientLogin, LocalDate from, LocalDate to, Instant now) {
        String body = reportDefinition(from, to, "unitecon " + from + " " + to + " " + now.toEpochMilli());
        for (int poll = 0; poll < MAX_POLLS; poll++) {
            HttpResponse<String> response = http.send(api("json/v5/reports", token, clientLogin)
                    .header("processingMode", "auto").header("returnMoneyInMicros", "false")
                    .header("skipReportHeader", "true").header("skipReportSummary", "true")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), "Direct report");
            int status = response.statusCode();
            if (status == 200) {
                return DirectTsv.parse(response.body());
            }
            if (status == 201 || status == 202) {
                sleeper.sleep(retryIn(response));
                continue;
            }
            JsonNode error = json(response.body()).path("error");
            if (error.path("error_code").asInt() == QUEUE_FULL) {
                sleeper.sleep(retryIn(response));
                continue;
            }
            throwIfError(json(response.body()), status);
            throw new AdApiFailure(AdApiFailure.Kind.REFUSED, "Direct report: HTTP " + status);
        }
        throw new AdApiFailure(AdApiFailure.Kind.TRANSIENT, "Direct report not ready after " + MAX_POLLS + " polls");
    }

    private static Duration retryIn(HttpResponse<String> response) {
        return response.headers().firstValue("retryIn").map(seconds -> {
            try {
                return Duration.ofSeconds(Math.max(1, Long.parseLong(seconds.trim())));
            } catch (NumberFormatException e) {
                return DEFAULT_RETRY_IN;
            }
        }).orElse(DEFAULT_RETRY_IN);
    }

    private static String reportDefinition(LocalDate from, LocalDate to, String name) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("SelectionCriteria", Map.of("DateFrom", from.toString(), "DateTo", to.toString()));
        params.put("FieldNames", List.of("Date", "CampaignId", "CampaignName", "Cost"));
        params.put("ReportName", name);
        params.put("ReportType", "CUSTOM_REPORT");
        params.put("DateRangeType", "CUSTOM_DATE");
        params.put("Format", "TSV");
        params.put("IncludeVAT", "YES");
        try {
            return JSON.writeValueAsString(Map.of("params", params));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private HttpRequest.Builder api(String path, String token, String clientLogin) {
        HttpRequest.Builder request = HttpRequest.newBuilder(app.apiBase().resolve(path)).timeout(http.timeout())
                .header("Authorization", "Bearer " + token).header("Accept-Language", "en")
                .header("Content-Type", "application/json; charset=utf-8");
        if (clientLogin != null) {
            request.header("Client-Login", clientLogin);
        }
        return request;
    }

    private static void throwIfError(JsonNode body, int status) {
        JsonNode error = body.path("error");
        if (error.isMissingNode()) {
            return;
        }
        int code = error.path("error_code").asInt();
        String text = "Direct error " + code + " " + error.path("error_string").asText("");
        throw new AdApiFailure(code == INVALID_TOKEN ? AdApiFailure.Kind.RECONNECT
                : status >= 500 ? AdApiFailure.Kind.TRANSIENT : AdApiFailure.Kind.REFUSED, text.trim());
    }

    private static JsonNode json(String text) {
        try {
            return text == null || text.isBlank() ? JSON.createObjectNode() : JSON.readTree(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return JSON.createObjectNode();
        }
    }
}
