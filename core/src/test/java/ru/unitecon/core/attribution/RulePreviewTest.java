package ru.unitecon.core.attribution;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RulePreviewTest {
    private static SourcedLead lead(long id, String created, LeadSource source, String channel) {
        return new SourcedLead(id, Instant.parse(created), source, channel);
    }

    private final List<SourcedLead> leads = List.of(
            lead(1, "2026-03-01T10:00:00Z", LeadSource.ofUtm("vk", null, null), Channel.VK),
            lead(2, "2026-03-03T10:00:00Z", LeadSource.ofUtm("ig", null, null), Channel.INSTAGRAM),
            lead(3, "2026-03-02T10:00:00Z", LeadSource.ofSourceId("WEB"), Channel.WEBSITE),
            lead(4, "2026-03-04T10:00:00Z", LeadSource.NONE, Channel.UNKNOWN));

    @Test
    void theNewestLeadsAreClassifiedByThePreviewedRules() {
        ChannelRules rules = new ChannelRules(List.of(
                new ChannelRule(SourceField.UTM_SOURCE, MatchKind.EQUALS, "vk", "vk_ads"),
                new ChannelRule(SourceField.SOURCE_ID, MatchKind.EQUALS, "web", Channel.WEBSITE)));

        RulePreview preview = RulePreview.of(rules, leads, 3);

        assertEquals(List.of(4L, 2L, 3L), preview.rows().stream().map(row -> row.lead().id()).toList());
        for (RulePreview.Row row : preview.rows()) {
            assertEquals(rules.classify(row.lead().source()), row.proposedChannel());
        }
        assertEquals(Channel.OTHER, preview.rows().get(1).proposedChannel());
        assertEquals(1, preview.changedCount());
    }

    @Test
    void theDefaultRulesChangeNothingForLeadsTheyClassified() {
        RulePreview preview = RulePreview.of(ChannelRules.defaults(), leads, 10);

        assertEquals(0, preview.changedCount());
        assertEquals(4, preview.rows().size());
    }
}
