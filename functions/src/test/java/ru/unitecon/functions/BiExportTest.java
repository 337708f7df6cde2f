package ru.unitecon.functions;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import ru.unitecon.core.access.SecretKind;
import ru.unitecon.core.metrics.MetricValue;
import ru.unitecon.core.metrics.Period;
import ru.unitecon.core.metrics.PeriodMetrics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static ru.unitecon.functions.SeededSalon.FEBRUARY;
import static ru.unitecon.functions.SeededSalon.MARCH;

class BiExportTest {
    private final BiExportHandler handler = new BiExportHandler(SeededSalon.metricsExport());

    private APIGatewayV2HTTPResponse get(String path, String query) {
        return handler.handleRequest(SeededSalon.request("GET", path, query, Map.of(), null), null);
    }

    private static List<PeriodMetrics> expectedRows(SeededSalon salon) {
        List<PeriodMetrics> rows = new ArrayList<>(salon.engine().byChannel(Period.month(FEBRUARY)));
        rows.addAll(salon.engine().byChannel(Period.month(MARCH)));
        return rows;
    }

    @Test
    void csvHasTheEnginesNumbersForEveryMonthAndChannel() {
        SeededSalon salon = new SeededSalon().withSalesAndSpend();
        String secret = salon.secrets.create(salon.memberId, SecretKind.BI_EXPORT);

        APIGatewayV2HTTPResponse answer = get("/bi/" + salon.memberId + "/" + secret + ".csv", "from=2026-02&to=2026-03");

        assertEquals(200, answer.getStatusCode());
        assertTrue(answer.getHeaders().get("Content-Type").startsWith("text/csv"));
        List<String> lines = answer.getBody().lines().toList();
        List<String> header = Arrays.asList(lines.getFirst().split(",", -1));
        List<PeriodMetrics> expected = expectedRows(salon);
        assertEquals(expected.size() + 1, lines.size());
        for (int i = 0; i < expected.size(); i++) {
            Map<String, String> cells = new HashMap<>();
            String[] values = lines.get(i + 1).split(",", -1);
            for (int c = 0; c < header.size(); c++) {
                cells.put(header.get(c), values[c]);
            }
            PeriodMetrics row = expected.get(i);
            assertEquals(row.period().from().toString(), cells.get("month"));
            assertEquals(row.channel().orElseThrow(), cells.get("channel"));
            assertEquals("RUB", cells.get("currency"));
            assertNumber(row.spend(), cells.get("spend"));
            assertEquals(Long.toString(row.leads()), cells.get("leads"));
            assertEquals(Long.toString(row.newClients()), cells.get("new_clients"));
            assertEquals(Long.toString(row.orders()), cells.get("orders"));
            assertNumber(row.revenue(), cells.get("revenue"));
            assertMoney(row.cac(), cells.get("cac"));
            assertMoney(row.cpo(), cells.get("cpo"));
            assertMoney(row.aov(), cells.get("aov"));
            assertMoney(row.ltv(), cells.get("ltv"));
            assertRatio(row.ltvToCac(), cells.get("ltv_to_cac"));
            assertRatio(row.noShowRate(), cells.get("no_show_rate"));
        }
    }

    @Test
    void jsonHasTheSameNumbersAndNullForUndefined() throws Exception {
        SeededSalon salon = new SeededSalon().withSalesAndSpend();
        String secret = salon.secrets.create(salon.memberId, SecretKind.BI_EXPORT);

        APIGatewayV2HTTPResponse answer = get("/bi/" + salon.memberId + "/" + secret + ".json", "from=2026-02&to=2026-03");

        assertEquals(200, answer.getStatusCode());
        JsonNode body = new ObjectMapper().readTree(answer.getBody());
        assertEquals("RUB", body.get("currency").asText());
        List<PeriodMetrics> expected = expectedRows(salon);
        assertEquals(expected.size(), body.get("rows").size());
        for (int i = 0; i < expected.size(); i++) {
            JsonNode row = body.get("rows").get(i);
            PeriodMetrics metrics = expected.get(i);
            assertEquals(metrics.channel().orElseThrow(), row.get("channel").asText());
            assertEquals(0, metrics.spend().compareTo(row.get("spend").decimalValue()));
            assertEquals(metrics.newClients(), row.get("new_clients").asLong());
            if (metrics.cac().isDefined()) {
                assertEquals(0, money(metrics.cac()).compareTo(row.get("cac").decimalValue()));
            } else {
                assertTrue(row.get("cac").isNull(), row.toString());
            }
        }
        // VK in March: spend and a lead, no client: CAC has nothing to divide by.
        assertTrue(expected.stream().anyMatch(m -> !m.cac().isDefined()));
    }

