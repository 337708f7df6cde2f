package ru.unitecon.simulator.yandex;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReportsOnlineTest {
    @AutoClose
    private final YandexFixture fixture = new YandexFixture();
    private final String token = fixture.tokenOf(DirectDataset.SALON_LOGIN);

    @Test
    void customReportIsTsvWithTitleColumnsRowsAndTotal() {
        DirectHttp.Reply reply = fixture.report(token, DirectHttp.spendDefinition("spend-1", "2026-08-01", "2026-08-03"),
                "returnMoneyInMicros", "false");

        assertEquals(200, reply.status());
        assertTrue(reply.header("Content-Type").startsWith("text/tab-separated-values"));
        assertTrue(reply.header("RequestId") != null);
        List<String> lines = reply.lines();
        assertEquals("\"spend-1 (2026-08-01 - 2026-08-03)\"", lines.getFirst());
        assertEquals("Date\tCampaignId\tCampaignName\tCost", lines.get(1));
        assertEquals("Total rows: " + (lines.size() - 3), lines.getLast());
    }

    @Test
    void costWithVatMatchesTheAccountsRawStatistics() {
        DirectHttp.Reply reply = fixture.report(token, DirectHttp.spendDefinition("spend-2", "2026-08-01", "2026-08-03"),
                "returnMoneyInMicros", "false", "skipReportHeader", "true", "skipColumnHeader", "true",
                "skipReportSummary", "true");

        assertEquals(expectedRows(LocalDate.parse("2026-08-01"), LocalDate.parse("2026-08-03"), new BigDecimal("1.22")), reply.lines());
    }

    @Test
    void includeVatNoLeavesTheCostWithoutVat() {
        String body = DirectHttp.definition("spend-3", "CUSTOM_REPORT", "2026-08-02", "2026-08-02",
                List.of("Date", "CampaignId", "CampaignName", "Cost"), "NO");

        DirectHttp.Reply reply = fixture.report(token, body, "returnMoneyInMicros", "false", "skipReportHeader", "true",
                "skipColumnHeader", "true", "skipReportSummary", "true");

        assertEquals(expectedRows(LocalDate.parse("2026-08-02"), LocalDate.parse("2026-08-02"), BigDecimal.ONE), reply.lines());
    }

    @Test
    void moneyIsInMicrosRoundedTo10000WithoutTheHeader() {
        DirectHttp.Reply reply = fixture.report(token, DirectHttp.spendDefinition("spend-4", "2026-08-02", "2026-08-02"),
                "skipReportHeader", "true", "skipColumnHeader", "true", "skipReportSummary", "true");

        for (String line : reply.lines()) {
            long micros = Long.parseLong(line.split("\t")[3]);
            assertEquals(0, micros % 10_000, line);
        }
        String first = reply.lines().getFirst();
        DailyCampaignStats raw = fixture.salon().dailyStats(LocalDate.parse("2026-08-02"), LocalDate.parse("2026-08-02")).stream()
                .filter(day -> first.contains(String.valueOf(day.campaignId()))).findFirst().orElseThrow();
        long expected = BigDecimal.valueOf(raw.costMicrosExcludingVat()).multiply(new BigDecimal("1.22"))
                .setScale(-4, RoundingMode.HALF_UP).longValueExact();
        assertEquals(expected, Long.parseLong(first.split("\t")[3]));
    }

    @Test
    void daysAfterTodayAreAbsentAndTodayIsOnlyPartly() {
        DirectHttp.Reply reply = fixture.report(token, DirectHttp.definition("today", "CUSTOM_REPORT", "2026-08-14", "2026-08-20",
                List.of("Date", "CampaignId", "Impressions"), "YES"), "skipReportHeader", "true", "skipColumnHeader", "true",
                "skipReportSummary", "true");

        for (String line : reply.lines()) {
            String[] cells = line.split("\t");
            assertEquals("2026-08-14", cells[0]);
            long full = fixture.salon().dailyStats(YandexFixture.TODAY, YandexFixture.TODAY).stream()
                    .filter(day -> day.campaignId() == Long.parseLong(cells[1])).findFirst().orElseThrow().impressions();
            assertEquals(full / 2, Long.parseLong(cells[2]), 1, "noon in Moscow is half the day");
        }
    }

    @Test
    void aLateCorrectionShowsInTheNextReport() {
        long campaignId = fixture.salon().campaigns().getFirst().id();
        fixture.salon().correctCost(campaignId, LocalDate.parse("2026-08-05"), new BigDecimal("1000.00"));

        DirectHttp.Reply reply = fixture.report(token, DirectHttp.spendDefinition("corrected", "2026-08-05", "2026-08-05"),
                "returnMoneyInMicros", "false");

        assertTrue(reply.lines().contains("2026-08-05\t" + campaignId + "\t" + fixture.salon().campaign(campaignId).name() + "\t1220.00"));
    }

    @Test
    void campaignFilterKeepsOnlyTheNamedCampaigns() {
        long wanted = fixture.salon().campaigns().get(1).id();
        String body = "{\"params\": {\"SelectionCriteria\": {\"DateFrom\": \"2026-08-01\", \"DateTo\": \"2026-08-07\","
                + " \"Filter\": [{\"Field\": \"CampaignId\", \"Operator\": \"IN\", \"Values\": [\"" + wanted + "\"]}]},"
                + " \"FieldNames\": [\"CampaignId\", \"Clicks\"], \"ReportName\": \"one\", \"ReportType\": \"CUSTOM_REPORT\","
                + " \"DateRangeType\": \"CUSTOM_DATE\", \"Format\": \"TSV\", \"IncludeVAT\": \"YES\"}}";

        DirectHttp.Reply reply = fixture.report(token, body, "skipReportHeader", "true", "skipColumnHeader", "true",
                "skipReportSummary", "true");

        long clicks = fixture.salon().dailyStats(LocalDate.parse("2026-08-01"), LocalDate.parse("2026-08-07")).stream()
                .filter(day -> day.campaignId() == wanted).mapToLong(DailyCampaignStats::clicks).sum();
        assertEquals(List.of(wanted + "\t" + clicks), reply.lines());
    }

    @Test
    void relativePeriodsFollowTheClock() {
        fixture.clock.advance(Duration.ofDays(1));

        DirectHttp.Reply reply = fixture.report(token, DirectHttp.definition("yesterday", "CAMPAIGN_PERFORMANCE_REPORT", null, null,
                List.of("Date", "CampaignId", "Cost"), "YES"));

        assertEquals("\"yesterday (2026-08-14 - 2026-08-14)\"", reply.lines().getFirst());
        assertTrue(reply.lines().subList(2, reply.lines().size() - 1).stream().allMatch(line -> line.startsWith("2026-08-14\t")));
    }

    @Test
    void accountReportRefusesCampaignFields() {
        DirectHttp.Reply reply = fixture.report(token, DirectHttp.definition("account", "ACCOUNT_PERFORMANCE_REPORT",
                "2026-08-01", "2026-08-02", List.of("Date", "CampaignId", "Cost"), "YES"));

        assertEquals(400, reply.status());
        assertEquals(4000, reply.errorCode());
        assertFalse(reply.error().get("request_id").asText().isEmpty());
        assertEquals(reply.header("RequestId"), reply.error().get("request_id").asText());
    }

    @Test
    void errorsSpeakRussianWhenAsked() {
        DirectHttp.Reply reply = fixture.report("no-such-token", DirectHttp.spendDefinition("ru", "2026-08-01", "2026-08-01"),
                "Accept-Language", "ru");

        assertEquals("Ошибка авторизации", reply.error().get("error_string").asText());
    }

    /** The expected rows computed straight from the stored days: cost × VAT factor, rounded to kopecks. */
    private List<String> expectedRows(LocalDate from, LocalDate to, BigDecimal factor) {
        List<String> rows = new ArrayList<>();
        for (DailyCampaignStats day : fixture.salon().dailyStats(from, to)) {
            if (day.impressions() == 0 && day.costMicrosExcludingVat() == 0) {
                continue;
            }
            BigDecimal cost = BigDecimal.valueOf(day.costMicrosExcludingVat()).multiply(factor).movePointLeft(6)
                    .setScale(2, RoundingMode.HALF_UP);
            rows.add(day.date() + "\t" + day.campaignId() + "\t" + fixture.salon().campaign(day.campaignId()).name() + "\t" + cost);
        }
        return rows;
    }
}
