package ru.unitecon.simulator.yandex;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A Direct advertiser (a direct client or an agency's client): its login, currency, time zone of its statistics
 * days, VAT rate and discount, campaigns and daily statistics. Tests change past days with {@link #correctCost} to
 * play Direct's late corrections ("How to get updated statistics").
 */
public final class DirectAdvertiser {
    private final String login;
    private final String currency;
    private final ZoneId timeZone;
    private final BigDecimal vatPercent;
    private final BigDecimal discountPercent;
    private final List<DirectCampaign> campaigns;
    private final Map<StatsKey, DailyCampaignStats> stats = new ConcurrentHashMap<>();

    private record StatsKey(long campaignId, LocalDate date) {
    }

    public DirectAdvertiser(String login, String currency, ZoneId timeZone, BigDecimal vatPercent,
                            BigDecimal discountPercent, List<DirectCampaign> campaigns, List<DailyCampaignStats> dailyStats) {
        this.login = Objects.requireNonNull(login, "login");
        this.currency = Objects.requireNonNull(currency, "currency");
        this.timeZone = Objects.requireNonNull(timeZone, "timeZone");
        this.vatPercent = Objects.requireNonNull(vatPercent, "vatPercent");
        this.discountPercent = Objects.requireNonNull(discountPercent, "discountPercent");
        this.campaigns = List.copyOf(campaigns);
        dailyStats.forEach(this::put);
    }

    public String login() {
        return login;
    }

    public String currency() {
        return currency;
    }

    public ZoneId timeZone() {
        return timeZone;
    }

    public BigDecimal vatPercent() {
        return vatPercent;
    }

    public BigDecimal discountPercent() {
        return discountPercent;
    }

    public List<DirectCampaign> campaigns() {
        return campaigns;
    }

    public DirectCampaign campaign(long id) {
        return campaigns.stream().filter(c -> c.id() == id).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no campaign " + id + " in " + login));
    }

    /** Every stored day of every campaign, by date then campaign id. */
    public List<DailyCampaignStats> dailyStats() {
        return stats.values().stream()
                .sorted(Comparator.comparing(DailyCampaignStats::date).thenComparing(DailyCampaignStats::campaignId))
                .toList();
    }

    public List<DailyCampaignStats> dailyStats(LocalDate from, LocalDate to) {
        return dailyStats().stream().filter(s -> !s.date().isBefore(from) && !s.date().isAfter(to)).toList();
    }

    /** A late correction: the day's cost (without VAT, in the account currency) becomes {@code costExcludingVat}. */
    public void correctCost(long campaignId, LocalDate date, BigDecimal costExcludingVat) {
        campaign(campaignId);
        long micros = costExcludingVat.movePointRight(6).setScale(0, RoundingMode.HALF_UP).longValueExact();
        stats.compute(new StatsKey(campaignId, date), (key, old) -> new DailyCampaignStats(campaignId, date,
                old == null ? 0 : old.impressions(), old == null ? 0 : old.clicks(), micros));
    }

    void put(DailyCampaignStats day) {
        campaign(day.campaignId());
        stats.put(new StatsKey(day.campaignId(), day.date()), day);
    }

    /** First day with statistics, for {@code ALL_TIME}; today when there are none. */
    LocalDate firstDay(LocalDate today) {
        return stats.keySet().stream().map(StatsKey::date).min(LocalDate::compareTo).orElse(today);
    }
}
