package ru.unitecon.functions;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import ru.unitecon.core.access.SecretKind;
import ru.unitecon.core.ledger.AggregateKey;
import ru.unitecon.core.portal.PortalSettings;
import ru.unitecon.core.spend.SpendApi;
import ru.unitecon.testsupport.LocalDynamo;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static ru.unitecon.functions.SeededSalon.FEBRUARY;
import static ru.unitecon.functions.SeededSalon.MARCH;

class SpendApiTest {
    private static final String RUSSIAN_EXCEL = "\uFEFFДата;Канал;Сумма;Валюта\r\n"
            + "2026-03-01;yandex_direct;1 200,50;RUB\r\n"
            + "2026-03-02;yandex_direct;800,00;RUB\r\n"
            + "2026-02;vk;5 000;RUB\r\n";

    private final SpendApiHandler handler = new SpendApiHandler(SeededSalon.spendApi());
    private final SeededSalon salon = new SeededSalon();
    private final String token = salon.secrets.create(salon.memberId, SecretKind.SPEND_API);

    private APIGatewayV2HTTPResponse post(String authorization, String contentType, String body) {
        return handler.handleRequest(SeededSalon.request("POST", "/spend", "",
                Map.of("authorization", authorization, "content-type", contentType), body), null);
    }

    private APIGatewayV2HTTPResponse post(String contentType, String body) {
        return post(SpendApi.authorization(salon.memberId, token), contentType, body);
    }

    private Map<AggregateKey, BigDecimal> stored() {
        return salon.spend.load(salon.memberId, YearMonth.of(2026, 1), YearMonth.of(2026, 12));
    }

    private static JsonNode json(APIGatewayV2HTTPResponse answer) throws Exception {
        return new ObjectMapper().readTree(answer.getBody());
    }

    @Test
    void russianExcelCsvIsStoredWithDaysSummedIntoTheirMonth() throws Exception {
        APIGatewayV2HTTPResponse answer = post("text/csv; charset=utf-8", RUSSIAN_EXCEL);

        assertEquals(200, answer.getStatusCode(), answer.getBody());
        assertTrue(json(answer).get("stored").asBoolean());
        assertEquals(Map.of(new AggregateKey(MARCH, "yandex_direct"), new BigDecimal("2000.5"),
                new AggregateKey(FEBRUARY, "vk"), new BigDecimal("5000")), stored());
    }

    @Test
    void jsonIsStored() {
        APIGatewayV2HTTPResponse answer = post("application/json", """
                {"rows": [{"month": "2026-03", "channel": "avito", "amount": 1500.25, "currency": "RUB"},
                          {"date": "2026-03-31", "channel": "2gis", "amount": "99", "currency": "RUB"}]}""");

        assertEquals(200, answer.getStatusCode(), answer.getBody());
        assertEquals(Map.of(new AggregateKey(MARCH, "avito"), new BigDecimal("1500.25"),
                new AggregateKey(MARCH, "2gis"), new BigDecimal("99")), stored());
    }

    @Test
    void repostingAMonthAndChannelReplacesItAndLeavesTheRestAlone() {
        post("text/csv", RUSSIAN_EXCEL);

        APIGatewayV2HTTPResponse answer = post("text/csv", "2026-03-01,yandex_direct,700,RUB\n");

        assertEquals(200, answer.getStatusCode(), answer.getBody());
        assertEquals(Map.of(new AggregateKey(MARCH, "yandex_direct"), new BigDecimal("700"),
                new AggregateKey(FEBRUARY, "vk"), new BigDecimal("5000")), stored());
    }

    @Test
    void badRowsAreRefusedOneByOneAndNothingIsStored() throws Exception {
        post("text/csv", RUSSIAN_EXCEL);

        APIGatewayV2HTTPResponse answer = post("text/csv", "period;channel;amount;currency\n"
                + "2026-03;vk;100;RUB\n"
                + "2026-03;vk;-5;RUB\n"
                + "2026-14;avito;5;RUB\n"
                + "2026-02;vk;1;RUB\n");

        assertEquals(422, answer.getStatusCode());
        JsonNode body = json(answer);
        assertFalse(body.get("stored").asBoolean());
        assertEquals(2, body.get("errors").size());
        assertEquals(3, body.get("errors").get(0).get("row").asInt());
        assertEquals("AMOUNT", body.get("errors").get(0).get("problem").asText());
        assertEquals(4, body.get("errors").get(1).get("row").asInt());
        assertEquals("PERIOD", body.get("errors").get(1).get("problem").asText());
        assertEquals(new BigDecimal("5000"), stored().get(new AggregateKey(FEBRUARY, "vk")));
        assertFalse(stored().containsKey(new AggregateKey(MARCH, "vk")));
    }

