package ru.unitecon.core.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import ru.unitecon.core.access.SecretKind;
import ru.unitecon.core.attribution.LeadSource;
import ru.unitecon.core.metrics.MetricValue;
import ru.unitecon.core.metrics.Period;
import ru.unitecon.core.metrics.PeriodMetrics;
import ru.unitecon.core.metrics.ResponseRow;
import ru.unitecon.core.metrics.RetentionRow;
import ru.unitecon.testsupport.SeededSalon;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static ru.unitecon.testsupport.SeededSalon.FEBRUARY;
import static ru.unitecon.testsupport.SeededSalon.MARCH;

/** The BI export on DynamoDB Local: the dashboards' numbers, only for the portal's current export secret. */
class MetricsExportTest {
    private final MetricsExport export = SeededSalon.metricsExport();

    private Optional<MetricsTable> read(String memberId, String secret, String query) {
        return export.read(ExportRequest.parse("/bi/" + memberId + "/" + secret + ".csv", query).orElseThrow());
    }

    private static List<PeriodMetrics> expectedRows(SeededSalon salon) {
        List<PeriodMetrics> rows = new ArrayList<>(salon.engine().byChannel(Period.month(FEBRUARY)));
        rows.addAll(salon.engine().byChannel(Period.month(MARCH)));
        return rows;
    }

    @Test
    void theCampaignLevelHasTheCampaignsViewsNumbersPerMonth() {
        SeededSalon salon = new SeededSalon().withCampaigns();
        String secret = salon.secrets.create(salon.memberId, SecretKind.BI_EXPORT);
        ExportRequest request = ExportRequest.parse("/bi/" + salon.memberId + "/" + secret + ".csv",
                "from=2026-02&to=2026-03&level=campaign").orElseThrow();

        CampaignTable table = (CampaignTable) export.export(request).orElseThrow();

        var report = SeededSalon.APP.campaigns().report(salon.memberId, Period.month(MARCH));
        assertEquals(report.campaigns(), table.rows().stream().map(CampaignTable.Row::campaign).toList(),
                "February has neither spend nor leads: March's rows only");
        List<String> lines = table.csv().lines().toList();
        assertTrue(lines.get(1).startsWith("2026-03,RUB,direct,salon-login,70213344,Маникюр весна,yandex_direct,"
                + "10000,2,1,1,5000,5000.00,10000.00,10000.00,5000.00,"), lines.get(1));
        String other = secret.charAt(0) == 'A' ? "B" + secret.substring(1) : "A" + secret.substring(1);
        assertTrue(export.export(ExportRequest.parse("/bi/" + salon.memberId + "/" + other + ".csv",
                "level=campaign").orElseThrow()).isEmpty(), "a wrong secret opens no campaign either");
    }

    /**
     * Response speed by hour, counted by hand in the portal's zone (Moscow, UTC+3): Instagram's leads 21 (08:30,
     * answered in 3 minutes) and 22 (08:50, in 12) make March's 8 o'clock, 2 leads, 1 within 5 minutes, 2 within 15;
     * lead 23 (23:10, never answered) its 23 o'clock; VK's lead 24, created on 31 March at 21:30 UTC, is 00:30 on
     * 1 April in Moscow: April's midnight hour, answered in 2 minutes.
     */
    @Test
    void theHourLevelCountsEachMonthChannelAndHourInThePortalsZone() throws Exception {
        LeadSource instagram = LeadSource.ofUtm("instagram", "cpc", null);
        Instant lead21 = Instant.parse("2026-03-10T05:30:00Z");
        Instant lead22 = Instant.parse("2026-03-11T05:50:00Z");
        Instant lead24 = Instant.parse("2026-03-31T21:30:00Z");
        SeededSalon salon = new SeededSalon()
                .leadAt(21, lead21, instagram, null).answeredAfter(21, lead21, 3)
                .leadAt(22, lead22, instagram, null).answeredAfter(22, lead22, 12)
                .leadAt(23, Instant.parse("2026-03-12T20:10:00Z"), instagram, null)
                .leadAt(24, lead24, LeadSource.ofUtm("vk", null, null), null).answeredAfter(24, lead24, 2);
        String secret = salon.secrets.create(salon.memberId, SecretKind.BI_EXPORT);
        String path = "/bi/" + salon.memberId + "/" + secret;

        ExportTable<?> csv = export.export(ExportRequest.parse(path + ".csv", "from=2026-03&to=2026-04&level=hour")
                .orElseThrow()).orElseThrow();
        ExportTable<?> json = export.export(ExportRequest.parse(path + ".json", "from=2026-04&to=2026-04&level=hour")
                .orElseThrow()).orElseThrow();

        assertEquals("""
                month,channel,hour,currency,leads,answered_in_5_min,answered_in_15_min,answered_in_5_min_share,\
                answered_in_15_min_share\r
                2026-03,instagram,8,RUB,2,1,2,0.5000,1.0000\r
                2026-03,instagram,23,RUB,1,0,0,0.0000,0.0000\r
                2026-04,vk,0,RUB,1,1,1,1.0000,1.0000\r
                """, csv.csv());
        JsonNode april = new ObjectMapper().readTree(json.json());
        assertEquals("2026-04", april.get("from").asText());
        assertTrue(json.json().contains("{\"month\":\"2026-04\",\"channel\":\"vk\",\"hour\":0,\"leads\":1,"
                + "\"answered_in_5_min\":1,\"answered_in_15_min\":1,\"answered_in_5_min_share\":1.0000,"
                + "\"answered_in_15_min_share\":1.0000}"), json.json());
        assertEquals(1, april.get("rows").size());
        String other = secret.charAt(0) == 'A' ? "B" + secret.substring(1) : "A" + secret.substring(1);
        assertTrue(export.export(ExportRequest.parse("/bi/" + salon.memberId + "/" + other + ".csv", "level=hour")
                .orElseThrow()).isEmpty(), "a wrong secret opens no hour either");
    }

