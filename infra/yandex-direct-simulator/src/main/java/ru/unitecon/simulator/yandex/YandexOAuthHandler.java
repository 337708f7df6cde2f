package ru.unitecon.simulator.yandex;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import ru.unitecon.simulator.loopback.HttpExchanges;
import ru.unitecon.simulator.loopback.RecordedRequest;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The stand-in for oauth.yandex.ru: the confirmation-code page ({@code /authorize}, "Getting a confirmation code from
 * a URL"), the token endpoint ({@code /token}: authorization_code and refresh_token grants, client credentials in the
 * body or in {@code Authorization: Basic}) and {@code /revoke_token} for device tokens.
 */
final class YandexOAuthHandler implements HttpHandler {
    private static final Set<String> SECRET_PARAMETERS = Set.of("client_secret", "code", "refresh_token", "access_token", "code_verifier");

    private final YandexSimulator simulator;
    private final YandexTokenRegistry tokens;

    YandexOAuthHandler(YandexSimulator simulator, YandexTokenRegistry tokens) {
        this.simulator = simulator;
        this.tokens = tokens;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String body = HttpExchanges.readBody(exchange);
        Map<String, String> params = HttpExchanges.formParameters(exchange, body);
        int status = 500;
        try {
            simulator.playFault(path);
            status = switch (path) {
                case "/authorize" -> authorize(exchange, params);
                case "/token" -> answer(exchange, 200, token(exchange, params));
                case "/revoke_token" -> revoke(exchange, params);
                default -> answer(exchange, 404, Map.of("error", "not_found", "error_description", "Unknown path"));
            };
        } catch (OAuthError error) {
            status = answer(exchange, error.httpStatus(), error.body());
        } catch (YandexSimulator.InjectedServerError injected) {
            status = injected.status();
            HttpExchanges.send(exchange, status, "text/plain; charset=utf-8", "Internal Server Error");
        } finally {
            simulator.requests().add(new RecordedRequest(exchange.getRequestMethod(), path,
                    HttpExchanges.recordableHeaders(exchange), redacted(params), "", status));
        }
    }

    private int authorize(HttpExchange exchange, Map<String, String> params) throws IOException {
        YandexOAuthApp app = tokens.app(params.get("client_id"));
        if (app == null) {
            throw new OAuthError(400, "invalid_client", "Client not found");
        }
        String redirectUri = params.get("redirect_uri");
        if (redirectUri != null && !redirectUri.equals(app.redirectUri().toString())) {
            throw new OAuthError(400, "invalid_request", "redirect_uri does not match the app's Redirect URI");
        }
        Map<String, String> answer = new LinkedHashMap<>();
        if (!"code".equals(params.get("response_type"))) {
            answer.put("error", "unsupported_response_type");
        } else if (simulator.consent().isEmpty()) {
            answer.put("error", "access_denied");
        } else {
            answer.put("code", tokens.issueCode(app, simulator.consent().get(), params.get("device_id")));
        }
        if (params.containsKey("state")) {
            answer.put("state", params.get("state"));
        }
        HttpExchanges.redirect(exchange, withQuery(app.redirectUri(), answer));
        return 302;
    }

    private Map<String, Object> token(HttpExchange exchange, Map<String, String> params) {
        if (!exchange.getRequestMethod().equals("POST")) {
            throw new OAuthError(400, "invalid_request", "Use POST");
        }
        var basic = HttpExchanges.basicCredentials(exchange);
        // With an Authorization header the body's client_id and client_secret are ignored ("Update a token").
        String clientId = basic.map(Map.Entry::getKey).orElse(params.get("client_id"));
        String clientSecret = basic.map(Map.Entry::getValue).orElse(params.get("client_secret"));
        String grant = params.get("grant_type");
        IssuedYandexTokens issued;
        if ("authorization_code".equals(grant)) {
            issued = tokens.exchangeCode(clientId, clientSecret, params.get("code"));
        } else if ("refresh_token".equals(grant)) {
            issued = tokens.refresh(clientId, clientSecret, params.get("refresh_token"));
        } else if (grant == null) {
            throw new OAuthError(400, "invalid_request", "grant_type is required");
        } else {
            throw new OAuthError(400, "unsupported_grant_type", "Unsupported grant_type: " + grant);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("token_type", "bearer");
        body.put("access_token", issued.accessToken());
        body.put("expires_in", Duration.between(tokens.now(), issued.expiresAt()).toSeconds());
        body.put("refresh_token", issued.refreshToken());
        body.put("scope", "direct:api");
        return body;
    }

    private int revoke(HttpExchange exchange, Map<String, String> params) throws IOException {
        var basic = HttpExchanges.basicCredentials(exchange);
        tokens.revokeDeviceToken(basic.map(Map.Entry::getKey).orElse(params.get("client_id")),
                basic.map(Map.Entry::getValue).orElse(params.get("client_secret")), params.get("access_token"));
        return answer(exchange, 200, Map.of("status", "ok"));
    }

    private static int answer(HttpExchange exchange, int status, Map<String, Object> body) throws IOException {
        HttpExchanges.sendJson(exchange, status, body);
        return status;
    }

    private static String withQuery(URI base, Map<String, String> params) {
        StringBuilder url = new StringBuilder(base.toString()).append(base.getRawQuery() == null ? '?' : '&');
        params.forEach((name, value) -> url.append(name).append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8)).append('&'));
        url.setLength(url.length() - 1);
        return url.toString();
    }

    private static Map<String, String> redacted(Map<String, String> params) {
        Map<String, String> copy = new LinkedHashMap<>(params);
        copy.replaceAll((name, value) -> SECRET_PARAMETERS.contains(name) ? RecordedRequest.REDACTED : value);
        return copy;
    }
}
