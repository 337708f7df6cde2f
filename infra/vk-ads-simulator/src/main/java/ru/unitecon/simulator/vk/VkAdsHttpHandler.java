package ru.unitecon.simulator.vk;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import ru.unitecon.simulator.loopback.HttpExchanges;
import ru.unitecon.simulator.loopback.RecordedRequest;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** ads.vk.com's one front: faults first, then the OAuth2 endpoints or the API; every answer is recorded. */
final class VkAdsHttpHandler implements HttpHandler {
    private static final Set<String> SECRET_PARAMETERS = Set.of("client_secret", "code", "refresh_token", "access_token");

    private final VkAdsSimulator simulator;
    private final VkOAuthHandler oauth;
    private final VkApiHandler api;

    VkAdsHttpHandler(VkAdsSimulator simulator, VkOAuthHandler oauth, VkApiHandler api) {
        this.simulator = simulator;
        this.oauth = oauth;
        this.api = api;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String body = HttpExchanges.readBody(exchange);
        Map<String, String> params = HttpExchanges.formParameters(exchange, body);
        int status;
        try {
            simulator.playFault(path);
            status = path.startsWith("/api/v2/oauth2/") || path.equals(VkOAuthHandler.ACCESS_PAGE)
                    ? oauth.handle(exchange, path, params) : api.handle(exchange, path, params);
        } catch (VkError error) {
            status = error.httpStatus();
            if (error.shape() == VkError.Shape.TOKEN) {
                exchange.getResponseHeaders().set("WWW-Authenticate", error.wwwAuthenticate());
            }
            HttpExchanges.sendJson(exchange, status, error.body());
        } catch (VkAdsSimulator.NotSimulated notSimulated) {
            status = 501;
            HttpExchanges.send(exchange, status, "text/plain; charset=utf-8", "Not simulated: " + notSimulated.getMessage());
        } catch (IllegalArgumentException unknownUser) {
            status = 400;
            HttpExchanges.sendJson(exchange, status, Map.of("error", "invalid_request", "error_description", "Unknown user"));
        }
        Map<String, String> recorded = new LinkedHashMap<>(params);
        recorded.replaceAll((name, value) -> SECRET_PARAMETERS.contains(name) ? RecordedRequest.REDACTED : value);
        simulator.requests().add(new RecordedRequest(exchange.getRequestMethod(), path,
                HttpExchanges.recordableHeaders(exchange), recorded, "", status));
    }
}
