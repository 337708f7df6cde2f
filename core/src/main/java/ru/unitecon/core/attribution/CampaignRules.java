package ru.unitecon.core.attribution;

import ru.unitecon.core.ads.CampaignKey;
import ru.unitecon.core.bookkeeping.CampaignCell;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A portal's ordered rules from {@code UTM_CAMPAIGN} values to advertising campaigns: the first rule that matches a
 * value gives its campaign; a value no rule matches is unmatched, shown so the owner can add a rule.
 */
public record CampaignRules(List<CampaignRule> rules) {
    /** More rules than any salon's campaigns need; keeps the settings item small. */
    public static final int MAX_RULES = 500;

    public CampaignRules {
        rules = List.copyOf(rules);
        if (rules.size() > MAX_RULES) {
            throw new IllegalArgumentException("at most " + MAX_RULES + " campaign rules");
        }
    }

    /** The campaign of a raw or normalized {@code UTM_CAMPAIGN}, if a rule matches it. */
    public Optional<CampaignKey> campaignOf(String utmCampaign) {
        return ruleFor(utmCampaign).map(CampaignRule::campaign);
    }

    /** The first rule that matches the value. */
    public Optional<CampaignRule> ruleFor(String utmCampaign) {
        String value = CampaignCell.normalized(utmCampaign);
        if (value == null) {
            return Optional.empty();
        }
        return rules.stream().filter(rule -> rule.matches(value)).findFirst();
    }

    /**
     * Two rules per campaign: its id equals the value (what Direct's {@code {campaign_id}} macro and VK Ads'
     * {@code {{campaign_id}}} write) and its exact name equals it.
     *
     * @param campaigns the known campaigns and their names
     */
    public static CampaignRules defaults(Map<CampaignKey, String> campaigns) {
        List<CampaignRule> rules = new ArrayList<>();
        campaigns.forEach((key, name) -> {
            rules.add(new CampaignRule(MatchKind.EQUALS, key.campaignId(), key));
            String byName = CampaignCell.normalized(name);
            if (byName != null && !byName.equals(CampaignCell.normalized(key.campaignId()))
                    && name.strip().codePointCount(0, name.strip().length()) <= CampaignCell.MAX_LENGTH) {
                rules.add(new CampaignRule(MatchKind.EQUALS, byName, key));
            }
        });
        return new CampaignRules(rules.size() > MAX_RULES ? rules.subList(0, MAX_RULES) : rules);
    }

    /** @throws IllegalArgumentException naming the first rule whose campaign is not among {@code known} */
    public void requireKnown(Collection<CampaignKey> known) {
        Set<CampaignKey> campaigns = Set.copyOf(known);
        for (int i = 0; i < rules.size(); i++) {
            if (!campaigns.contains(rules.get(i).campaign())) {
                throw new IllegalArgumentException("rule " + (i + 1) + " names an unknown campaign: "
                        + rules.get(i).campaign().campaignId());
            }
        }
    }
}
