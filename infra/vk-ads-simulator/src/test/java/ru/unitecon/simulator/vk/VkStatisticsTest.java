package ru.unitecon.simulator.vk;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VkStatisticsTest {
    @AutoClose
    private final VkFixture fixture = new VkFixture();
    private final String token = fixture.salonToken();

    @Test
    void spentPerPlanAndDayIsTheAccountsAsADecimalString() {
        VkAdPlan plan = fixture.salon().adPlans().getFirst();

        VkFixture.Reply reply = fixture.stats(token, "id=" + plan.id() + "&date_from=2026-08-01&date_to=2026-08-07&metrics=base");

        assertEquals(200, reply.status());
        JsonNode item = reply.json().get("items").get(0);
        assertEquals(plan.id(), item.get("id").asLong());
        assertEquals(7, item.get("rows").size());
        BigDecimal sum = BigDecimal.ZERO;
        for (JsonNode row : item.get("rows")) {
            VkAdPlanDay raw = fixture.salon().day(plan.id(), LocalDate.parse(row.get("date").asText()));
            assertTrue(row.get("base").get("spent").isTextual());
            assertEquals(raw.spent().toPlainString(), row.get("base").get("spent").asText());
            assertEquals(raw.clicks(), row.get("base").get("clicks").asLong());
            sum = sum.add(raw.spent());
        }
        assertEquals(sum.toPlainString(), item.get("total").get("base").get("spent").asText());
    }

    @Test
    void withoutIdsEveryPlanIsReportedAndTheTotalCoversThemAll() {
        VkFixture.Reply reply = fixture.stats(token, "date_from=2026-08-01&date_to=2026-08-02");

        JsonNode items = reply.json().get("items");
        assertEquals(fixture.salon().adPlans().size(), items.size());
        BigDecimal sum = BigDecimal.ZERO;
        for (VkAdPlan plan : fixture.salon().adPlans()) {
            sum = sum.add(fixture.salon().day(plan.id(), LocalDate.parse("2026-08-01")).spent())
                    .add(fixture.salon().day(plan.id(), LocalDate.parse("2026-08-02")).spent());
        }
        assertEquals(sum.toPlainString(), reply.json().get("total").get("base").get("spent").asText());
    }

    @Test
    void aDayWithoutSpendIsStillARow() {
        VkAdPlan plan = fixture.salon().adPlans().getFirst();
        fixture.salon().correctSpent(plan.id(), LocalDate.parse("2026-08-03"), BigDecimal.ZERO);

        JsonNode rows = fixture.stats(token, "id=" + plan.id() + "&date_from=2026-08-03&date_to=2026-08-03").json()
                .get("items").get(0).get("rows");

        assertEquals("0.00", rows.get(0).get("base").get("spent").asText());
    }

    @Test
    void aLateCorrectionShowsInTheNextRequest() {
        VkAdPlan plan = fixture.salon().adPlans().get(1);
        fixture.salon().correctSpent(plan.id(), LocalDate.parse("2026-08-05"), new BigDecimal("4321.5"));

        JsonNode row = fixture.stats(token, "id=" + plan.id() + "&date_from=2026-08-05&date_to=2026-08-05").json()
                .get("items").get(0).get("rows").get(0);

        assertEquals("4321.50", row.get("base").get("spent").asText());
    }

    @Test
    void daysAfterTodayAreNotReportedAndTodayIsPartial() {
        VkAdPlan plan = fixture.salon().adPlans().getFirst();

        JsonNode rows = fixture.stats(token, "id=" + plan.id() + "&date_from=2026-08-13&date_to=2026-08-20").json()
                .get("items").get(0).get("rows");

        assertEquals(2, rows.size());
        BigDecimal full = fixture.salon().day(plan.id(), LocalDate.parse("2026-08-14")).spent();
        BigDecimal partial = new BigDecimal(rows.get(1).get("base").get("spent").asText());
        assertEquals(0, full.divide(BigDecimal.TWO).setScale(2, java.math.RoundingMode.HALF_UP).compareTo(partial),
                "noon in Moscow is half the day");
    }

    @Test
    void summaryHasTotalsWithoutRows() {
        VkFixture.Reply reply = fixture.get(token, "/api/v2/statistics/ad_plans/summary.json?date_from=2026-08-01&date_to=2026-08-07");

        JsonNode item = reply.json().get("items").get(0);
        assertFalse(item.has("rows"));
        assertTrue(item.get("total").get("base").has("spent"));
    }

    @Test
    void atMost92DaysAnd200ObjectsARequest() {
        String ids = LongStream.rangeClosed(1, 201).mapToObj(String::valueOf).collect(Collectors.joining(","));

        VkFixture.Reply tooLong = fixture.stats(token, "date_from=2026-05-01&date_to=2026-08-01");
        VkFixture.Reply longest = fixture.stats(token, "date_from=2026-05-02&date_to=2026-08-01");
        VkFixture.Reply tooMany = fixture.stats(token, "id=" + ids + "&date_from=2026-08-01&date_to=2026-08-01");

        assertEquals(400, tooLong.status());
        assertEquals("ERR_LIMIT_EXCEEDED", tooLong.code());
        assertEquals(200, longest.status());
        assertEquals("ERR_LIMIT_EXCEEDED", tooMany.code());
    }

    @Test
    void wrongDatesAreErrWrongDate() {
        assertEquals("ERR_WRONG_DATE", fixture.stats(token, "date_from=2026-08-05&date_to=2026-08-01").code());
        assertEquals("ERR_WRONG_DATE", fixture.stats(token, "date_from=05.08.2026&date_to=2026-08-06").code());
    }

    @Test
    void anotherAccountsPlanIsRefused() {
        long foreign = fixture.simulator.account(VkAdsDataset.KZT_USERNAME).adPlans().getFirst().id();

        VkFixture.Reply reply = fixture.stats(token, "id=" + foreign + "&date_from=2026-08-01&date_to=2026-08-01");

        assertEquals(400, reply.status());
        assertEquals("ERR_WRONG_PARAMETER", reply.code());
    }

    @Test
    void undocumentedOrMissingParametersAreViolations() {
        VkFixture.Reply unknown = fixture.stats(token, "date_from=2026-08-01&date_to=2026-08-01&campaign_id=1");
        VkFixture.Reply missing = fixture.stats(token, "date_to=2026-08-01");

        assertEquals("ERR_WRONG_PARAMETER", unknown.code());
        assertEquals("ERR_WRONG_PARAMETER", missing.code());
        assertEquals(List.of(VkViolation.Kind.UNKNOWN_PARAMETER, VkViolation.Kind.MISSING_PARAMETER),
                fixture.simulator.violations().stream().map(VkViolation::kind).toList());
    }

    @Test
    void documentedButUnsimulatedRequestsAre501AndNoViolation() {
        assertEquals(501, fixture.stats(token, "date_from=2026-08-01&date_to=2026-08-01&metrics=video").status());
        assertEquals(501, fixture.get(token, "/api/v2/statistics/banners/day.json?date_from=2026-08-01&date_to=2026-08-01").status());
        assertEquals(List.of(), fixture.simulator.violations());
        assertEquals(404, fixture.get(token, "/api/v2/campaigns.json").status());
    }
}
