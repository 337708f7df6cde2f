package ru.unitecon.functions;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import ru.unitecon.core.access.SecretKind;
import ru.unitecon.core.spend.SpendApi;
import ru.unitecon.testsupport.SeededSalon;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Spend API handler's own part: the authorization and content-type headers and the body in, each outcome's
 * status and JSON body out. What is stored and what is refused is proved in core (SpendApiTest).
 */
class SpendApiHandlerTest {
    private final SpendApiHandler handler = new SpendApiHandler(SeededSalon.spendApi());
    private final SeededSalon salon = new SeededSalon();
    private final String token = salon.secrets.create(salon.memberId, SecretKind.SPEND_API);

    private APIGatewayV2HTTPResponse post(String authorization, String contentType, String body) {
        return handler.handleRequest(HttpApiEvents.request("POST", "/spend", "",
                Map.of("authorization", authorization, "content-type", contentType), body), null);
    }

    private APIGatewayV2HTTPResponse post(String contentType, String body) {
        return post(SpendApi.authorization(salon.memberId, token), contentType, body);
    }

    private static JsonNode json(APIGatewayV2HTTPResponse answer) throws Exception {
        return new ObjectMapper().readTree(answer.getBody());
    }

    @Test
    void storedIsOkWithTheMonthsAndChannelsReplaced() throws Exception {
        APIGatewayV2HTTPResponse answer = post("text/csv; charset=utf-8", "2026-03-01,vk,700,RUB\n");

        assertEquals(200, answer.getStatusCode(), answer.getBody());
        JsonNode body = json(answer);
        assertTrue(body.get("stored").asBoolean());
        assertEquals("2026-03", body.get("replaced").get(0).get("month").asText());
        assertEquals("vk", body.get("replaced").get(0).get("channel").asText());
    }

    @Test
    void rejectedRowsAreUnprocessableWithEachRowsProblem() throws Exception {
        APIGatewayV2HTTPResponse answer = post("text/csv", "2026-03;vk;100;RUB\n2026-03;vk;-5;RUB\n");

        assertEquals(422, answer.getStatusCode());
        JsonNode body = json(answer);
        assertFalse(body.get("stored").asBoolean());
        assertEquals(2, body.get("errors").get(0).get("row").asInt());
        assertEquals("AMOUNT", body.get("errors").get(0).get("problem").asText());
    }

    @Test
    void aWrongOrMissingTokenIsUnauthorized() {
        String forged = (token.charAt(0) == 'A' ? "B" : "A") + token.substring(1);

        assertEquals(401, post(SpendApi.authorization(salon.memberId, forged), "text/csv", "2026-03,vk,1,RUB\n")
                .getStatusCode());
        assertEquals(401, post("", "text/csv", "2026-03,vk,1,RUB\n").getStatusCode());
    }

    @Test
    void tooLargeUnsupportedAndMalformedHaveTheirOwnStatus() {
        assertEquals(413, post("text/csv", "2026-03,vk,1,RUB\n".repeat(SpendApi.MAX_BODY_BYTES / 16 + 1))
                .getStatusCode());
        assertEquals(415, post("application/xml", "<spend/>").getStatusCode());
        APIGatewayV2HTTPResponse malformed = post("application/json", "{\"rows\": [{\"month\": ");
        assertEquals(400, malformed.getStatusCode());
        assertFalse(malformed.getBody().contains("Exception"));
    }
}
