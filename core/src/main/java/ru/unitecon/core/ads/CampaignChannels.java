package ru.unitecon.core.ads;

import java.util.function.Function;

/**
 * Which channel each campaign of a portal counts in, for {@link ChannelSpend#sum}: the platform's default until an
 * editable mapping is plugged in here.
 */
@FunctionalInterface
public interface CampaignChannels {
    CampaignChannels PLATFORM_DEFAULT = memberId -> ChannelSpend.PLATFORM_DEFAULT;

    Function<CampaignKey, String> of(String memberId);
}
