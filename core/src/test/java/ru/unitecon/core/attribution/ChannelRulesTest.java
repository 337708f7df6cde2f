package ru.unitecon.core.attribution;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChannelRulesTest {
    private final ChannelRules defaults = ChannelRules.defaults();

    @ParameterizedTest
    @CsvSource(nullValues = "-", value = {
            "instagram, -, -, instagram",
            "IG, -, -, instagram",
            "vk, cpc, -, vk",
            "vk_ads_spring, -, -, vk",
            "tg, -, -, telegram",
            "yandex, cpc, -, yandex_direct",
            "avito, -, -, avito",
            "2gis, -, -, 2gis",
            "site, -, -, website",
            "-, referral, -, referral",
            "-, -, 3|INSTAGRAM, instagram",
            "-, -, 2|WHATSAPPBYEDNA, whatsapp",
            "-, -, CALL, call",
            "-, -, RECOMMENDATION, referral",
            "-, -, WEBFORM, website",
            "-, -, UC_7X2Q, other",
            "newsletter, -, -, other"})
    void defaultRulesKnowTheChannelsOfRussianServiceBusinesses(String utmSource, String utmMedium, String sourceId,
                                                              String channel) {
        LeadSource source = new LeadSource(sourceId, utmSource, utmMedium, null, null, null);

        assertEquals(channel, defaults.classify(source));
    }

    @Test
    void aLeadWithNoSourceAtAllGoesToTheUnknownBucket() {
        assertEquals(Channel.UNKNOWN, defaults.classify(new LeadSource(" ", "", null, null, null, null)));
    }

    @Test
    void utmRulesWinOverSourceIdRulesWhateverTheirOrder() {
        ChannelRules rules = new ChannelRules(List.of(
                new ChannelRule(SourceField.SOURCE_ID, MatchKind.EQUALS, "WEB", Channel.WEBSITE),
                new ChannelRule(SourceField.UTM_SOURCE, MatchKind.EQUALS, "instagram", Channel.INSTAGRAM)));

        assertEquals(Channel.INSTAGRAM, rules.classify(new LeadSource("WEB", "instagram", null, null, null, null)));
    }

    @Test
    void theFirstMatchingRuleWins() {
        ChannelRules rules = new ChannelRules(List.of(
                new ChannelRule(SourceField.UTM_CAMPAIGN, MatchKind.STARTS_WITH, "promo", "promo"),
                new ChannelRule(SourceField.UTM_CAMPAIGN, MatchKind.CONTAINS, "spring", "seasonal")));

        assertEquals("promo", rules.classify(LeadSource.ofUtm("x", null, "promo_spring")));
    }

    @Test
    void channelsListsEveryRuleTargetThenOtherAndUnknown() {
        List<String> channels = defaults.channels();

        assertEquals(Channel.UNKNOWN, channels.getLast());
        assertTrue(channels.containsAll(Channel.DEFAULTS));
    }

    @Test
    void aRuleCannotTargetTheUnknownBucketOrAnUnsafeCode() {
        assertThrows(IllegalArgumentException.class,
                () -> new ChannelRule(SourceField.SOURCE_ID, MatchKind.EQUALS, "X", Channel.UNKNOWN));
        assertThrows(IllegalArgumentException.class,
                () -> new ChannelRule(SourceField.SOURCE_ID, MatchKind.EQUALS, "X", "AGG#x"));
        assertThrows(IllegalArgumentException.class,
                () -> new ChannelRule(SourceField.SOURCE_ID, MatchKind.EQUALS, " ", "vk"));
    }
}
