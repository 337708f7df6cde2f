package ru.unitecon.core.ads;

import java.util.Objects;

/** One campaign (a Direct campaign, a VK Ads ad plan) of one account; every part is safe for DynamoDB keys. */
public record CampaignKey(AdPlatform platform, String accountId, String campaignId) {
    public CampaignKey {
        Objects.requireNonNull(platform, "platform");
        AdAccount.requireKeySafe(accountId, "account id");
        AdAccount.requireKeySafe(campaignId, "campaign id");
    }

    public AdAccount account() {
        return new AdAccount(platform, accountId);
    }
}
