package ru.unitecon.core.campaigns;

import org.junit.jupiter.api.Test;
import ru.unitecon.core.ads.AdPlatform;
import ru.unitecon.core.ads.CampaignKey;
import ru.unitecon.core.attribution.CampaignMapping;
import ru.unitecon.core.attribution.CampaignRule;
import ru.unitecon.core.attribution.CampaignRules;
import ru.unitecon.core.attribution.MatchKind;
import ru.unitecon.core.metrics.CampaignMetrics;
import ru.unitecon.core.metrics.LosingMoney;
import ru.unitecon.core.metrics.Period;
import ru.unitecon.core.metrics.PeriodMetrics;
import ru.unitecon.testsupport.SeededSalon;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static ru.unitecon.testsupport.SeededSalon.BRAND;
import static ru.unitecon.testsupport.SeededSalon.MARCH;
import static ru.unitecon.testsupport.SeededSalon.PEDICURE;
import static ru.unitecon.testsupport.SeededSalon.SPRING;

/** The Campaigns service on DynamoDB Local: leads applied through the bookkeeping, spend through the import's store. */
class CampaignsTest {
    private final Campaigns campaigns = SeededSalon.APP.campaigns();

    private static PeriodMetrics metrics(CampaignMetrics.Report report, CampaignKey campaign) {
        return report.campaigns().stream().filter(row -> row.campaign().equals(campaign)).findFirst().orElseThrow()
                .metrics();
    }

    private static void assertAmount(String expected, BigDecimal actual) {
        assertEquals(0, new BigDecimal(expected).compareTo(actual), expected + " but was " + actual);
    }

    @Test
    void theReportSumsTheImportedSpendAndTheLeadsEachCampaignsRulesTake() {
        SeededSalon salon = new SeededSalon().withCampaigns();

        CampaignMetrics.Report report = campaigns.report(salon.memberId, Period.month(MARCH));

        assertEquals(List.of(SPRING, BRAND, PEDICURE),
                report.campaigns().stream().map(CampaignMetrics.Row::campaign).toList());
        assertEquals("Маникюр весна", report.campaigns().getFirst().name());
        PeriodMetrics spring = metrics(report, SPRING);
        assertAmount("10000", spring.spend());
        assertEquals(2, spring.leads());
        assertEquals(1, spring.newClients());
        assertAmount("10000", spring.cac().value());
        assertEquals(Optional.of(LosingMoney.CAC_ABOVE_MARGIN), spring.losingMoneyReason());
        assertEquals(Optional.of(LosingMoney.SPEND_WITHOUT_NEW_CLIENTS), metrics(report, BRAND).losingMoneyReason());
        assertTrue(report.campaigns().get(1).withoutLeads());
        assertAmount("1000", metrics(report, PEDICURE).cac().value());
        assertEquals(List.of(new CampaignMetrics.Unmatched("summer_sale", 1, 0, 0, BigDecimal.ZERO)),
                report.unmatched());
    }

    @Test
    void savedRulesTakeAValueAtOnceWithoutARecount() {
        SeededSalon salon = new SeededSalon().withCampaigns();
        CampaignRules rules = new CampaignRules(List.of(new CampaignRule(MatchKind.EQUALS, "70213344", SPRING),
                new CampaignRule(MatchKind.CONTAINS, "summer", PEDICURE)));

        campaigns.saveRules(salon.memberId, rules);

        assertEquals(rules, campaigns.rules(salon.memberId));
        CampaignMetrics.Report report = campaigns.report(salon.memberId, Period.month(MARCH));
        assertEquals(List.of(new CampaignMetrics.Unmatched("5551", 1, 1, 1, new BigDecimal("2000"))),
                report.unmatched(), "the saved rules replace the defaults, which took 5551");
        assertEquals(1, metrics(report, PEDICURE).leads(), "summer_sale");
        assertEquals(2, metrics(report, SPRING).leads());
    }

    @Test
    void aRuleForAnUnknownCampaignIsRefusedAndNothingIsSaved() {
        SeededSalon salon = new SeededSalon().withCampaigns();
        CampaignKey unknown = new CampaignKey(AdPlatform.YANDEX_DIRECT, "salon-login", "999");

        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> campaigns.saveRules(
                salon.memberId, new CampaignRules(List.of(new CampaignRule(MatchKind.EQUALS, "x", SPRING),
                        new CampaignRule(MatchKind.EQUALS, "y", unknown)))));

        assertEquals("rule 2 names an unknown campaign: 999", refused.getMessage());
        assertEquals(CampaignMapping.NONE, campaigns.mapping(salon.memberId));
        assertThrows(IllegalArgumentException.class, () -> campaigns.setChannel(salon.memberId, unknown, "vk"));
        assertThrows(IllegalArgumentException.class, () -> campaigns.setChannel(salon.memberId, SPRING, "??"));
        assertEquals(CampaignMapping.NONE, campaigns.mapping(salon.memberId));
    }

    @Test
    void aCampaignsChannelIsKeptPerPortal() {
        SeededSalon salon = new SeededSalon().withCampaigns();
        SeededSalon other = new SeededSalon().withCampaigns();

        campaigns.setChannel(salon.memberId, PEDICURE, "instagram");

        assertEquals(Map.of(PEDICURE, "instagram"), campaigns.mapping(salon.memberId).channels());
        assertEquals("instagram", campaigns.report(salon.memberId, Period.month(MARCH)).campaigns().stream()
                .filter(row -> row.campaign().equals(PEDICURE)).findFirst().orElseThrow().channel());
        assertEquals(CampaignMapping.NONE, campaigns.mapping(other.memberId), "another portal's mapping is its own");
    }
}