    @Test
    void withoutARangeTheTwelveMonthsEndingNowInThePortalsZone() throws Exception {
        SeededSalon salon = new SeededSalon().withSalesAndSpend();
        String secret = salon.secrets.create(salon.memberId, SecretKind.BI_EXPORT);

        JsonNode body = new ObjectMapper().readTree(get("/bi/" + salon.memberId + "/" + secret + ".json", "")
                .getBody());

        assertEquals("2025-04", body.get("from").asText());
        assertEquals("2026-03", body.get("to").asText());
        assertEquals(expectedRows(salon).size(), body.get("rows").size());
    }

    @Test
    void aForgedSecretGetsNotFoundAndNoData() {
        SeededSalon salon = new SeededSalon().withSalesAndSpend();
        String secret = salon.secrets.create(salon.memberId, SecretKind.BI_EXPORT);
        String forged = (secret.charAt(0) == 'A' ? "B" : "A") + secret.substring(1);

        APIGatewayV2HTTPResponse answer = get("/bi/" + salon.memberId + "/" + forged + ".csv", "");

        assertEquals(404, answer.getStatusCode());
        assertFalse(answer.getBody().contains("instagram"));
    }

    @Test
    void anotherPortalsSecretOpensNothingHereAndAnUnknownPortalLooksTheSame() {
        SeededSalon salon = new SeededSalon().withSalesAndSpend();
        SeededSalon other = new SeededSalon();
        String othersSecret = other.secrets.create(other.memberId, SecretKind.BI_EXPORT);

        APIGatewayV2HTTPResponse guessed = get("/bi/" + salon.memberId + "/" + othersSecret + ".csv", "");
        APIGatewayV2HTTPResponse unknown = get("/bi/nosuchportal0000/" + othersSecret + ".csv", "");

        assertEquals(404, guessed.getStatusCode());
        assertEquals(unknown.getStatusCode(), guessed.getStatusCode());
        assertEquals(unknown.getBody(), guessed.getBody());
    }

    @Test
    void theOwnSecretOfAPortalWithoutDataGivesNoRowsOfAnotherPortal() {
        new SeededSalon().withSalesAndSpend();
        SeededSalon empty = new SeededSalon();
        String secret = empty.secrets.create(empty.memberId, SecretKind.BI_EXPORT);

        APIGatewayV2HTTPResponse answer = get("/bi/" + empty.memberId + "/" + secret + ".csv", "");

        assertEquals(200, answer.getStatusCode());
        assertEquals(1, answer.getBody().lines().count());
    }

    @Test
    void revokedSecretAndUninstalledPortalAreNotFound() {
        SeededSalon salon = new SeededSalon().withSalesAndSpend();
        String secret = salon.secrets.create(salon.memberId, SecretKind.BI_EXPORT);
        salon.secrets.revoke(salon.memberId, SecretKind.BI_EXPORT);
        assertEquals(404, get("/bi/" + salon.memberId + "/" + secret + ".csv", "").getStatusCode());

        String again = salon.secrets.create(salon.memberId, SecretKind.BI_EXPORT);
        salon.uninstall();
        assertEquals(404, get("/bi/" + salon.memberId + "/" + again + ".csv", "").getStatusCode());
    }

    @Test
    void theSpendApiTokenIsNoExportSecret() {
        SeededSalon salon = new SeededSalon().withSalesAndSpend();
        String token = salon.secrets.create(salon.memberId, SecretKind.SPEND_API);

        assertEquals(404, get("/bi/" + salon.memberId + "/" + token + ".csv", "").getStatusCode());
    }

    @Test
    void aBadRangeIsABadRequest() {
        SeededSalon salon = new SeededSalon();
        String secret = salon.secrets.create(salon.memberId, SecretKind.BI_EXPORT);

        assertEquals(400, get("/bi/" + salon.memberId + "/" + secret + ".csv", "from=2026-03&to=2026-01")
                .getStatusCode());
        assertEquals(400, get("/bi/" + salon.memberId + "/" + secret + ".csv", "from=2020-01&to=2026-01")
                .getStatusCode());
        assertEquals(400, get("/bi/" + salon.memberId + "/" + secret + ".csv", "from=march")
                .getStatusCode());
        assertEquals(404, get("/bi/" + salon.memberId + "/" + secret + ".xlsx", "").getStatusCode());
    }

    private static BigDecimal money(MetricValue value) {
        return value.value().setScale(2, RoundingMode.HALF_EVEN);
    }

    private static void assertNumber(BigDecimal expected, String cell) {
        assertEquals(0, expected.compareTo(new BigDecimal(cell)), cell);
    }

    private static void assertMoney(MetricValue expected, String cell) {
        assertEquals(expected.isDefined() ? money(expected).toPlainString() : "", cell);
    }

    private static void assertRatio(MetricValue expected, String cell) {
        assertEquals(expected.isDefined() ? expected.value().setScale(4, RoundingMode.HALF_EVEN).toPlainString()
                : "", cell);
    }
}
