package ru.unitecon.simulator.yandex;

import java.time.LocalDate;

/**
 * One campaign's statistics for one day, as the advertiser's account holds them: cost in micros of the account
 * currency (the API's own unit, see "Output for monetary values") and without VAT or discount.
 */
public record DailyCampaignStats(long campaignId, LocalDate date, long impressions, long clicks, long costMicrosExcludingVat) {
}
