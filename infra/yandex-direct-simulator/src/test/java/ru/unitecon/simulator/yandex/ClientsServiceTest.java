package ru.unitecon.simulator.yandex;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ClientsServiceTest {
    private static final String CURRENCY = "{\"method\": \"get\", \"params\": {\"FieldNames\": [\"Login\", \"Currency\"]}}";

    @AutoClose
    private final YandexFixture fixture = new YandexFixture();

    @Test
    void anAdvertiserReadsItsOwnCurrency() {
        DirectHttp.Reply reply = DirectHttp.postReport(fixture.simulator.clientsUrl(), fixture.tokenOf(DirectDataset.SALON_LOGIN), CURRENCY);

        JsonNode client = reply.json().get("result").get("Clients").get(0);
        assertEquals(DirectDataset.SALON_LOGIN, client.get("Login").asText());
        assertEquals("RUB", client.get("Currency").asText());
    }

    @Test
    void anAgencyReadsItsClientsCurrencyThroughClientLogin() {
        DirectHttp.Reply reply = DirectHttp.postReport(fixture.simulator.clientsUrl(), fixture.tokenOf(DirectDataset.AGENCY_LOGIN),
                CURRENCY, "Client-Login", DirectDataset.AGENCY_KZT_CLIENT);

        assertEquals("KZT", reply.json().get("result").get("Clients").get(0).get("Currency").asText());
    }

    @Test
    void errorsComeAsTheErrorObjectWithHttp200() {
        DirectHttp.Reply reply = DirectHttp.postReport(fixture.simulator.clientsUrl(), "y0_forged", CURRENCY);

        assertEquals(200, reply.status());
        assertEquals(53, reply.errorCode());
    }

    @Test
    void anUndocumentedFieldIsInvalidParameters() {
        DirectHttp.Reply reply = DirectHttp.postReport(fixture.simulator.clientsUrl(), fixture.tokenOf(DirectDataset.SALON_LOGIN),
                "{\"method\": \"get\", \"params\": {\"FieldNames\": [\"Balance\"]}}");

        assertEquals(4000, reply.errorCode());
    }
}
