package ru.unitecon.functions;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import ru.unitecon.core.access.SecretKind;
import ru.unitecon.core.export.ExportRequest;
import ru.unitecon.core.export.MetricsTable;
import ru.unitecon.simulator.BiBuilder;
import ru.unitecon.simulator.Dataset;
import ru.unitecon.testsupport.SeededSalon;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The BI Builder connector's four endpoints: end to end, the portal's BI Builder (the simulator's) calling the
 * connector the install registered through the loopback gateway; and the handler's own part, the form body in and
 * the status, type and body out. What the data hold and whom they open to is proved in core (BiConnectorTest).
 */
class BiConnectorHandlerTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final BiConnectorHandler handler = new BiConnectorHandler(SeededSalon.biConnector());
    private final SeededSalon salon = new SeededSalon().withSalesAndSpend();
    private final String token = salon.secrets.create(salon.memberId, SecretKind.BI_CONNECTOR);

    private APIGatewayV2HTTPResponse post(String path, String body) {
        return handler.handleRequest(HttpApiEvents.request("POST", path, "",
                Map.of("content-type", "application/x-www-form-urlencoded"), body), null);
    }

    private String connection(String memberId, String secret) {
        return "connection%5Bmember_id%5D=" + URLEncoder.encode(memberId, StandardCharsets.UTF_8)
                + "&connection%5Btoken%5D=" + URLEncoder.encode(secret, StandardCharsets.UTF_8);
    }

    @Test
    void theInstalledAppsConnectorAnswersBiBuilderWithTheBiExportsNumbers() throws Exception {
        try (AppOnSimulatedPortal app = AppOnSimulatedPortal.start(Dataset.bundledSample())) {
            app.installAndBackfill();
            BiBuilder biBuilder = app.portal.biBuilder();

            HttpResponse<String> check = biBuilder.check();
            JsonNode tables = JSON.readTree(biBuilder.tableList("metrics").body());
            JsonNode fields = JSON.readTree(biBuilder.tableDescription("monthly_metrics").body());
            JsonNode all = JSON.readTree(biBuilder.data("monthly_metrics", List.of(), null, null, null).body());

            assertEquals(200, check.statusCode());
            assertEquals("OK", check.body());
            assertEquals("monthly_metrics", tables.get(0).get("code").asText());
            assertEquals("MONTH", fields.get(0).get("name").asText());
            String exportSecret = app.services.secrets().create(app.memberId(), SecretKind.BI_EXPORT);
            MetricsTable export = app.services.metricsExport().read(ExportRequest.parse(
                    "/bi/" + app.memberId() + "/" + exportSecret + ".json", "").orElseThrow()).orElseThrow();
            JsonNode exported = JSON.readTree(export.json()).get("rows");
            assertTrue(exported.size() > 0, "the sample salon has months with metrics");
            assertEquals(exported.size() + 1, all.size());
            List<String> header = JSON.convertValue(all.get(0), List.class);
            for (int r = 0; r < exported.size(); r++) {
                JsonNode row = all.get(r + 1);
                assertEquals(exported.get(r).get("month").asText() + "-01", row.get(header.indexOf("month")).asText());
                assertEquals(exported.get(r).get("channel").asText(), row.get(header.indexOf("channel")).asText());
                for (String column : List.of("leads", "new_clients", "orders", "revenue", "spend", "cac", "ltv")) {
                    JsonNode expected = exported.get(r).get(column);
                    JsonNode cell = row.get(header.indexOf(column));
                    assertEquals(expected.isNull(), cell.isNull(), column);
                    if (!expected.isNull()) {
                        assertEquals(0, expected.decimalValue().compareTo(cell.decimalValue()), column);
                    }
                }
            }
            assertEquals(List.of(), app.portal.violations());
        }
    }

    @Test
    void biBuildersDateRangeSelectAndLimitReachTheConnector() throws Exception {
        try (AppOnSimulatedPortal app = AppOnSimulatedPortal.start(Dataset.bundledSample())) {
            app.installAndBackfill();
            BiBuilder biBuilder = app.portal.biBuilder();
            JsonNode all = JSON.readTree(biBuilder.data("monthly_metrics", List.of("MONTH", "CHANNEL"), null, null,
                    null).body());
            YearMonth month = YearMonth.parse(all.get(1).get(0).asText().substring(0, 7));
            long rowsOfTheMonth = 0;
            for (int r = 1; r < all.size(); r++) {
                rowsOfTheMonth += all.get(r).get(0).asText().startsWith(month.toString()) ? 1 : 0;
            }

            JsonNode inMonth = JSON.readTree(biBuilder.data("monthly_metrics", List.of("CHANNEL", "LEADS"),
                    month.atDay(1), month.atEndOfMonth(), null).body());
            JsonNode limited = JSON.readTree(biBuilder.data("monthly_metrics", List.of("MONTH"), null, null, 1)
                    .body());

            assertEquals("[\"month\",\"channel\"]", all.get(0).toString());
            assertEquals("[\"channel\",\"leads\"]", inMonth.get(0).toString());
            assertEquals(rowsOfTheMonth + 1, inMonth.size());
            assertEquals(2, limited.size());
        }
    }

    @Test
    void theCampaignTableIsListedDescribedAndServed() throws Exception {
        SeededSalon withCampaigns = new SeededSalon().withCampaigns();
        String campaignToken = withCampaigns.secrets.create(withCampaigns.memberId, SecretKind.BI_CONNECTOR);
        String connection = connection(withCampaigns.memberId, campaignToken);

        JsonNode tables = JSON.readTree(post("/bi-connector/tables", connection + "&searchString=campaign").getBody());
        JsonNode fields = JSON.readTree(post("/bi-connector/describe", connection + "&table=campaign_metrics")
                .getBody());
        APIGatewayV2HTTPResponse data = post("/bi-connector/data", connection + "&table=campaign_metrics"
                + "&select%5B0%5D=CAMPAIGN_ID&select%5B1%5D=SPEND&filter%5B%3E%3DMONTH%5D=01.03.2026"
                + "&filter%5B%3C%3DMONTH%5D=31.03.2026");

        assertEquals("campaign_metrics", tables.get(0).get("code").asText());
        assertEquals("MONTH", fields.get(0).get("name").asText());
        assertEquals(200, data.getStatusCode());
        assertEquals("[[\"campaign_id\",\"spend\"],[\"70213344\",10000],[\"70213999\",1500],[\"5551\",1000]]",
                data.getBody());
    }

    @Test
    void theResponseByHourTableIsListedDescribedAndServed() throws Exception {
        salon.answered(1, SeededSalon.MARCH, 2, 4);
        String connection = connection(salon.memberId, token);

        JsonNode tables = JSON.readTree(post("/bi-connector/tables", connection + "&searchString=hour").getBody());
        JsonNode fields = JSON.readTree(post("/bi-connector/describe", connection + "&table=response_by_hour")
                .getBody());
        APIGatewayV2HTTPResponse data = post("/bi-connector/data", connection + "&table=response_by_hour"
                + "&select%5B0%5D=CHANNEL&select%5B1%5D=HOUR&select%5B2%5D=LEADS&select%5B3%5D=ANSWERED_IN_5_MIN"
                + "&filter%5B%3E%3DMONTH%5D=01.03.2026&filter%5B%3C%3DMONTH%5D=31.03.2026");

        assertEquals(1, tables.size());
        assertEquals("response_by_hour", tables.get(0).get("code").asText());
        assertEquals("HOUR", fields.get(2).get("name").asText());
        assertEquals(200, data.getStatusCode());
        assertEquals("[[\"channel\",\"hour\",\"leads\",\"answered_in_5_min\"],[\"instagram\",12,2,1],"
                + "[\"vk\",12,1,0]]", data.getBody());
    }

    @Test
    void eachEndpointAnswersWithItsTypeAndAStagePrefixIsTaken() throws Exception {
        APIGatewayV2HTTPResponse check = post("/bi-connector/check", connection(salon.memberId, token));
        APIGatewayV2HTTPResponse tables = post("/prod/bi-connector/tables", connection(salon.memberId, token)
                + "&searchString=");
        APIGatewayV2HTTPResponse describe = post("/bi-connector/describe", connection(salon.memberId, token)
                + "&table=monthly_metrics");
        APIGatewayV2HTTPResponse data = post("/bi-connector/data", connection(salon.memberId, token)
                + "&table=monthly_metrics&select%5B0%5D=MONTH&filter%5B%3E%3DMONTH%5D=01.03.2026"
                + "&filter%5B%3C%3DMONTH%5D=31.03.2026+23%3A59%3A59&limit=1");

        assertEquals(200, check.getStatusCode());
        assertEquals("OK", check.getBody());
        assertTrue(check.getHeaders().get("Content-Type").startsWith("text/plain"));
        assertEquals(200, tables.getStatusCode());
        assertEquals("application/json", tables.getHeaders().get("Content-Type"));
        assertEquals(200, describe.getStatusCode());
        assertEquals("[[\"month\"],[\"2026-03-01\"]]", data.getBody());
        assertEquals("application/json", data.getHeaders().get("Content-Type"));
    }

    @Test
    void aBase64BodyIsDecoded() {
        APIGatewayV2HTTPEvent event = HttpApiEvents.request("POST", "/bi-connector/check", "", Map.of(),
                Base64.getEncoder().encodeToString(connection(salon.memberId, token).getBytes(StandardCharsets.UTF_8)));
        event.setIsBase64Encoded(true);

        assertEquals(200, handler.handleRequest(event, null).getStatusCode());
    }

    @Test
    void everyRefusalIsTheSame403WithABodyAndNoData() {
        String forged = (token.charAt(0) == 'A' ? "B" : "A") + token.substring(1);
        SeededSalon uninstalled = new SeededSalon(ru.unitecon.core.portal.InstallationStatus.UNINSTALLED);
        String uninstalledToken = uninstalled.secrets.create(uninstalled.memberId, SecretKind.BI_CONNECTOR);
        List<String> refused = List.of(connection(salon.memberId, forged),
                connection("nosuchportal0000", token), connection(uninstalled.memberId, uninstalledToken), "");

        for (String credentials : refused) {
            for (String endpoint : List.of("check", "tables", "describe", "data")) {
                APIGatewayV2HTTPResponse response = post("/bi-connector/" + endpoint,
                        credentials + "&table=monthly_metrics");
                assertEquals(403, response.getStatusCode(), endpoint);
                assertEquals("access denied", response.getBody());
                assertFalse(response.getBody().contains("instagram"));
            }
        }
    }

    @Test
    void badRequestsAre400WithAMessageAndOtherPathsAreNotFound() {
        APIGatewayV2HTTPResponse badDate = post("/bi-connector/data", connection(salon.memberId, token)
                + "&table=monthly_metrics&filter%5B%3E%3DMONTH%5D=yesterday");
        APIGatewayV2HTTPResponse badLimit = post("/bi-connector/data", connection(salon.memberId, token)
                + "&table=monthly_metrics&limit=many");
        APIGatewayV2HTTPResponse badField = post("/bi-connector/data", connection(salon.memberId, token)
                + "&table=monthly_metrics&select%5B0%5D=PROFIT");
        APIGatewayV2HTTPResponse badForm = post("/bi-connector/data", "%ZZ=1");

        assertEquals(400, badDate.getStatusCode());
        assertTrue(badDate.getBody().contains("31.05.2025"), badDate.getBody());
        assertEquals(400, badLimit.getStatusCode());
        assertTrue(badLimit.getBody().contains("limit"));
        assertEquals(400, badField.getStatusCode());
        assertEquals(400, badForm.getStatusCode());
        assertEquals(404, post("/bi-connector/drop", connection(salon.memberId, token)).getStatusCode());
        assertEquals(404, post("/bi-connector", connection(salon.memberId, token)).getStatusCode());
    }
}
