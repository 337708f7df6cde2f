package ru.unitecon.core.ads;

import java.util.function.Function;

/**
 * Which channel each campaign of a portal counts in, for {@link ChannelSpend#sum}: the portal's campaign mapping
 * (its platform's default channel unless an administrator chose another), as the wiring plugs it in.
 */
@FunctionalInterface
public interface CampaignChannels {

    Function<CampaignKey, String> of(String memberId);
}
