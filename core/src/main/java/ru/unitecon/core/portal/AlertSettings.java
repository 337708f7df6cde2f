package ru.unitecon.core.portal;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Who receives which alert and when an alert is raised. A kind with no recipients is off. Kept apart from
 * {@link PortalSettings}: alerts change nothing that is counted, so saving them never asks for a recount.
 *
 * @param recipients          the portal's user ids per kind
 * @param noShowRatePercent   the month's no-show rate above which {@link AlertKind#NO_SHOW_RATE} is raised
 * @param spikeFactor         {@link AlertKind#NO_SHOW_SPIKE}: the last 7 days' rate above this many times the
 *                            previous 28 days'
 * @param unknownSharePercent the share of the month's leads without a source above which
 *                            {@link AlertKind#UNKNOWN_SOURCES} is raised
 * @param daysWithoutLeads    {@link AlertKind#SPEND_WITHOUT_LEADS}: days without a lead of a channel with spend
 * @param answeredIn15Percent the share of last month's leads answered within 15 minutes below which
 *                            {@link AlertKind#SLOW_RESPONSE} is raised
 * @param language            the portal's language as the install told it ({@code ru}, {@code en}); the texts are
 *                            Russian for any language but English
 */
public record AlertSettings(Map<AlertKind, List<Long>> recipients, BigDecimal noShowRatePercent,
                            BigDecimal spikeFactor, BigDecimal unknownSharePercent, int daysWithoutLeads,
                            BigDecimal answeredIn15Percent, String language) {
    public static final int MAX_RECIPIENTS = 10;
    public static final BigDecimal DEFAULT_NO_SHOW_RATE_PERCENT = BigDecimal.valueOf(20);
    public static final BigDecimal DEFAULT_SPIKE_FACTOR = new BigDecimal("1.5");
    public static final BigDecimal DEFAULT_UNKNOWN_SHARE_PERCENT = BigDecimal.valueOf(25);
    public static final int DEFAULT_DAYS_WITHOUT_LEADS = 7;
    public static final BigDecimal DEFAULT_ANSWERED_IN_15_PERCENT = BigDecimal.valueOf(50);
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public AlertSettings {
        Objects.requireNonNull(recipients, "recipients");
        EnumMap<AlertKind, List<Long>> copy = new EnumMap<>(AlertKind.class);
        recipients.forEach((kind, users) -> {
            List<Long> distinct = users.stream().distinct().toList();
            if (distinct.size() > MAX_RECIPIENTS) {
                throw new IllegalArgumentException("at most " + MAX_RECIPIENTS + " recipients per alert");
            }
            if (distinct.stream().anyMatch(user -> user == null || user <= 0)) {
                throw new IllegalArgumentException("a recipient is a user id, a whole number above 0");
            }
            if (!distinct.isEmpty()) {
                copy.put(kind, distinct);
            }
        });
        recipients = Map.copyOf(copy);
        requirePercent(noShowRatePercent, "no-show rate");
        requirePercent(unknownSharePercent, "share of leads without a source");
        requirePercent(answeredIn15Percent, "share of leads answered within 15 minutes");
        answeredIn15Percent = Decimals.normalized(answeredIn15Percent);
        Objects.requireNonNull(spikeFactor, "spikeFactor");
        if (spikeFactor.compareTo(BigDecimal.ONE) <= 0 || spikeFactor.compareTo(BigDecimal.TEN) > 0) {
            throw new IllegalArgumentException("the spike factor is above 1 and at most 10");
        }
        spikeFactor = Decimals.normalized(spikeFactor);
        noShowRatePercent = Decimals.normalized(noShowRatePercent);
        unknownSharePercent = Decimals.normalized(unknownSharePercent);
        if (daysWithoutLeads < 1 || daysWithoutLeads > 31) {
            throw new IllegalArgumentException("days without leads are 1 to 31");
        }
        language = language == null || language.isBlank() ? "ru" : language.strip().toLowerCase(Locale.ROOT);
    }

    /** Every alert and the digest to the one person the app knows at install, the installing administrator. */
    public static AlertSettings defaults(Long installer, String language) {
        Map<AlertKind, List<Long>> recipients = new EnumMap<>(AlertKind.class);
        if (installer != null) {
            for (AlertKind kind : AlertKind.values()) {
                recipients.put(kind, List.of(installer));
            }
        }
        return new AlertSettings(recipients, DEFAULT_NO_SHOW_RATE_PERCENT, DEFAULT_SPIKE_FACTOR,
                DEFAULT_UNKNOWN_SHARE_PERCENT, DEFAULT_DAYS_WITHOUT_LEADS, DEFAULT_ANSWERED_IN_15_PERCENT, language);
    }

    public List<Long> recipientsOf(AlertKind kind) {
        return recipients.getOrDefault(kind, List.of());
    }

    public boolean english() {
        return language.equals("en");
    }

    public AlertSettings withRecipients(AlertKind kind, List<Long> users) {
        Map<AlertKind, List<Long>> changed = new EnumMap<>(AlertKind.class);
        changed.putAll(recipients);
        changed.put(kind, users);
        return new AlertSettings(changed, noShowRatePercent, spikeFactor, unknownSharePercent, daysWithoutLeads,
                answeredIn15Percent, language);
    }

    public AlertSettings withThresholds(BigDecimal noShowRate, BigDecimal spike, BigDecimal unknownShare,
                                        int daysWithout) {
        return new AlertSettings(recipients, noShowRate, spike, unknownShare, daysWithout, answeredIn15Percent,
                language);
    }

    public AlertSettings withAnsweredIn15Percent(BigDecimal percent) {
        return new AlertSettings(recipients, noShowRatePercent, spikeFactor, unknownSharePercent, daysWithoutLeads,
                percent, language);
    }

    private static void requirePercent(BigDecimal value, String what) {
        Objects.requireNonNull(value, what);
        if (value.signum() <= 0 || value.compareTo(HUNDRED) >= 0) {
            throw new IllegalArgumentException("the " + what + " threshold is a percentage above 0 and below 100");
        }
    }
}
