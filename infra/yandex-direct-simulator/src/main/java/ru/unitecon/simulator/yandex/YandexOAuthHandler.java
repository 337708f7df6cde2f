package ru.unitecon.simulator.yandex;

import com.sun.net.httpserver.HttpExchange;
import ru.unitecon.simulator.loopback.Answer;
import ru.unitecon.simulator.loopback.HttpExchanges;
import ru.unitecon.simulator.loopback.RecordingHandler;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The stand-in for oauth.yandex.ru: the confirmation-code page ({@code /authorize}, "Getting a confirmation code from
 * a URL"), the token endpoint ({@code /token}: authorization_code and refresh_token grants, client credentials in the
 * body or in {@code Authorization: Basic}) and {@code /revoke_token} for device tokens.
 */
final class YandexOAuthHandler extends RecordingHandler {
    private static final Set<String> SECRET_PARAMETERS = Set.of("client_secret", "code", "refresh_token", "access_token", "code_verifier");

    private final YandexSimulator simulator;
    private final YandexTokenRegistry tokens;

    YandexOAuthHandler(YandexSimulator simulator, YandexTokenRegistry tokens) {
        super(simulator.requests(), SECRET_PARAMETERS, Body.FORM);
        this.simulator = simulator;
        this.tokens = tokens;
    }

    @Override
    protected Answer answer(HttpExchange exchange, String path, String body, Map<String, String> params) {
        try {
            simulator.playFault(path);
            return switch (path) {
                case "/authorize" -> authorize(params);
                case "/token" -> Answer.json(200, token(exchange, params));
                case "/revoke_token" -> revoke(exchange, params);
                default -> Answer.json(404, Map.of("error", "not_found", "error_description", "Unknown path"));
            };
        } catch (OAuthError error) {
            return Answer.json(error.httpStatus(), error.body());
        } catch (YandexSimulator.InjectedServerError injected) {
            return Answer.text(injected.status(), "text/plain; charset=utf-8", "Internal Server Error");
        }
    }

    private Answer authorize(Map<String, String> params) {
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
        return Answer.redirect(HttpExchanges.withQuery(app.redirectUri().toString(), answer));
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
        // Seconds left, rounded up: a token issued this instant answers the whole lifetime.
        body.put("expires_in", (Duration.between(tokens.now(), issued.expiresAt()).toMillis() + 999) / 1000);
        body.put("refresh_token", issued.refreshToken());
        body.put("scope", "direct:api");
        return body;
    }

    private Answer revoke(HttpExchange exchange, Map<String, String> params) {
        var basic = HttpExchanges.basicCredentials(exchange);
        tokens.revokeDeviceToken(basic.map(Map.Entry::getKey).orElse(params.get("client_id")),
                basic.map(Map.Entry::getValue).orElse(params.get("client_secret")), params.get("access_token"));
        return Answer.json(200, Map.of("status", "ok"));
    }
}
