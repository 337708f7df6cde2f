package ru.unitecon.simulator.vk;

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
 * A VK Ads user account (an advertiser): id, username, currency, the time zone of its statistics days, ad plans and
 * their daily statistics. Tests correct a past day with {@link #correctSpent}.
 */
public final class VkAdsAccount {
    private final long userId;
    private final String username;
    private final String currency;
    private final ZoneId timeZone;
    private final List<VkAdPlan> adPlans;
    private final Map<Key, VkAdPlanDay> days = new ConcurrentHashMap<>();

    private record Key(long adPlanId, LocalDate date) {
    }

    public VkAdsAccount(long userId, String username, String currency, ZoneId timeZone, List<VkAdPlan> adPlans,
                        List<VkAdPlanDay> dailyStats) {
        this.userId = userId;
        this.username = Objects.requireNonNull(username, "username");
        this.currency = Objects.requireNonNull(currency, "currency");
        this.timeZone = Objects.requireNonNull(timeZone, "timeZone");
        this.adPlans = List.copyOf(adPlans);
        dailyStats.forEach(day -> days.put(new Key(day.adPlanId(), day.date()), day));
    }

    public long userId() {
        return userId;
    }

    public String username() {
        return username;
    }

    public String currency() {
        return currency;
    }

    public ZoneId timeZone() {
        return timeZone;
    }

    public List<VkAdPlan> adPlans() {
        return adPlans;
    }

    public VkAdPlan adPlan(long id) {
        return adPlans.stream().filter(plan -> plan.id() == id).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no ad plan " + id + " in " + username));
    }

    public List<VkAdPlanDay> dailyStats() {
        return days.values().stream().sorted(Comparator.comparing(VkAdPlanDay::date).thenComparing(VkAdPlanDay::adPlanId)).toList();
    }

    /** The stored day, or a day with nothing when the plan did not run. */
    public VkAdPlanDay day(long adPlanId, LocalDate date) {
        return days.getOrDefault(new Key(adPlanId, date), new VkAdPlanDay(adPlanId, date, 0, 0, 0, BigDecimal.ZERO.setScale(2)));
    }

    /** A late correction: the day's spend becomes {@code spent}. */
    public void correctSpent(long adPlanId, LocalDate date, BigDecimal spent) {
        adPlan(adPlanId);
        VkAdPlanDay old = day(adPlanId, date);
        days.put(new Key(adPlanId, date), new VkAdPlanDay(adPlanId, date, old.shows(), old.clicks(), old.goals(),
                spent.setScale(2, RoundingMode.HALF_UP)));
    }
}
