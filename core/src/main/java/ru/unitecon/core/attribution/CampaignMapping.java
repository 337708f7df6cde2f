package ru.unitecon.core.attribution;

import ru.unitecon.core.ads.CampaignKey;

import java.util.Map;
import java.util.Optional;
import java.util.HashMap;
import java.util.function.Function;

/**
 * What an administrator said about a portal's campaigns: the channel of each campaign that does not count in its
 * platform's default channel, and the UTM_CAMPAIGN rules ({@code Optional.empty()} until saved: the defaults from
 * the campaign list apply).
 */
public record CampaignMapping(Map<CampaignKey, String> channels, Optional<CampaignRules> rules) {
    public static final CampaignMapping NONE = new CampaignMapping(Map.of(), Optional.empty());

    public CampaignMapping {
        channels.forEach((key, channel) -> {
            Channel.requireValidCode(channel);
            if (Channel.UNKNOWN.equals(channel)) {
                throw new IllegalArgumentException("the unknown bucket is for leads with no source; no campaign is in it");
            }
        });
        channels = Map.copyOf(channels);
    }

    /** The channel a campaign's spend counts in: the one set for it, else its platform's. */
    public String channelOf(CampaignKey campaign) {
        return channels.getOrDefault(campaign, campaign.platform().defaultChannel());
    }

    public Function<CampaignKey, String> channelOf() {
        return this::channelOf;
    }

    /** The saved rules, or the defaults from the known campaigns and their names while none are saved. */
    public CampaignRules rulesFor(Map<CampaignKey, String> campaigns) {
        return rules.orElseGet(() -> CampaignRules.defaults(campaigns));
    }

    /** This mapping with one campaign's channel set; its platform's default channel clears the entry. */
    public CampaignMapping withChannel(CampaignKey campaign, String channel) {
        Map<CampaignKey, String> changed = new HashMap<>(channels);
        if (campaign.platform().defaultChannel().equals(Channel.requireValidCode(channel))) {
            changed.remove(campaign);
        } else {
            changed.put(campaign, channel);
        }
        return new CampaignMapping(changed, rules);
    }

    public CampaignMapping withRules(CampaignRules newRules) {
        return new CampaignMapping(channels, Optional.of(newRules));
    }
}