    @Test
    void aCurrencyOtherThanThePortalsIsARowError() throws Exception {
        PortalSettings d = PortalSettings.defaults();
        LocalDynamo.app().settings().save(salon.memberId, new PortalSettings(d.zone(),
                "KZT", d.processingCostPerMonth(), d.variableCost(), d.retentionYears(), d.attribution(),
                d.orderSource(), d.activeWindowMonths(), d.channelRules(), d.reminders(), d.appointmentFields()));

        APIGatewayV2HTTPResponse answer = post("application/json",
                "[{\"month\": \"2026-03\", \"channel\": \"vk\", \"amount\": 1, \"currency\": \"RUB\"}]");

        assertEquals(422, answer.getStatusCode());
        assertEquals("CURRENCY", json(answer).get("errors").get(0).get("problem").asText());
        assertTrue(stored().isEmpty());
    }

    @Test
    void aWrongRevokedOrOtherPortalsTokenIsUnauthorized() {
        String body = "2026-03,vk,1,RUB\n";
        String forged = (token.charAt(0) == 'A' ? "B" : "A") + token.substring(1);
        SeededSalon other = new SeededSalon();
        String othersToken = other.secrets.create(other.memberId, SecretKind.SPEND_API);

        assertEquals(401, post(SpendApi.authorization(salon.memberId, forged), "text/csv", body).getStatusCode());
        assertEquals(401, post(SpendApi.authorization(salon.memberId, othersToken), "text/csv", body)
                .getStatusCode());
        assertEquals(401, post("Bearer " + token, "text/csv", body).getStatusCode());
        assertEquals(401, post("", "text/csv", body).getStatusCode());
        String exportSecret = salon.secrets.create(salon.memberId, SecretKind.BI_EXPORT);
        assertEquals(401, post(SpendApi.authorization(salon.memberId, exportSecret), "text/csv", body)
                .getStatusCode());
        salon.secrets.revoke(salon.memberId, SecretKind.SPEND_API);
        assertEquals(401, post("text/csv", body).getStatusCode());
        assertTrue(stored().isEmpty());
        assertTrue(other.spend.load(other.memberId, MARCH, MARCH).isEmpty());
    }

    @Test
    void anOversizedBodyIsRefusedUnparsed() {
        String body = "2026-03,vk,1,RUB\n".repeat(SpendApi.MAX_BODY_BYTES / 16 + 1);

        APIGatewayV2HTTPResponse answer = post("text/csv", body);

        assertEquals(413, answer.getStatusCode());
        assertTrue(stored().isEmpty());
    }

    @Test
    void malformedJsonIsABadRequest() {
        APIGatewayV2HTTPResponse answer = post("application/json", "{\"rows\": [{\"month\": ");

        assertEquals(400, answer.getStatusCode());
        assertFalse(answer.getBody().contains("Exception"));
        assertTrue(stored().isEmpty());
    }

    @Test
    void anotherContentTypeIsUnsupported() {
        assertEquals(415, post("application/xml", "<spend/>").getStatusCode());
    }

    @Test
    void moreMonthsAndChannelsThanOneChangeHoldsAreRefused() throws Exception {
        StringBuilder body = new StringBuilder();
        for (int channel = 0; channel < 11; channel++) {
            for (int month = 1; month <= 10; month++) {
                body.append(YearMonth.of(2025, month)).append(",c").append(channel).append(",1,RUB\n");
            }
        }

        APIGatewayV2HTTPResponse answer = post("text/csv", body.toString());

        assertEquals(422, answer.getStatusCode());
        assertEquals("TOO_MANY", json(answer).get("errors").get(0).get("problem").asText());
    }
}
