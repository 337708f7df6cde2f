package ru.unitecon.simulator.yandex;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import ru.unitecon.simulator.loopback.Answer;
import ru.unitecon.simulator.loopback.LoopbackJson;
import ru.unitecon.simulator.loopback.RecordingHandler;

import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The Clients service's {@code get} ({@code POST /json/v5/clients}), as far as the importer needs it: the account's
 * Login, ClientId, Currency, Type and VatRate, so it knows which currency the reports are in. As in every API v5 JSON
 * service, an error is HTTP 200 with the error object. Client-Login may be left out by an agency ("For agencies"); the
 * simulator then answers an empty list rather than the agency's own record.
 */
final class ClientsHandler extends RecordingHandler {
    static final String PATH = "/json/v5/clients";
    private static final Set<String> DOCUMENTED = Set.of("AccountQuality", "Archived", "ClientId", "ClientInfo", "CountryId",
            "CreatedAt", "Currency", "Grants", "Bonuses", "Login", "Notification", "OverdraftSumAvailable", "Phone",
            "Representatives", "Restrictions", "Settings", "Type", "VatRate", "TinInfo", "ErirAttributes");
    private static final Set<String> SIMULATED = Set.of("ClientId", "Login", "Currency", "Type", "VatRate");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final YandexSimulator simulator;

    ClientsHandler(YandexSimulator simulator) {
        super(simulator.requests(), Set.of(), Body.JSON);
        this.simulator = simulator;
    }

    @Override
    protected Answer answer(HttpExchange exchange, String path, String body, Map<String, String> query) {
        String requestId = String.valueOf(Math.abs(RANDOM.nextLong()) % 10_000_000_000_000_000L);
        exchange.getResponseHeaders().set("RequestId", requestId);
        String language = DirectApiError.language(exchange.getRequestHeaders().getFirst("Accept-Language"));
        try {
            simulator.playApiFault(PATH);
            List<String> fields = fieldNames(body);
            Optional<DirectAdvertiser> client = simulator.directAccess().clientFor(
                    exchange.getRequestHeaders().getFirst("Authorization"), exchange.getRequestHeaders().getFirst("Client-Login"));
            return Answer.json(200, Map.of("result", Map.of("Clients", client.map(c -> List.of(describe(c, fields))).orElse(List.of()))));
        } catch (DirectApiError error) {
            return Answer.json(error.httpStatus() >= 500 ? error.httpStatus() : 200, error.body(requestId, language));
        } catch (ReportBuilder.NotSimulated notSimulated) {
            return Answer.text(501, "text/plain; charset=utf-8", "Not simulated: " + notSimulated.getMessage());
        }
    }

    private static List<String> fieldNames(String body) {
        JsonNode root = LoopbackJson.read(body).orElse(null);
        if (root == null || !"get".equals(root.path("method").asText()) || !root.path("params").path("FieldNames").isArray()) {
            throw DirectApiError.badRequest(DirectApiError.Code.INVALID_REQUEST, "Expected {\"method\": \"get\", \"params\": {\"FieldNames\": [...]}}");
        }
        List<String> fields = root.get("params").get("FieldNames").valueStream().map(JsonNode::asText).toList();
        for (String field : fields) {
            if (!DOCUMENTED.contains(field)) {
                throw DirectApiError.badRequest(DirectApiError.Code.INVALID_REQUEST_PARAMETERS, "FieldNames: " + field + " is not a documented value");
            }
            if (!SIMULATED.contains(field)) {
                throw new ReportBuilder.NotSimulated("Clients field " + field);
            }
        }
        return fields;
    }

    private static Map<String, Object> describe(DirectAdvertiser advertiser, List<String> fields) {
        Map<String, Object> client = new LinkedHashMap<>();
        for (String field : fields) {
            switch (field) {
                case "ClientId" -> client.put(field, Math.abs((long) advertiser.login().hashCode()));
                case "Login" -> client.put(field, advertiser.login());
                case "Currency" -> client.put(field, advertiser.currency());
                case "Type" -> client.put(field, "CLIENT");
                default -> client.put(field, advertiser.vatPercent());
            }
        }
        return client;
    }
}
