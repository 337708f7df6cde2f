package ru.unitecon.simulator.vk;

import com.sun.net.httpserver.HttpExchange;
import ru.unitecon.simulator.loopback.Answer;
import ru.unitecon.simulator.loopback.RecordingHandler;

import java.util.Map;
import java.util.Set;

/** ads.vk.com's one front: faults first, then the OAuth2 endpoints or the API; every answer is recorded. */
final class VkAdsHttpHandler extends RecordingHandler {
    private static final Set<String> SECRET_PARAMETERS = Set.of("client_secret", "code", "refresh_token", "access_token");

    private final VkAdsSimulator simulator;
    private final VkOAuthHandler oauth;
    private final VkApiHandler api;

    VkAdsHttpHandler(VkAdsSimulator simulator, VkOAuthHandler oauth, VkApiHandler api) {
        super(simulator.requests(), SECRET_PARAMETERS, Body.FORM);
        this.simulator = simulator;
        this.oauth = oauth;
        this.api = api;
    }

    @Override
    protected Answer answer(HttpExchange exchange, String path, String body, Map<String, String> params) {
        try {
            simulator.playFault(path);
            return path.startsWith("/api/v2/oauth2/") || path.equals(VkOAuthHandler.ACCESS_PAGE)
                    ? oauth.handle(exchange, path, params) : api.handle(exchange, path, params);
        } catch (VkError error) {
            Answer answer = Answer.json(error.httpStatus(), error.body());
            return error.shape() == VkError.Shape.TOKEN ? answer.withHeader("WWW-Authenticate", error.wwwAuthenticate()) : answer;
        } catch (VkAdsSimulator.NotSimulated notSimulated) {
            return Answer.text(501, "text/plain; charset=utf-8", "Not simulated: " + notSimulated.getMessage());
        } catch (IllegalArgumentException unknownUser) {
            return Answer.json(400, Map.of("error", "invalid_request", "error_description", "Unknown user"));
        }
    }
}
