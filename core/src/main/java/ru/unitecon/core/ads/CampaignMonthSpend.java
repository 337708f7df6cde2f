package ru.unitecon.core.ads;

import ru.unitecon.core.currency.SpendAmount;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Objects;

/** What one campaign cost in one month: the sum of its days, in the portal's currency. */
public record CampaignMonthSpend(CampaignKey campaign, String campaignName, YearMonth month, BigDecimal amount) {
    public CampaignMonthSpend {
        Objects.requireNonNull(campaign, "campaign");
        campaignName = CampaignNames.requireValid(campaignName);
        Objects.requireNonNull(month, "month");
        SpendAmount.requireValid(amount);
    }
}
