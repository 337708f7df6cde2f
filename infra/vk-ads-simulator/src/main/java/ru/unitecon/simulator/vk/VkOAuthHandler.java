package ru.unitecon.simulator.vk;

import com.sun.net.httpserver.HttpExchange;
import ru.unitecon.simulator.loopback.Answer;
import ru.unitecon.simulator.loopback.HttpExchanges;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The OAuth2 side of ads.vk.com ("Authorization"): the access page users grant access on
 * ({@code /hq/settings/access?action=oauth2}), {@code /api/v2/oauth2/token.json} (client_credentials,
 * authorization_code, refresh_token), {@code token/delete.json} and {@code code_info.json}.
 */
final class VkOAuthHandler {
    static final String ACCESS_PAGE = "/hq/settings/access";
    static final String TOKEN = "/api/v2/oauth2/token.json";
    static final String DELETE = "/api/v2/oauth2/token/delete.json";
    static final String CODE_INFO = "/api/v2/oauth2/code_info.json";

    private final VkAdsSimulator simulator;
    private final VkTokenRegistry tokens;

    VkOAuthHandler(VkAdsSimulator simulator, VkTokenRegistry tokens) {
        this.simulator = simulator;
        this.tokens = tokens;
    }

    Answer handle(HttpExchange exchange, String path, Map<String, String> params) {
        if (path.equals(ACCESS_PAGE)) {
            return accessPage(params);
        }
        if (!exchange.getRequestMethod().equals("POST")) {
            throw VkError.oauth(405, "invalid_request", "Use POST");
        }
        return switch (path) {
            case TOKEN -> Answer.json(200, token(params));
            case DELETE -> delete(params);
            case CODE_INFO -> Answer.json(200, codeInfo(params));
            default -> throw VkError.resource(404, "ERR_WRONG_RESOURCE", "Unknown resource");
        };
    }

    private Answer accessPage(Map<String, String> params) {
        VkAdsClient client = tokens.client(params.get("client_id"));
        if (client == null || !"oauth2".equals(params.get("action"))) {
            throw VkError.oauth(400, "invalid_client", "Unknown client");
        }
        if (!client.authorizationCodeAllowed()) {
            throw VkError.oauth(400, "unauthorized_client", "The Authorization Code Grant is not enabled for this client");
        }
        String redirect = params.get("redirect_uri");
        if (redirect == null || !client.redirectUris().contains(URI.create(redirect))) {
            throw VkError.oauth(400, "invalid_request", "redirect_uri is not one of the client's registered addresses");
        }
        String refusal = "code".equals(params.get("response_type"))
                ? (simulator.consent().isPresent() ? null : "access_denied") : "unsupported_response_type";
        Map<String, String> answer = new LinkedHashMap<>();
        if (refusal != null) {
            answer.put("error", refusal);
        } else {
            VkAdsAccount user = simulator.consent().get();
            List<String> scope = List.of(params.getOrDefault("scope", "read_ads").split(","));
            answer.put("code", tokens.issueCode(client, user.userId(), scope));
            answer.put("state", params.getOrDefault("state", ""));
            answer.put("user_id", String.valueOf(user.userId()));
        }
        if (answer.containsKey("error") && params.containsKey("state")) {
            answer.put("state", params.get("state"));
        }
        return Answer.redirect(HttpExchanges.withQuery(redirect, answer));
    }

    private Map<String, Object> token(Map<String, String> params) {
        String grant = params.get("grant_type");
        if (grant == null) {
            throw VkError.oauth(400, "invalid_request", "grant_type is required");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        VkTokenRegistry.TokenObject token;
        switch (grant) {
            case "client_credentials" -> {
                VkAdsClient client = tokens.authenticate(params.get("client_id"), params.get("client_secret"));
                token = tokens.issue(client, simulator.account(client.ownerUsername()).userId(), List.of("read_ads", "read_payments", "create_ads"));
            }
            case "refresh_token" -> token = tokens.refresh(params.get("client_id"), params.get("client_secret"), params.get("refresh_token"));
            case "authorization_code" -> {
                token = tokens.exchangeCode(params.get("client_id"), params.get("code"));
                // The documented answer to this grant has a numeric expires_in and the scope as a list.
                body.put("access_token", token.accessToken);
                body.put("token_type", "Bearer");
                body.put("scope", token.scope);
                body.put("expires_in", lifetime(token));
                body.put("refresh_token", token.refreshToken);
                return body;
            }
            case "agency_client_credentials" -> throw new VkAdsSimulator.NotSimulated("grant_type agency_client_credentials");
            default -> throw VkError.oauth(400, "unsupported_grant_type", "Unsupported grant_type: " + grant);
        }
        body.put("access_token", token.accessToken);
        body.put("token_type", "bearer");
        body.put("scope", String.join(",", token.scope));
        body.put("expires_in", String.valueOf(lifetime(token)));
        body.put("refresh_token", token.refreshToken);
        return body;
    }

    private Answer delete(Map<String, String> params) {
        VkAdsClient client = tokens.authenticate(params.get("client_id"), params.get("client_secret"));
        VkAdsAccount user;
        if (params.containsKey("user_id")) {
            user = simulator.accountById(Long.parseLong(params.get("user_id")));
        } else {
            user = simulator.account(params.getOrDefault("username", client.ownerUsername()));
        }
        tokens.deleteAll(client, user.userId());
        return Answer.empty(204);
    }

    private Map<String, Object> codeInfo(Map<String, String> params) {
        VkAdsClient client = tokens.authenticate(params.get("client_id"), params.get("client_secret"));
        VkAdsAccount user = simulator.accountById(tokens.codeOwner(client, params.get("code")));
        return Map.of("user", Map.of("id", user.userId(), "username", user.username(), "types", List.of("advert")));
    }

    /** Seconds left, rounded up: a token issued this instant answers the whole lifetime. */
    private long lifetime(VkTokenRegistry.TokenObject token) {
        return (Duration.between(tokens.now(), token.expiresAt).toMillis() + 999) / 1000;
    }
}
