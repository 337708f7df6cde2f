package ru.unitecon.core.ads;

import ru.unitecon.core.currency.SpendAmount;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * What one campaign cost on one calendar day in the portal's zone, in the portal's currency (converted from the
 * account's own), VAT included.
 */
public record CampaignDaySpend(CampaignKey campaign, String campaignName, LocalDate day, BigDecimal amount) {
    public CampaignDaySpend {
        Objects.requireNonNull(campaign, "campaign");
        campaignName = CampaignNames.requireValid(campaignName);
        Objects.requireNonNull(day, "day");
        SpendAmount.requireValid(amount);
    }
}
