package ru.unitecon.core.ads;

import ru.unitecon.core.attribution.Channel;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The one place where campaigns become channels: a month × channel's imported spend is the sum of its campaigns'
 * months, each counted in the channel {@code channelOf} gives it.
 */
public final class ChannelSpend {
    /** Until a mapping says otherwise, a campaign counts in its platform's channel. */
    public static final Function<CampaignKey, String> PLATFORM_DEFAULT = key -> key.platform().defaultChannel();

    private ChannelSpend() {
    }

    /** Sums the campaigns' months per month and channel; every month given appears, with the channels it has. */
    public static Map<YearMonth, Map<String, BigDecimal>> sum(List<CampaignMonthSpend> campaigns,
                                                             Function<CampaignKey, String> channelOf) {
        Map<YearMonth, Map<String, BigDecimal>> sums = new TreeMap<>();
        for (CampaignMonthSpend campaign : campaigns) {
            String channel = Channel.requireValidCode(channelOf.apply(campaign.campaign()));
            sums.computeIfAbsent(campaign.month(), m -> new TreeMap<>())
                    .merge(channel, campaign.amount(), BigDecimal::add);
        }
        return sums;
    }
}
