package ru.unitecon.core.attribution;

import ru.unitecon.core.ads.CampaignKey;
import ru.unitecon.core.bookkeeping.CampaignCell;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * How a set of campaign rules would match a portal's recent leads that carry a {@code UTM_CAMPAIGN}, so an
 * administrator sees which leads each rule takes before saving.
 */
public record CampaignPreview(List<Row> rows) {

    /** One lead: its normalized value, the rule that matches it (1-based, 0 for none) and that rule's campaign. */
    public record Row(SourcedLead lead, String utmCampaign, int ruleNumber, Optional<CampaignKey> campaign) {
    }

    public CampaignPreview {
        rows = List.copyOf(rows);
    }

    /** The {@code limit} most recently created leads with a {@code UTM_CAMPAIGN}, newest first. */
    public static CampaignPreview of(CampaignRules rules, Collection<SourcedLead> leads, int limit) {
        return new CampaignPreview(leads.stream()
                .filter(lead -> CampaignCell.normalized(lead.source().utmCampaign()) != null)
                .sorted(Comparator.comparing(SourcedLead::created).reversed()
                        .thenComparing(Comparator.comparingLong(SourcedLead::id).reversed()))
                .limit(limit)
                .map(lead -> {
                    String value = CampaignCell.normalized(lead.source().utmCampaign());
                    Optional<CampaignRule> rule = rules.ruleFor(value);
                    return new Row(lead, value, rule.map(r -> rules.rules().indexOf(r) + 1).orElse(0),
                            rule.map(CampaignRule::campaign));
                })
                .toList());
    }

    /** Leads of the preview the given rule (1-based) matches. */
    public long matchedBy(int ruleNumber) {
        return rows.stream().filter(row -> row.ruleNumber() == ruleNumber).count();
    }

    public long unmatchedCount() {
        return matchedBy(0);
    }
}
