package ru.unitecon.functions;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import ru.unitecon.core.access.SecretKind;
import ru.unitecon.testsupport.SeededSalon;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The BI export handler's own part: the request's path and query in, the answer's status, type and body out. What
 * the export holds and whom it opens to is proved in core (MetricsExportTest).
 */
class BiExportHandlerTest {
    private final BiExportHandler handler = new BiExportHandler(SeededSalon.metricsExport());
    private final SeededSalon salon = new SeededSalon().withSalesAndSpend();
    private final String secret = salon.secrets.create(salon.memberId, SecretKind.BI_EXPORT);

    private APIGatewayV2HTTPResponse get(String path, String query) {
        return handler.handleRequest(HttpApiEvents.request("GET", path, query, Map.of(), null), null);
    }

    @Test
    void csvAndJsonAnswerWithTheirTypes() throws Exception {
        APIGatewayV2HTTPResponse csv = get("/bi/" + salon.memberId + "/" + secret + ".csv", "from=2026-02&to=2026-03");
        APIGatewayV2HTTPResponse json = get("/bi/" + salon.memberId + "/" + secret + ".json", "from=2026-02&to=2026-03");

        assertEquals(200, csv.getStatusCode());
        assertTrue(csv.getHeaders().get("Content-Type").startsWith("text/csv"));
        assertTrue(csv.getBody().startsWith("month,channel,currency,"));
        assertEquals(200, json.getStatusCode());
        assertEquals("2026-02", new ObjectMapper().readTree(json.getBody()).get("from").asText());
    }

    @Test
    void theCampaignLevelAnswersARowPerMonthAndCampaign() throws Exception {
        SeededSalon withCampaigns = new SeededSalon().withCampaigns();
        String campaignSecret = withCampaigns.secrets.create(withCampaigns.memberId, SecretKind.BI_EXPORT);
        String path = "/bi/" + withCampaigns.memberId + "/" + campaignSecret;

        APIGatewayV2HTTPResponse csv = get(path + ".csv", "from=2026-03&to=2026-03&level=campaign");
        APIGatewayV2HTTPResponse json = get(path + ".json", "from=2026-03&to=2026-03&level=campaign");

        assertEquals(200, csv.getStatusCode());
        assertTrue(csv.getBody().startsWith("month,currency,platform,account,campaign_id,campaign_name,channel,"),
                csv.getBody());
        assertEquals(4, csv.getBody().split("\r\n").length, "the header and three campaigns");
        assertEquals("70213344", new ObjectMapper().readTree(json.getBody()).get("rows").get(0).get("campaign_id")
                .asText());
        assertEquals(400, get(path + ".csv", "level=keyword").getStatusCode());
    }

    @Test
    void theHourLevelAnswersARowPerMonthChannelAndHour() throws Exception {
        salon.answered(1, SeededSalon.MARCH, 2, 4);
        String path = "/bi/" + salon.memberId + "/" + secret;

        APIGatewayV2HTTPResponse csv = get(path + ".csv", "from=2026-03&to=2026-03&level=hour");
        APIGatewayV2HTTPResponse json = get(path + ".json", "from=2026-03&to=2026-03&level=hour");

        assertEquals(200, csv.getStatusCode());
        assertTrue(csv.getHeaders().get("Content-Type").startsWith("text/csv"));
        assertTrue(csv.getBody().startsWith("month,channel,hour,currency,leads,answered_in_5_min,"), csv.getBody());
        assertTrue(csv.getBody().contains("\r\n2026-03,instagram,12,RUB,2,1,1,0.5000,0.5000\r\n"), csv.getBody());
        assertEquals(3, csv.getBody().split("\r\n").length, "the header, Instagram's and VK's noon");
        assertEquals(12, new ObjectMapper().readTree(json.getBody()).get("rows").get(0).get("hour").asInt());
    }

    @Test
    void aSecretThatOpensNothingIsNotFoundAndShowsNoData() {
        String forged = (secret.charAt(0) == 'A' ? "B" : "A") + secret.substring(1);

        APIGatewayV2HTTPResponse guessed = get("/bi/" + salon.memberId + "/" + forged + ".csv", "");
        APIGatewayV2HTTPResponse unknown = get("/bi/nosuchportal0000/" + forged + ".csv", "");

        assertEquals(404, guessed.getStatusCode());
        assertFalse(guessed.getBody().contains("instagram"));
        assertEquals(unknown.getStatusCode(), guessed.getStatusCode());
        assertEquals(unknown.getBody(), guessed.getBody());
    }

    @Test
    void aBadRangeIsABadRequestAndAnotherPathIsNotFound() {
        assertEquals(400, get("/bi/" + salon.memberId + "/" + secret + ".csv", "from=2026-03&to=2026-01")
                .getStatusCode());
        assertEquals(400, get("/bi/" + salon.memberId + "/" + secret + ".csv", "from=2020-01&to=2026-01")
                .getStatusCode());
        assertEquals(400, get("/bi/" + salon.memberId + "/" + secret + ".csv", "from=march")
                .getStatusCode());
        assertEquals(404, get("/bi/" + salon.memberId + "/" + secret + ".xlsx", "").getStatusCode());
    }
}
