package ru.unitecon.core.metrics;

import org.junit.jupiter.api.Test;
import ru.unitecon.core.ads.AdPlatform;
import ru.unitecon.core.ads.CampaignKey;
import ru.unitecon.core.ads.CampaignMonthSpend;
import ru.unitecon.core.attribution.CampaignMapping;
import ru.unitecon.core.attribution.CampaignRule;
import ru.unitecon.core.attribution.CampaignRules;
import ru.unitecon.core.attribution.LeadSource;
import ru.unitecon.core.attribution.MatchKind;
import ru.unitecon.core.bookkeeping.Bookkeeping;
import ru.unitecon.core.bookkeeping.DealRecord;
import ru.unitecon.core.bookkeeping.LeadRecord;
import ru.unitecon.core.crm.Semantic;
import ru.unitecon.core.currency.Amount;
import ru.unitecon.core.currency.CurrencyRates;
import ru.unitecon.core.portal.PortalSettings;
import ru.unitecon.core.portal.VariableCost;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static ru.unitecon.core.metrics.MetricAssertions.assertAmount;
import static ru.unitecon.core.metrics.MetricAssertions.assertValue;

/** The per-campaign figures of docs/metrics.md's worked example, and a cross-check against the raw records. */
class CampaignMetricsTest {
    private static final YearMonth MARCH = YearMonth.of(2026, 3);
    private static final PortalSettings SETTINGS = PortalSettings.defaults().withVariableCost(VariableCost.percent("10"));
    private static final CampaignKey SPRING = new CampaignKey(AdPlatform.YANDEX_DIRECT, "salon-login", "70213344");
    private static final CampaignKey BRAND = new CampaignKey(AdPlatform.YANDEX_DIRECT, "salon-login", "70213999");
    private static final CampaignKey PEDICURE = new CampaignKey(AdPlatform.VK_ADS, "123", "5551");

    private final List<LeadRecord> leads = new ArrayList<>();
    private final List<DealRecord> deals = new ArrayList<>();

    private static Instant day(LocalDate day) {
        return day.atTime(12, 0).atZone(SETTINGS.zone()).toInstant();
    }

    private void lead(long id, Long contact, String utmCampaign, LocalDate created) {
        leads.add(new LeadRecord(id, day(created), day(created), LeadSource.ofUtm("yandex", "cpc", utmCampaign),
                Semantic.IN_PROGRESS, contact, Amount.NONE, null, "yandex_direct", null, false, null));
    }

    private void won(long id, long contact, LocalDate on, String amount) {
        deals.add(new DealRecord(id, day(on), day(on), LeadSource.NONE, Semantic.SUCCESS, contact, null,
                Amount.of(new BigDecimal(amount), "RUB", "RUB", CurrencyRates.unknown()), on, day(on), null,
                "unknown", null, false));
    }

    private static CampaignMonthSpend spend(CampaignKey campaign, String name, String amount) {
        return new CampaignMonthSpend(campaign, name, MARCH, new BigDecimal(amount));
    }

    private CampaignMetrics.Report report(CampaignMapping mapping, List<CampaignMonthSpend> spend) {
        Map<CampaignKey, String> names = new LinkedHashMap<>();
        spend.forEach(month -> names.put(month.campaign(), month.campaignName()));
        return CampaignMetrics.of(SETTINGS, Period.month(MARCH),
                new Bookkeeping(SETTINGS).recompute(leads, deals).campaignCells(), spend, mapping, names);
    }

    private static CampaignMetrics.Row row(CampaignMetrics.Report report, CampaignKey campaign) {
        return report.campaigns().stream().filter(r -> r.campaign().equals(campaign)).findFirst().orElseThrow();
    }

