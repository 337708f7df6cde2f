package ru.unitecon.simulator.vk;

import com.sun.net.httpserver.HttpExchange;
import ru.unitecon.simulator.loopback.Answer;

import java.util.List;
import java.util.Map;

/**
 * The API resources: a Bearer token from the Authorization header (401 with the documented codes otherwise), the
 * per-token request rate (429, with {@code X-RateLimit-RPS-*} headers on every answer), the resource's parameters
 * against the table, then {@code user.json}, {@code ad_plans.json} or ad plan statistics.
 */
final class VkApiHandler {
    private static final String STATISTICS = "/api/v2/statistics/ad_plans/";

    private final VkAdsSimulator simulator;
    private final VkTokenRegistry tokens;
    private final VkParameterTable table;
    private final VkStatistics statistics;
    private final RequestRate rate;

    VkApiHandler(VkAdsSimulator simulator, VkTokenRegistry tokens, VkParameterTable table, VkAdsSimulatorOptions options) {
        this.simulator = simulator;
        this.tokens = tokens;
        this.table = table;
        this.statistics = new VkStatistics(options);
        this.rate = new RequestRate(options.clock(), options.requestsPerSecond());
    }

    Answer handle(HttpExchange exchange, String path, Map<String, String> params) {
        String resource = exchange.getRequestMethod() + " " + path;
        if (!table.documented(resource)) {
            simulator.recordViolations(List.of(new VkViolation(resource, null, VkViolation.Kind.UNKNOWN_RESOURCE, "not documented")));
            throw VkError.resource(404, "ERR_WRONG_RESOURCE", "API resource does not exist");
        }
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        String bearer = authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                ? authorization.substring(7).trim() : null;
        VkTokenRegistry.TokenObject token = tokens.validate(bearer);
        int remaining = rate.admit(bearer);
        exchange.getResponseHeaders().set("X-RateLimit-RPS-Limit", String.valueOf(rate.perSecond()));
        exchange.getResponseHeaders().set("X-RateLimit-RPS-Remaining", String.valueOf(Math.max(0, remaining)));
        if (remaining < 0) {
            throw VkError.resource(429, "too_many_requests", "Too many requests per second");
        }
        List<VkViolation> violations = table.check(resource, params);
        if (!violations.isEmpty()) {
            simulator.recordViolations(violations);
            VkViolation first = violations.getFirst();
            boolean date = first.kind() == VkViolation.Kind.WRONG_VALUE && first.parameter().startsWith("date_");
            throw VkError.resource(400, date ? "ERR_WRONG_DATE" : "ERR_WRONG_PARAMETER", first.parameter() + ": " + first.detail());
        }
        if (!table.simulated(resource)) {
            throw new VkAdsSimulator.NotSimulated(resource);
        }
        VkAdsAccount account = simulator.accountById(token.userId);
        Map<String, Object> body = switch (path) {
            case "/api/v2/user.json" -> Map.of("id", account.userId(), "username", account.username(),
                    "types", List.of("advert"), "account", Map.of("id", account.userId(), "currency", account.currency()));
            case "/api/v2/ad_plans.json" -> adPlans(account, params);
            default -> {
                requireSimulatedMetrics(params.getOrDefault("metrics", "base"));
                yield statistics.adPlans(account, params, path.equals(STATISTICS + "day.json"), simulator.now());
            }
        };
        return Answer.json(200, body);
    }

    private Map<String, Object> adPlans(VkAdsAccount account, Map<String, String> params) {
        for (String field : params.getOrDefault("fields", "id").split(",")) {
            if (!table.simulatedValue("fields", field)) {
                throw new VkAdsSimulator.NotSimulated("ad plan field " + field);
            }
        }
        if (params.containsKey("sorting") && !table.simulatedValue("sorting", params.get("sorting"))) {
            throw new VkAdsSimulator.NotSimulated("sorting " + params.get("sorting"));
        }
        return VkAdPlanListing.list(account, params);
    }

    private void requireSimulatedMetrics(String metrics) {
        for (String set : metrics.split(",")) {
            if (!table.simulatedValue("metrics", set)) {
                throw new VkAdsSimulator.NotSimulated("metrics " + set);
            }
        }
    }
}