    @Test
    void csvHasTheEnginesNumbersForEveryMonthAndChannel() {
        SeededSalon salon = new SeededSalon().withSalesAndSpend().answered(1, MARCH, 2, 4).answered(2, MARCH, 3, 11);
        String secret = salon.secrets.create(salon.memberId, SecretKind.BI_EXPORT);

        String csv = read(salon.memberId, secret, "from=2026-02&to=2026-03").orElseThrow().csv();

        List<String> lines = csv.lines().toList();
        List<String> header = Arrays.asList(lines.getFirst().split(",", -1));
        List<PeriodMetrics> expected = expectedRows(salon);
        assertEquals(expected.size() + 1, lines.size());
        boolean retentionShown = false;
        boolean responseShown = false;
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
            RetentionRow retention = salon.retention().row(row.period(), row.channel(), Optional.empty());
            assertRatio(retention.returningRate(), cells.get("returning_rate"));
            assertRatio(retention.secondVisitRate(), cells.get("second_visit_rate"));
            assertRatio(retention.ordersPerYear(), cells.get("visits_per_year"));
            assertEquals(Long.toString(retention.activeAtEnd()), cells.get("active_clients"));
            assertEquals(Long.toString(retention.lostAtEnd()), cells.get("lost_clients"));
            assertEquals(Long.toString(retention.becameLost()), cells.get("became_lost"));
            assertRatio(retention.retentionRate(), cells.get("retention_rate"));
            assertMoney(retention.observedLtv(), cells.get("observed_ltv"));
            retentionShown |= !cells.get("returning_rate").isEmpty();
            ResponseRow response = salon.responseSpeed().row(row.period(), row.channel());
            assertEquals(Long.toString(response.unanswered()), cells.get("unanswered_leads"));
            assertRatio(response.within5Share(), cells.get("answered_in_5_min_share"));
            assertRatio(response.within15Share(), cells.get("answered_in_15_min_share"));
            assertRatio(response.averageMinutes(), cells.get("avg_response_minutes"));
            assertRatio(row.leadToAppointmentConversion(), cells.get("lead_to_booking_rate"));
            responseShown |= !cells.get("avg_response_minutes").isEmpty();
        }
        assertTrue(retentionShown, "some channel has retention figures");
        assertTrue(responseShown, "some channel has answered leads");
    }

    @Test
    void jsonHasTheSameNumbersAndNullForUndefined() throws Exception {
        SeededSalon salon = new SeededSalon().withSalesAndSpend();
        String secret = salon.secrets.create(salon.memberId, SecretKind.BI_EXPORT);

        JsonNode body = new ObjectMapper().readTree(read(salon.memberId, secret, "from=2026-02&to=2026-03")
                .orElseThrow().json());

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

        JsonNode body = new ObjectMapper().readTree(read(salon.memberId, secret, "").orElseThrow().json());

        assertEquals("2025-04", body.get("from").asText());
        assertEquals("2026-03", body.get("to").asText());
        assertEquals(expectedRows(salon).size(), body.get("rows").size());
    }

    @Test
    void aForgedSecretOpensNothing() {
        SeededSalon salon = new SeededSalon().withSalesAndSpend();
        String secret = salon.secrets.create(salon.memberId, SecretKind.BI_EXPORT);
        String forged = (secret.charAt(0) == 'A' ? "B" : "A") + secret.substring(1);

        assertEquals(Optional.empty(), read(salon.memberId, forged, ""));
    }

    @Test
    void anotherPortalsSecretOpensNothingHereAndAnUnknownPortalLooksTheSame() {
        SeededSalon salon = new SeededSalon().withSalesAndSpend();
        SeededSalon other = new SeededSalon();
        String othersSecret = other.secrets.create(other.memberId, SecretKind.BI_EXPORT);

        assertEquals(Optional.empty(), read(salon.memberId, othersSecret, ""));
        assertEquals(Optional.empty(), read("nosuchportal0000", othersSecret, ""));
    }

    @Test
    void theOwnSecretOfAPortalWithoutDataGivesNoRowsOfAnotherPortal() {
        new SeededSalon().withSalesAndSpend();
        SeededSalon empty = new SeededSalon();
        String secret = empty.secrets.create(empty.memberId, SecretKind.BI_EXPORT);

        MetricsTable table = read(empty.memberId, secret, "").orElseThrow();

        assertEquals(List.of(), table.rows());
        assertEquals(1, table.csv().lines().count());
    }

    @Test
    void revokedSecretAndUninstalledPortalOpenNothing() {
        SeededSalon salon = new SeededSalon().withSalesAndSpend();
        String secret = salon.secrets.create(salon.memberId, SecretKind.BI_EXPORT);
        salon.secrets.revoke(salon.memberId, SecretKind.BI_EXPORT);
        assertEquals(Optional.empty(), read(salon.memberId, secret, ""));

        String again = salon.secrets.create(salon.memberId, SecretKind.BI_EXPORT);
        salon.uninstall();
        assertEquals(Optional.empty(), read(salon.memberId, again, ""));
    }

    @Test
    void theSpendApiTokenIsNoExportSecret() {
        SeededSalon salon = new SeededSalon().withSalesAndSpend();
        String token = salon.secrets.create(salon.memberId, SecretKind.SPEND_API);

        assertEquals(Optional.empty(), read(salon.memberId, token, ""));
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