    @Test
    void theWorkedExampleOfMetricsMd() {
        LocalDate march = MARCH.atDay(1);
        lead(1, 1L, "70213344", march.plusDays(1));
        won(11, 1, march.plusDays(9), "4000");
        lead(2, 2L, "70213344", march.plusDays(2));
        won(12, 2, march.plusDays(14), "6000");
        won(13, 2, LocalDate.of(2026, 4, 20), "5000");
        lead(3, 3L, " Маникюр  весна ", march.plusDays(3));
        won(14, 3, march.plusDays(11), "5000");
        lead(4, 4L, "70213344", march.plusDays(4));
        lead(5, 5L, "5551", march.plusDays(5));
        won(15, 5, march.plusDays(17), "2000");
        lead(6, 6L, "summer_sale", march.plusDays(6));
        won(16, 6, march.plusDays(18), "3000");
        lead(7, 7L, null, march.plusDays(7));

        CampaignMetrics.Report report = report(CampaignMapping.NONE, List.of(
                spend(SPRING, "Маникюр весна", "30000"), spend(PEDICURE, "Педикюр", "1500"),
                spend(BRAND, "Бренд", "5000")));

        CampaignMetrics.Row spring = row(report, SPRING);
        assertEquals("yandex_direct", spring.channel());
        assertEquals(List.of("70213344", "маникюр весна"), spring.utmValues());
        PeriodMetrics m = spring.metrics();
        assertEquals(4, m.leads());
        assertEquals(3, m.newClients());
        assertEquals(3, m.orders());
        assertAmount("15000", m.revenue());
        assertValue("10000", m.cac());
        assertValue("10000", m.cpo());
        assertValue("9000", m.ltv());
        assertValue("0.9", m.ltvToCac());
        assertEquals(Optional.of(LosingMoney.CAC_ABOVE_MARGIN), m.losingMoneyReason());

        PeriodMetrics vk = row(report, PEDICURE).metrics();
        assertEquals("vk", row(report, PEDICURE).channel());
        assertEquals(1, vk.newClients());
        assertValue("1500", vk.cac());
        assertValue("3600", vk.ltv());
        assertValue("2.4", vk.ltvToCac());
        assertFalse(vk.losingMoney());

        CampaignMetrics.Row brand = row(report, BRAND);
        assertTrue(brand.withoutLeads());
        assertFalse(brand.metrics().cac().isDefined());
        assertEquals(Optional.of(LosingMoney.SPEND_WITHOUT_NEW_CLIENTS), brand.metrics().losingMoneyReason());

        assertEquals(List.of(new CampaignMetrics.Unmatched("summer_sale", 1, 1, 1, new BigDecimal("3000"))),
                report.unmatched());
        assertEquals(List.of(SPRING, BRAND, PEDICURE), report.campaigns().stream().map(CampaignMetrics.Row::campaign)
                .toList(), "the biggest spenders first");
    }

    @Test
    void aRuleMovesAValueFromUnmatchedToItsCampaignWithoutRecountingAnyLead() {
        lead(6, 6L, "summer_sale", MARCH.atDay(7));
        won(16, 6, MARCH.atDay(19), "3000");
        List<CampaignMonthSpend> spend = List.of(spend(PEDICURE, "Педикюр", "1500"));

        CampaignMapping mapped = CampaignMapping.NONE.withRules(new CampaignRules(List.of(
                new CampaignRule(MatchKind.CONTAINS, "summer", PEDICURE))));
        CampaignMetrics.Report report = report(mapped, spend);

        assertEquals(List.of(), report.unmatched());
        assertEquals(1, row(report, PEDICURE).metrics().newClients());
        assertAmount("3000", row(report, PEDICURE).metrics().revenue());
    }

    @Test
    void aCampaignsChannelComesFromTheMappingElseItsPlatform() {
        CampaignMapping moved = CampaignMapping.NONE.withChannel(PEDICURE, "instagram");
        CampaignMetrics.Report report = report(moved, List.of(spend(PEDICURE, "Педикюр", "1500"),
                spend(SPRING, "Маникюр весна", "100")));

        assertEquals("instagram", row(report, PEDICURE).channel());
        assertEquals("yandex_direct", row(report, SPRING).channel());
        assertEquals(Map.of(), moved.withChannel(PEDICURE, "vk").channels(), "the platform's channel clears it");
    }

