package ru.unitecon.simulator.vk;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Deterministic VK Ads accounts: the salon's in roubles (three ad plans, one stopped) and a fitness studio's in tenge.
 * The same seed and days give the same numbers.
 */
public record VkAdsDataset(List<VkAdsAccount> accounts) {
    public static final String SALON_USERNAME = "salon-lotos@vk";
    public static final String KZT_USERNAME = "fitness-almaty@vk";

    private record Plan(String name, String status, int dailyBudget, int costPerClick) {
    }

    public VkAdsDataset {
        accounts = List.copyOf(accounts);
    }

    public static VkAdsDataset generate(long seed, LocalDate firstDay, LocalDate lastDay) {
        Random random = new Random(seed);
        return new VkAdsDataset(List.of(
                account(random, 91_000_001L, SALON_USERNAME, "RUB", ZoneId.of("Europe/Moscow"), 31_400_000L, firstDay, lastDay, List.of(
                        new Plan("Окрашивание — лето", "active", 800, 24),
                        new Plan("Маникюр рядом с домом", "active", 500, 16),
                        new Plan("Новые клиенты — скидка 15%", "blocked", 300, 19))),
                account(random, 91_000_002L, KZT_USERNAME, "KZT", ZoneId.of("Asia/Almaty"), 31_500_000L, firstDay, lastDay, List.of(
                        new Plan("Пробная тренировка", "active", 7_000, 120),
                        new Plan("Абонемент на осень", "active", 4_500, 90)))));
    }

    private static VkAdsAccount account(Random random, long userId, String username, String currency, ZoneId zone,
                                        long firstPlanId, LocalDate firstDay, LocalDate lastDay, List<Plan> plans) {
        List<VkAdPlan> adPlans = new ArrayList<>();
        List<VkAdPlanDay> days = new ArrayList<>();
        for (int i = 0; i < plans.size(); i++) {
            Plan plan = plans.get(i);
            VkAdPlan adPlan = new VkAdPlan(firstPlanId + 11L * i + random.nextInt(7), plan.name(), plan.status(), firstDay);
            adPlans.add(adPlan);
            for (LocalDate day = firstDay; !day.isAfter(lastDay); day = day.plusDays(1)) {
                if (random.nextInt(100) >= 6) {
                    days.add(day(random, adPlan.id(), day, plan));
                }
            }
        }
        return new VkAdsAccount(userId, username, currency, zone, adPlans, days);
    }

    private static VkAdPlanDay day(Random random, long adPlanId, LocalDate day, Plan plan) {
        boolean weekend = day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
        double factor = (weekend ? 1.25 : 1.0) * (0.6 + 0.8 * random.nextDouble());
        BigDecimal spent = BigDecimal.valueOf(plan.dailyBudget() * factor).setScale(2, RoundingMode.HALF_UP);
        long clicks = Math.max(1, spent.longValue() / plan.costPerClick());
        return new VkAdPlanDay(adPlanId, day, clicks * (60 + random.nextInt(90)), clicks, clicks / (5 + random.nextInt(10)), spent);
    }
}
