package ru.unitecon.core.attribution;

import org.junit.jupiter.api.Test;
import ru.unitecon.core.ads.AdPlatform;
import ru.unitecon.core.ads.CampaignKey;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CampaignRulesTest {
    private static final CampaignKey SPRING = new CampaignKey(AdPlatform.YANDEX_DIRECT, "salon-login", "70213344");
    private static final CampaignKey PEDICURE = new CampaignKey(AdPlatform.VK_ADS, "123", "5551");

    private static Map<CampaignKey, String> campaigns() {
        Map<CampaignKey, String> campaigns = new LinkedHashMap<>();
        campaigns.put(SPRING, "Маникюр Весна");
        campaigns.put(PEDICURE, "5551");
        return campaigns;
    }

    @Test
    void theDefaultsMatchACampaignsIdAndItsExactName() {
        CampaignRules defaults = CampaignRules.defaults(campaigns());

        assertEquals(List.of(new CampaignRule(MatchKind.EQUALS, "70213344", SPRING),
                new CampaignRule(MatchKind.EQUALS, "маникюр весна", SPRING),
                new CampaignRule(MatchKind.EQUALS, "5551", PEDICURE)), defaults.rules(),
                "a name equal to the id adds no second rule");
        assertEquals(Optional.of(SPRING), defaults.campaignOf(" МАНИКЮР   весна "));
        assertEquals(Optional.of(PEDICURE), defaults.campaignOf("5551"));
        assertEquals(Optional.empty(), defaults.campaignOf("70213344_copy"), "equals, not contains");
        assertEquals(Optional.empty(), defaults.campaignOf(null));
    }

    @Test
    void theFirstMatchingRuleWins() {
        CampaignRules rules = new CampaignRules(List.of(new CampaignRule(MatchKind.STARTS_WITH, "spring", PEDICURE),
                new CampaignRule(MatchKind.CONTAINS, "spring", SPRING)));

        assertEquals(Optional.of(PEDICURE), rules.campaignOf("Spring_2026"));
        assertEquals(Optional.of(SPRING), rules.campaignOf("big_spring"));
    }

    @Test
    void anEmptyOrOverlongPatternIsRefusedWithAClearError() {
        assertEquals("a campaign rule needs a non-empty UTM_CAMPAIGN pattern", assertThrows(
                IllegalArgumentException.class, () -> new CampaignRule(MatchKind.EQUALS, "  ", SPRING)).getMessage());
        assertEquals("a UTM_CAMPAIGN pattern is at most 64 characters", assertThrows(IllegalArgumentException.class,
                () -> new CampaignRule(MatchKind.EQUALS, "x".repeat(65), SPRING)).getMessage());
        assertThrows(NullPointerException.class, () -> new CampaignRule(MatchKind.EQUALS, "a", null));
    }

    @Test
    void aRuleForACampaignThePortalDoesNotKnowIsNamed() {
        CampaignKey gone = new CampaignKey(AdPlatform.YANDEX_DIRECT, "salon-login", "1");
        CampaignRules rules = new CampaignRules(List.of(new CampaignRule(MatchKind.EQUALS, "a", SPRING),
                new CampaignRule(MatchKind.EQUALS, "b", gone)));

        assertEquals("rule 2 names an unknown campaign: 1", assertThrows(IllegalArgumentException.class,
                () -> rules.requireKnown(campaigns().keySet())).getMessage());
    }

    @Test
    void thePreviewShowsWhichRuleTakesEachRecentLeadWithAValue() {
        CampaignRules rules = new CampaignRules(List.of(new CampaignRule(MatchKind.EQUALS, "70213344", SPRING),
                new CampaignRule(MatchKind.CONTAINS, "pedi", PEDICURE)));
        List<SourcedLead> leads = List.of(
                lead(1, "2026-03-01T10:00:00Z", "70213344"),
                lead(2, "2026-03-02T10:00:00Z", "VK_Pedicure"),
                lead(3, "2026-03-03T10:00:00Z", null),
                lead(4, "2026-03-04T10:00:00Z", "summer"),
                lead(5, "2026-03-05T10:00:00Z", "pedicure-2"));

        CampaignPreview preview = CampaignPreview.of(rules, leads, 3);

        assertEquals(List.of(5L, 4L, 2L), preview.rows().stream().map(row -> row.lead().id()).toList(),
                "the newest leads with a value, the one without left out");
        assertEquals(2, preview.matchedBy(2));
        assertEquals(0, preview.matchedBy(1));
        assertEquals(1, preview.unmatchedCount());
        assertEquals("vk_pedicure", preview.rows().get(2).utmCampaign());
        assertEquals(Optional.of(PEDICURE), preview.rows().get(2).campaign());
        assertTrue(preview.rows().get(1).campaign().isEmpty());
    }

    @Test
    void noCampaignGoesToTheUnknownBucket() {
        assertThrows(IllegalArgumentException.class, () -> CampaignMapping.NONE.withChannel(SPRING, Channel.UNKNOWN));
        assertThrows(IllegalArgumentException.class, () -> CampaignMapping.NONE.withChannel(SPRING, "Not A Code!"));
    }

    private static SourcedLead lead(long id, String created, String utmCampaign) {
        return new SourcedLead(id, Instant.parse(created), LeadSource.ofUtm("vk", "cpc", utmCampaign), "vk");
    }
}