    /**
     * Random leads (one per contact, each with a value or none) and won deals over two years, against counts made
     * straight from the records: leads of the period per campaign, and each contact's orders under its lead's value.
     */
    @Test
    void everyCampaignFigureEqualsADirectCountOfTheRecords() {
        Random random = new Random(16);
        List<String> values = List.of("70213344", "маникюр весна", "5551", "brand", "summer_sale");
        CampaignRules rules = new CampaignRules(List.of(new CampaignRule(MatchKind.EQUALS, "70213344", SPRING),
                new CampaignRule(MatchKind.CONTAINS, "весна", SPRING), new CampaignRule(MatchKind.EQUALS, "5551", PEDICURE),
                new CampaignRule(MatchKind.STARTS_WITH, "bra", BRAND)));
        Map<Long, String> valueOf = new HashMap<>();
        Map<Long, List<DealRecord>> ordersOf = new HashMap<>();
        LocalDate start = LocalDate.of(2025, 4, 1);
        for (long contact = 1; contact <= 400; contact++) {
            LocalDate created = start.plusDays(random.nextInt(365));
            String value = random.nextInt(6) == 0 ? null : values.get(random.nextInt(values.size()));
            lead(contact, contact, value, created);
            valueOf.put(contact, value);
            int orders = random.nextInt(3);
            for (int o = 0; o < orders; o++) {
                won(10_000 + contact * 10 + o, contact, created.plusDays(1 + random.nextInt(200)),
                        String.valueOf(500 + random.nextInt(5000)));
                ordersOf.computeIfAbsent(contact, c -> new ArrayList<>()).add(deals.getLast());
            }
        }
        Period period = new Period(YearMonth.of(2025, 10), YearMonth.of(2025, 12));
        List<CampaignMonthSpend> spend = List.of(
                new CampaignMonthSpend(SPRING, "Маникюр весна", YearMonth.of(2025, 11), new BigDecimal("40000")),
                new CampaignMonthSpend(PEDICURE, "Педикюр", YearMonth.of(2025, 12), new BigDecimal("9000")),
                new CampaignMonthSpend(BRAND, "Бренд", YearMonth.of(2025, 9), new BigDecimal("7000")));
        Map<CampaignKey, String> names = Map.of(SPRING, "Маникюр весна", PEDICURE, "Педикюр", BRAND, "Бренд");

        CampaignMetrics.Report report = CampaignMetrics.of(SETTINGS, period,
                new Bookkeeping(SETTINGS).recompute(leads, deals).campaignCells(), spend,
                CampaignMapping.NONE.withRules(rules), names);

        for (CampaignKey campaign : List.of(SPRING, PEDICURE, BRAND)) {
            long leadCount = 0;
            long newClients = 0;
            long orders = 0;
            long activeAtEnd = 0;
            BigDecimal revenue = BigDecimal.ZERO;
            for (LeadRecord lead : leads) {
                String value = valueOf.get(lead.id());
                if (value == null || !rules.campaignOf(value).equals(Optional.of(campaign))) {
                    continue;
                }
                if (period.contains(YearMonth.from(lead.created().atZone(SETTINGS.zone())))) {
                    leadCount++;
                }
                List<LocalDate> days = ordersOf.getOrDefault(lead.id(), List.of()).stream()
                        .map(DealRecord::closeDate).sorted().toList();
                if (!days.isEmpty() && period.contains(YearMonth.from(days.getFirst()))) {
                    newClients++;
                }
                boolean active = false;
                for (DealRecord deal : ordersOf.getOrDefault(lead.id(), List.of())) {
                    YearMonth month = YearMonth.from(deal.closeDate());
                    if (period.contains(month)) {
                        orders++;
                        revenue = revenue.add(deal.amount().converted());
                    }
                    active |= !month.isAfter(period.to()) && month.isAfter(period.to().minusMonths(12));
                }
                activeAtEnd += active ? 1 : 0;
            }
            BigDecimal spent = spend.stream().filter(s -> s.campaign().equals(campaign) && period.contains(s.month()))
                    .map(CampaignMonthSpend::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
            PeriodMetrics m = row(report, campaign).metrics();
            assertEquals(leadCount, m.leads(), campaign.campaignId());
            assertEquals(newClients, m.newClients(), campaign.campaignId());
            assertEquals(orders, m.orders(), campaign.campaignId());
            assertAmount(revenue.toPlainString(), m.revenue());
            assertAmount(spent.toPlainString(), m.spend());
            assertEquals(activeAtEnd, m.activeClientsAtEnd(), campaign.campaignId());
            assertTrue(leadCount > 10, "the dataset gives every campaign leads");
        }
        long unmatchedLeads = report.unmatched().stream().mapToLong(CampaignMetrics.Unmatched::leads).sum();
        assertEquals(leads.stream().filter(l -> "summer_sale".equals(valueOf.get(l.id()))
                && period.contains(YearMonth.from(l.created().atZone(SETTINGS.zone())))).count(), unmatchedLeads);
    }
}
