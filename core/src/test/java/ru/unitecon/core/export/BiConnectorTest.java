package ru.unitecon.core.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import ru.unitecon.core.access.SecretKind;
import ru.unitecon.core.bitrix.inbound.MalformedRequest;
import ru.unitecon.core.metrics.PeriodMetrics;
import ru.unitecon.core.portal.InstallationStatus;
import ru.unitecon.testsupport.LocalDynamo;
import ru.unitecon.testsupport.SeededSalon;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static ru.unitecon.testsupport.SeededSalon.FEBRUARY;
import static ru.unitecon.testsupport.SeededSalon.MARCH;

/**
 * The BI Builder connector's four endpoints on DynamoDB Local, with the form bodies BI Builder POSTs: the seeded
 * salon's numbers, counted here by hand from its records, the date filter, select and limit, and one refusal for
 * every credential that is not the portal's current connector token.
 */
class BiConnectorTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern FIELD_NAME = Pattern.compile("[A-Z][A-Z0-9_]*");
    private static final Pattern DATASET_NAME = Pattern.compile("[a-z][a-z0-9_]*");

    private final BiConnector connector = SeededSalon.biConnector();
    private final SeededSalon salon = new SeededSalon().withSalesAndSpend();
    private final String token = salon.secrets.create(salon.memberId, SecretKind.BI_CONNECTOR);

    /** A form body with the salon's connection settings and the given further pairs. */
    private BiConnectorRequest request(String... pairs) {
        return requestAs(salon.memberId, token, pairs);
    }

    private static BiConnectorRequest requestAs(String memberId, String token, String... pairs) {
        StringBuilder body = new StringBuilder("connection[member_id]=" + encode(memberId)
                + "&connection[token]=" + encode(token));
        for (int i = 0; i < pairs.length; i += 2) {
            body.append('&').append(encode(pairs[i])).append('=').append(encode(pairs[i + 1]));
        }
        return BiConnectorRequest.parse(body.toString());
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private JsonNode data(String... pairs) throws Exception {
        return JSON.readTree(connector.data(request(pairs)).orElseThrow());
    }

    /** The data answer as maps from external code to cell, one per row after the header. */
    private static List<Map<String, JsonNode>> rows(JsonNode answer) {
        List<Map<String, JsonNode>> rows = new ArrayList<>();
        JsonNode header = answer.get(0);
        for (int r = 1; r < answer.size(); r++) {
            Map<String, JsonNode> row = new HashMap<>();
            assertEquals(header.size(), answer.get(r).size());
            for (int c = 0; c < header.size(); c++) {
                row.put(header.get(c).asText(), answer.get(r).get(c));
            }
            rows.add(row);
        }
        return rows;
    }

    private static Map<String, JsonNode> row(List<Map<String, JsonNode>> rows, String month, String channel) {
        return rows.stream().filter(row -> row.get("month").asText().equals(month)
                && row.get("channel").asText().equals(channel)).findFirst().orElseThrow(() ->
                new AssertionError("no row " + month + " " + channel + " in " + rows));
    }

    private static void assertAmount(String expected, JsonNode cell) {
        assertEquals(0, new BigDecimal(expected).compareTo(cell.decimalValue()), cell.toString());
    }

    @Test
    void checkAdmitsTheCurrentTokenOfAnInstalledPortal() {
        assertTrue(connector.check(request()));
    }

    @Test
    void everyOtherCredentialIsRefusedAlikeByEveryEndpoint() {
        String forged = (token.charAt(0) == 'A' ? "B" : "A") + token.substring(1);
        String exportSecret = salon.secrets.create(salon.memberId, SecretKind.BI_EXPORT);
        SeededSalon uninstalled = new SeededSalon(InstallationStatus.UNINSTALLED);
        String uninstalledToken = uninstalled.secrets.create(uninstalled.memberId, SecretKind.BI_CONNECTOR);
        SeededSalon otherPortal = new SeededSalon().withSalesAndSpend();
        otherPortal.secrets.create(otherPortal.memberId, SecretKind.BI_CONNECTOR);
        List<BiConnectorRequest> refused = new ArrayList<>();
        for (BiDataset<?> table : BiDataset.ALL) {
            refused.addAll(List.of(
                    requestAs(salon.memberId, forged, "table", table.code()),
                    requestAs(salon.memberId, exportSecret, "table", table.code()),
                    requestAs(salon.memberId, "", "table", table.code()),
                    requestAs(LocalDynamo.freshMemberId(), token, "table", table.code()),
                    requestAs(otherPortal.memberId, token, "table", table.code()),
                    requestAs("", token, "table", table.code()),
                    requestAs(uninstalled.memberId, uninstalledToken, "table", table.code())));
        }

        for (BiConnectorRequest request : refused) {
            assertFalse(connector.check(request), request.toString());
            assertEquals(Optional.empty(), connector.tableList(request));
            assertEquals(Optional.empty(), connector.tableDescription(request));
            assertEquals(Optional.empty(), connector.data(request));
        }
    }

    @Test
    void aRevokedTokenIsRefusedAndTheExportSecretsRevocationLeavesTheConnectorAlone() {
        salon.secrets.create(salon.memberId, SecretKind.BI_EXPORT);
        salon.secrets.revoke(salon.memberId, SecretKind.BI_EXPORT);
        assertTrue(connector.check(request()));

        salon.secrets.revoke(salon.memberId, SecretKind.BI_CONNECTOR);
        assertFalse(connector.check(request()));
    }

    @Test
    void theTableListFiltersByTheSearchText() throws Exception {
        JsonNode all = JSON.readTree(connector.tableList(request("searchString", "")).orElseThrow());
        JsonNode found = JSON.readTree(connector.tableList(request("searchString", "MONTHLY")).orElseThrow());
        JsonNode none = JSON.readTree(connector.tableList(request("searchString", "deals")).orElseThrow());

        assertEquals(3, all.size());
        assertEquals("monthly_metrics", all.get(0).get("code").asText());
        assertEquals("campaign_metrics", all.get(1).get("code").asText());
        assertEquals("response_by_hour", all.get(2).get("code").asText());
        assertFalse(all.get(0).get("title").asText().isBlank());
        assertEquals(1, found.size());
        assertEquals(all.get(0), found.get(0));
        assertEquals(0, none.size());
    }

    /**
     * The campaigns table: SeededSalon's March campaigns counted by hand. "Маникюр весна": 6 000 + 4 000 ₽ of spend,
     * leads 11 and 12, lead 11's client's order of 5 000 ₽, so CAC 10 000 ₽, losing money; "Бренд": 1 500 ₽ and no
     * lead; "Педикюр": 1 000 ₽, lead 13 and its client's 2 000 ₽.
     */
    @Test
    void theCampaignTableHasARowPerMonthAndCampaignWithItsNumbers() throws Exception {
        SeededSalon withCampaigns = new SeededSalon().withCampaigns();
        String campaignToken = withCampaigns.secrets.create(withCampaigns.memberId, SecretKind.BI_CONNECTOR);
        JsonNode fields = JSON.readTree(connector.tableDescription(
                requestAs(withCampaigns.memberId, campaignToken, "table", "campaign_metrics")).orElseThrow());
        assertEquals(2 + CampaignTable.COLUMNS.size(), fields.size());
        fields.forEach(field -> assertTrue(FIELD_NAME.matcher(field.get("name").asText()).matches()));
        assertTrue(DATASET_NAME.matcher(BiDataset.CAMPAIGN_METRICS.datasetName()).matches());

        List<Map<String, JsonNode>> rows = rows(JSON.readTree(connector.data(requestAs(withCampaigns.memberId,
                campaignToken, "table", "campaign_metrics", "filter[>=MONTH]", "01.03.2026",
                "filter[<=MONTH]", "31.03.2026")).orElseThrow()));

        assertEquals(3, rows.size());
        Map<String, JsonNode> spring = rows.getFirst();
        assertEquals("2026-03-01", spring.get("month").asText());
        assertEquals("direct", spring.get("platform").asText());
        assertEquals("70213344", spring.get("campaign_id").asText());
        assertEquals("Маникюр весна", spring.get("campaign_name").asText());
        assertEquals("yandex_direct", spring.get("channel").asText());
        assertAmount("10000", spring.get("spend"));
        assertEquals(2, spring.get("leads").asLong());
        assertEquals(1, spring.get("new_clients").asLong());
        assertAmount("10000", spring.get("cac"));
        assertEquals(1, spring.get("losing_money").asInt());
        assertEquals("cac_above_margin", spring.get("losing_money_reason").asText());
        Map<String, JsonNode> brand = rows.get(1);
        assertEquals(0, brand.get("leads").asLong());
        assertTrue(brand.get("cac").isNull(), "undefined, never 0");
        assertEquals("spend_no_new_client", brand.get("losing_money_reason").asText());
        assertEquals("vk", rows.get(2).get("channel").asText());
        assertAmount("1000", rows.get(2).get("cac"));
    }

    /**
     * The seeded salon's leads are created at 09:00 UTC, noon in Moscow: March's Instagram leads 1 (answered in 4
     * minutes) and 2 (in 11) make its 12 o'clock, 2 leads, 1 within 5 minutes, 2 within 15; VK's lead 3 is never
     * answered; February's lead 4 neither.
     */
    @Test
    void theResponseTableHasARowPerMonthChannelAndHourWithLeads() throws Exception {
        salon.answered(1, MARCH, 2, 4).answered(2, MARCH, 3, 11);
        JsonNode fields = JSON.readTree(connector.tableDescription(request("table", "response_by_hour")).orElseThrow());
        assertEquals(4 + ResponseHourTable.COLUMNS.size(), fields.size());
        assertEquals("{\"code\":\"month\",\"name\":\"MONTH\",\"type\":\"date\"}", fields.get(0).toString());
        assertEquals("{\"code\":\"hour\",\"name\":\"HOUR\",\"type\":\"int\"}", fields.get(2).toString());
        fields.forEach(field -> assertTrue(FIELD_NAME.matcher(field.get("name").asText()).matches()));
        assertTrue(DATASET_NAME.matcher(BiDataset.RESPONSE_BY_HOUR.datasetName()).matches());

        List<Map<String, JsonNode>> march = rows(data("table", "response_by_hour",
                "filter[>=MONTH]", "01.03.2026", "filter[<=MONTH]", "31.03.2026"));
        List<Map<String, JsonNode>> both = rows(data("table", "response_by_hour",
                "filter[>=MONTH]", "01.02.2026", "filter[<=MONTH]", "31.03.2026"));

        assertEquals(2, march.size());
        Map<String, JsonNode> instagram = row(march, "2026-03-01", "instagram");
        assertEquals(12, instagram.get("hour").asInt());
        assertEquals(2, instagram.get("leads").asLong());
        assertEquals(1, instagram.get("answered_in_5_min").asLong());
        assertEquals(2, instagram.get("answered_in_15_min").asLong());
        assertAmount("0.5", instagram.get("answered_in_5_min_share"));
        assertAmount("1", instagram.get("answered_in_15_min_share"));
        Map<String, JsonNode> vk = row(march, "2026-03-01", "vk");
        assertEquals(1, vk.get("leads").asLong());
        assertEquals(0, vk.get("answered_in_15_min").asLong());
        assertAmount("0", vk.get("answered_in_15_min_share"));
        assertEquals(3, both.size());
        assertEquals(1, row(both, "2026-02-01", "instagram").get("leads").asLong());
    }

    @Test
    void theDescriptionHasEveryExportColumnWithNamesAndTypesBiBuilderTakes() throws Exception {
        JsonNode fields = JSON.readTree(connector.tableDescription(request("table", "monthly_metrics")).orElseThrow());

        assertEquals(3 + MetricsTable.COLUMNS.size(), fields.size());
        assertEquals("{\"code\":\"month\",\"name\":\"MONTH\",\"type\":\"date\"}", fields.get(0).toString());
        Map<String, String> types = new HashMap<>();
        for (JsonNode field : fields) {
            String name = field.get("name").asText();
            assertTrue(FIELD_NAME.matcher(name).matches() && name.length() <= 32, name);
            assertTrue(List.of("int", "string", "double", "date").contains(field.get("type").asText()));
            types.put(field.get("code").asText(), field.get("type").asText());
        }
        assertEquals("string", types.get("channel"));
        assertEquals("int", types.get("leads"));
        assertEquals("double", types.get("spend"));
        assertEquals("double", types.get("romi"));
        assertEquals("int", types.get("losing_money"));
        assertEquals("string", types.get("losing_money_reason"));
        assertTrue(DATASET_NAME.matcher(BiDataset.MONTHLY_METRICS.datasetName()).matches());
    }

    @Test
    void anUnknownTableIsABadRequest() {
        assertThrows(MalformedRequest.class, () -> connector.tableDescription(request("table", "deals")));
        assertThrows(MalformedRequest.class, () -> connector.data(request("table", "deals")));
    }

    /**
     * The seeded records, counted by hand: February, Instagram: lead 4, its client's first order 4000.50, spend
     * 10000. March, Instagram: leads 1 and 2, lead 1's first order 2500 and lead 4's client's second 3000, spend
     * 12000.50, one new client. March, VK: lead 3, no order, spend 3000.
     */
    @Test
    void theDataAreTheSalonsNumbersForTheMonthsTheDateFilterTouches() throws Exception {
        List<Map<String, JsonNode>> rows = rows(data("table", "monthly_metrics",
                "filter[>=MONTH]", "15.02.2026", "filter[<=MONTH]", "31.03.2026 23:59:59"));

        assertEquals(3, rows.size());
        Map<String, JsonNode> february = row(rows, "2026-02-01", "instagram");
        assertEquals(1, february.get("leads").asLong());
        assertEquals(1, february.get("new_clients").asLong());
        assertEquals(1, february.get("orders").asLong());
        assertAmount("4000.50", february.get("revenue"));
        assertAmount("10000", february.get("spend"));
        assertAmount("10000", february.get("cac"));
        assertEquals("RUB", february.get("currency").asText());
        Map<String, JsonNode> instagram = row(rows, "2026-03-01", "instagram");
        assertEquals(2, instagram.get("leads").asLong());
        assertEquals(1, instagram.get("new_clients").asLong());
        assertEquals(2, instagram.get("orders").asLong());
        assertAmount("5500", instagram.get("revenue"));
        assertAmount("12000.50", instagram.get("spend"));
        assertAmount("12000.50", instagram.get("cac"));
        assertAmount("2750", instagram.get("aov"));
        Map<String, JsonNode> vk = row(rows, "2026-03-01", "vk");
        assertEquals(1, vk.get("leads").asLong());
        assertEquals(0, vk.get("orders").asLong());
        assertAmount("3000", vk.get("spend"));
        assertTrue(vk.get("cac").isNull(), "no new client: nothing to divide by");
        assertEquals(1, vk.get("losing_money").asLong());
    }

    @Test
    void theDataAreTheBiExportsRowsCellForCell() throws Exception {
        JsonNode answer = data("table", "monthly_metrics", "filter[>=MONTH]", "01.02.2026",
                "filter[<=MONTH]", "31.03.2026 23:59:59");
        String exportSecret = salon.secrets.create(salon.memberId, SecretKind.BI_EXPORT);
        MetricsTable export = SeededSalon.metricsExport().read(ExportRequest.parse(
                "/bi/" + salon.memberId + "/" + exportSecret + ".json", "from=2026-02&to=2026-03").orElseThrow())
                .orElseThrow();
        JsonNode exported = JSON.readTree(export.json()).get("rows");

        assertEquals(exported.size() + 1, answer.size());
        JsonNode header = answer.get(0);
        for (int r = 0; r < exported.size(); r++) {
            for (int c = 0; c < header.size(); c++) {
                String code = header.get(c).asText();
                JsonNode expected = code.equals("currency") ? JSON.getNodeFactory().textNode("RUB")
                        : code.equals("month") ? JSON.getNodeFactory().textNode(exported.get(r).get(code).asText() + "-01")
                        : exported.get(r).get(code);
                JsonNode cell = answer.get(r + 1).get(c);
                if (expected.isBoolean()) {
                    assertEquals(expected.asBoolean() ? 1 : 0, cell.asInt(), code);
                } else if (expected.isNumber()) {
                    assertEquals(0, expected.decimalValue().compareTo(cell.decimalValue()), code);
                } else {
                    assertEquals(expected, cell, code);
                }
            }
        }
    }

    @Test
    void aRangeInOneMonthReadsThatMonthOnly() throws Exception {
        List<Map<String, JsonNode>> rows = rows(data("table", "monthly_metrics",
                "filter[>=month]", "2026-03-01", "filter[<=month]", "2026-03-31 23:59:59"));

        assertEquals(2, rows.size());
        assertTrue(rows.stream().allMatch(row -> row.get("month").asText().equals("2026-03-01")));
    }

    @Test
    void everyDateFormatOfBiBuilderAndItsNumericOperatorsAreRead() throws Exception {
        assertEquals(1, rows(data("table", "monthly_metrics", "filter[>=MONTH]", "02/01/2026",
                "filter[<=MONTH]", "02/28/2026 11:59:59 pm")).size());
        assertEquals(1, rows(data("table", "monthly_metrics", "filter[><MONTH][0]", "01.02.2026",
                "filter[><MONTH][1]", "28.02.2026")).size());
        assertEquals(2, rows(data("table", "monthly_metrics", "filter[>MONTH]", "01.03.2026 10:00:00")).size());
        assertEquals(1, rows(data("table", "monthly_metrics", "filter[<MONTH]", "2026-02-28T00:00:00+03:00")).size());
    }

    @Test
    void withoutAFilterTheTwelveMonthsEndingNowAndOtherFiltersAreLeftToBiBuilder() throws Exception {
        assertEquals(3, rows(data("table", "monthly_metrics")).size());
        assertEquals(3, rows(data("table", "monthly_metrics", "filter[=CHANNEL]", "vk",
                "filter[0][LOGIC]", "OR", "filter[0][0][%CHANNEL]", "insta")).size());
        assertEquals(0, rows(data("table", "monthly_metrics", "filter[>=MONTH]", "01.04.2026",
                "filter[<=MONTH]", "31.03.2026")).size(), "a range that ends before it starts");
    }

    @Test
    void aRangeOfYearsReadsItsLastThirtySixMonths() throws Exception {
        List<String> months = rows(data("table", "monthly_metrics", "filter[>=MONTH]", "01.01.2000",
                "filter[<=MONTH]", "31.12.2026")).stream().map(row -> row.get("month").asText()).toList();
        List<String> later = rows(data("table", "monthly_metrics", "filter[>=MONTH]", "01.01.2000",
                "filter[<=MONTH]", "31.12.2029")).stream().map(row -> row.get("month").asText()).toList();

        assertTrue(months.containsAll(List.of("2026-02-01", "2026-03-01")), months.toString());
        assertTrue(months.stream().allMatch(month -> month.compareTo("2024-01-01") >= 0), months.toString());
        assertTrue(later.stream().allMatch(month -> month.compareTo("2027-01-01") >= 0), later.toString());
    }

    @Test
    void selectGivesExactlyThoseColumnsInThatOrderByNameOrCode() throws Exception {
        JsonNode answer = data("table", "monthly_metrics", "select[0]", "SPEND", "select[1]", "channel",
                "select[2]", "MONTH", "filter[>=MONTH]", "01.02.2026", "filter[<=MONTH]", "28.02.2026 23:59:59");

        assertEquals("[[\"spend\",\"channel\",\"month\"],[10000,\"instagram\",\"2026-02-01\"]]", answer.toString());
    }

    @Test
    void limitCapsTheRowsButNotTheHeader() throws Exception {
        assertEquals(3, data("table", "monthly_metrics", "limit", "2").size());
        assertEquals(1, data("table", "monthly_metrics", "limit", "1", "select[0]", "MONTH").get(1).size());
        assertEquals(4, data("table", "monthly_metrics", "limit", "0").size(), "0 is no limit, as in BI queries");
        assertEquals(4, data("table", "monthly_metrics", "limit", "20").size());
    }

    @Test
    void garbageIsABadRequestWithAClearMessage() {
        assertTrue(assertThrows(MalformedRequest.class, () -> request("limit", "ten")).getMessage().contains("limit"));
        assertThrows(MalformedRequest.class, () -> request("limit", "-1"));
        assertTrue(assertThrows(MalformedRequest.class, () -> connector.data(request("table", "monthly_metrics",
                "select[0]", "PROFIT"))).getMessage().contains("PROFIT"));
        for (String date : List.of("yesterday", "31.02.2026", "2026-13-01", "")) {
            MalformedRequest refused = assertThrows(MalformedRequest.class, () -> connector.data(request(
                    "table", "monthly_metrics", "filter[>=MONTH]", date)), date);
            assertTrue(refused.getMessage().contains("31.05.2025"), refused.getMessage());
        }
        assertThrows(MalformedRequest.class, () -> connector.data(request("table", "monthly_metrics",
                "filter[><MONTH]", "01.02.2026")));
    }

    @Test
    void theRequestNeverShowsItsToken() {
        assertFalse(request().toString().contains(token));
    }

    /** The rows' channels are the engine's: the connector adds no channel and loses none. */
    @Test
    void theChannelsAreTheEnginesChannels() throws Exception {
        List<String> expected = new ArrayList<>();
        for (var month : List.of(FEBRUARY, MARCH)) {
            salon.engine().byChannel(ru.unitecon.core.metrics.Period.month(month)).stream()
                    .map(PeriodMetrics::channel).map(Optional::orElseThrow).forEach(expected::add);
        }
        List<String> channels = rows(data("table", "monthly_metrics")).stream()
                .map(row -> row.get("channel").asText()).toList();

        assertEquals(expected, channels);
    }
}
