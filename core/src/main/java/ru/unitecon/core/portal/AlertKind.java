package ru.unitecon.core.portal;

/**
 * What the app warns a portal's people about (docs/alerts.md), and the weekly digest. Each has its own recipients,
 * and its name is part of the claim that sends it once per condition and period.
 */
public enum AlertKind {
    /** A channel is losing money in the month so far (the stop-channel rule). */
    CHANNEL_LOSING_MONEY,
    /** A channel's LTV:CAC was under the target of 3 in each of the last two complete months. */
    LTV_TO_CAC_BELOW_TARGET,
    /** The month's no-show rate is above the threshold. */
    NO_SHOW_RATE,
    /** The last 7 days' no-show rate is above the spike factor times the previous 28 days'. */
    NO_SHOW_SPIKE,
    /** Too large a share of the month's leads said nothing of their source. */
    UNKNOWN_SOURCES,
    /** Spend is recorded for a channel this month and none of its leads came in the last days. */
    SPEND_WITHOUT_LEADS,
    /** Too small a share of last month's leads was answered within 15 minutes. */
    SLOW_RESPONSE,
    /** Monday's summary of the week before. */
    WEEKLY_DIGEST
}
