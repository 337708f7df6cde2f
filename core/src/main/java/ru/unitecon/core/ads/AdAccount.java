package ru.unitecon.core.ads;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One advertising account: the Direct client login or the VK Ads account id. Its id is part of DynamoDB keys, so it
 * is restricted to letters, digits, dot, dash and underscore (never {@code #}).
 */
public record AdAccount(AdPlatform platform, String accountId) {
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

    public AdAccount {
        Objects.requireNonNull(platform, "platform");
        requireKeySafe(accountId, "account id");
    }

    public CampaignKey campaign(String campaignId) {
        return new CampaignKey(platform, accountId, campaignId);
    }

    static String requireKeySafe(String id, String what) {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException(what + " must be 1-64 of letters, digits, '.', '-' and '_', got: " + id);
        }
        return id;
    }
}
