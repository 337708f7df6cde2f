package ru.unitecon.simulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/** The stand-in for oauth.bitrix.info: the refresh grant (bitrix24.md §2.3) and token validation by app.info (§2.6). */
final class OAuthServerHandler implements HttpHandler {
    private final TokenRegistry tokens;
    private final URI serverUrl;

    OAuthServerHandler(TokenRegistry tokens, URI serverUrl) {
        this.tokens = tokens;
        this.serverUrl = serverUrl;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        HttpIo.answer(exchange, () -> {
            String path = exchange.getRequestURI().getPath();
            Map<String, Object> params = HttpIo.parameters(exchange);
            if (path.equals("/oauth/token/") || path.equals("/oauth/token")) {
                return token(params);
            }
            if (path.equalsIgnoreCase("/rest/app.info") || path.equalsIgnoreCase("/rest/app.info.json")) {
                return appInfo(params);
            }
            throw new RestError(404, "NOT_FOUND", "Unknown path");
        });
    }

    private Map<String, Object> token(Map<String, Object> params) {
        if (!"refresh_token".equals(params.get("grant_type"))) {
            throw new RestError(400, "invalid_request", "Only grant_type=refresh_token is simulated");
        }
        TokenRegistry.TokenPair pair = tokens.refresh(
                string(params, "client_id"), string(params, "client_secret"), string(params, "refresh_token"));
        SimulatedPortal portal = pair.access().portal();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("access_token", pair.access().value());
        body.put("refresh_token", pair.refresh().value());
        body.put("expires", pair.access().expiresAt().getEpochSecond());
        body.put("expires_in", pair.expiresInSeconds(tokens::now));
        body.put("client_endpoint", portal.clientEndpoint().toString());
        body.put("server_endpoint", portal.serverEndpoint().toString());
        body.put("domain", serverUrl.getAuthority());
        body.put("member_id", portal.memberId());
        body.put("scope", portal.installation().scope());
        body.put("status", portal.installation().status());
        body.put("user_id", Long.parseLong(pair.access().userId()));
        return body;
    }

    private Map<String, Object> appInfo(Map<String, Object> params) {
        TokenRegistry.AccessToken token = tokens.accessToken(string(params, "auth"));
        if (token == null) {
            throw new RestError(401, "invalid_token", "The access token provided is invalid.");
        }
        if (token.expiredAt(tokens.now())) {
            throw new RestError(401, "expired_token", "The access token provided has expired.");
        }
        SimulatedPortal portal = token.portal();
        AppInstallation installation = portal.installation();
        Map<String, Object> install = new LinkedHashMap<>();
        install.put("installed", installation.isInstalled());
        install.put("version", installation.version());
        install.put("status", installation.status());
        install.put("scope", installation.scope());
        install.put("domain", portal.domain());
        install.put("uri", "http://" + portal.domain());
        install.put("client_endpoint", portal.clientEndpoint().toString());
        install.put("member_id", portal.memberId());
        install.put("member_type", "PORTAL");
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("client_id", portal.seed().clientId());
        result.put("scope", installation.scope());
        result.put("expires", token.expiresAt().getEpochSecond());
        result.put("user_id", Long.parseLong(token.userId()));
        result.put("install", install);
        return Map.of("result", result);
    }

    private static String string(Map<String, Object> params, String name) {
        Object value = params.get(name);
        return value == null ? null : value.toString();
    }
}
