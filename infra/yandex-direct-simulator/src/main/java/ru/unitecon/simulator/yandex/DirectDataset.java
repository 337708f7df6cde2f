package ru.unitecon.simulator.yandex;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Deterministic Direct accounts for tests and the local run: a salon that advertises on its own, and an agency with
 * two clients (one in roubles, one in tenge). The same seed and days give the same numbers, to the micro.
 */
public record DirectDataset(List<DirectAdvertiser> advertisers, List<DirectAgency> agencies) {
    public static final String SALON_LOGIN = "salon-lotos";
    public static final String AGENCY_LOGIN = "agency-pryamo";
    public static final String AGENCY_RUB_CLIENT = "barber-bor";
    public static final String AGENCY_KZT_CLIENT = "fitness-almaty";
    private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");

    private record CampaignPlan(String name, String type, int dailyBudgetRoubles, int costPerClickRoubles) {
    }

    public DirectDataset {
        advertisers = List.copyOf(advertisers);
        agencies = List.copyOf(agencies);
    }

    /** Accounts with a statistics row per campaign and day from {@code firstDay} to {@code lastDay}, inclusive. */
    public static DirectDataset generate(long seed, LocalDate firstDay, LocalDate lastDay) {
        Random random = new Random(seed);
        DirectAdvertiser salon = advertiser(random, SALON_LOGIN, "RUB", MOSCOW, "22", 70_100_000L, firstDay, lastDay, List.of(
                new CampaignPlan("Поиск — стрижки и укладки", "TEXT_CAMPAIGN", 1_400, 38),
                new CampaignPlan("РСЯ — окрашивание", "TEXT_CAMPAIGN", 900, 21),
                new CampaignPlan("Поиск — маникюр", "TEXT_CAMPAIGN", 700, 29),
                new CampaignPlan("Мастер кампаний — салон", "UNIFIED_CAMPAIGN", 500, 17)));
        DirectAdvertiser barber = advertiser(random, AGENCY_RUB_CLIENT, "RUB", MOSCOW, "22", 71_200_000L, firstDay, lastDay, List.of(
                new CampaignPlan("Поиск — мужская стрижка", "TEXT_CAMPAIGN", 1_100, 34),
                new CampaignPlan("РСЯ — барбершоп рядом", "TEXT_CAMPAIGN", 600, 15)));
        DirectAdvertiser fitness = advertiser(random, AGENCY_KZT_CLIENT, "KZT", ZoneId.of("Asia/Almaty"), "12", 72_300_000L,
                firstDay, lastDay, List.of(
                        new CampaignPlan("Поиск — фитнес Алматы", "TEXT_CAMPAIGN", 9_000, 160),
                        new CampaignPlan("РСЯ — пробная тренировка", "TEXT_CAMPAIGN", 6_000, 95)));
        return new DirectDataset(List.of(salon, barber, fitness),
                List.of(new DirectAgency(AGENCY_LOGIN, Set.of(AGENCY_RUB_CLIENT, AGENCY_KZT_CLIENT))));
    }

    private static DirectAdvertiser advertiser(Random random, String login, String currency, ZoneId zone, String vat,
                                               long firstCampaignId, LocalDate firstDay, LocalDate lastDay,
                                               List<CampaignPlan> plans) {
        List<DirectCampaign> campaigns = new ArrayList<>();
        List<DailyCampaignStats> days = new ArrayList<>();
        for (int i = 0; i < plans.size(); i++) {
            CampaignPlan plan = plans.get(i);
            DirectCampaign campaign = new DirectCampaign(firstCampaignId + 17L * i + random.nextInt(9), plan.name(), plan.type());
            campaigns.add(campaign);
            for (LocalDate day = firstDay; !day.isAfter(lastDay); day = day.plusDays(1)) {
                days.add(day(random, campaign.id(), day, plan));
            }
        }
        return new DirectAdvertiser(login, currency, zone, new BigDecimal(vat), BigDecimal.ZERO, campaigns, days);
    }

    /** A day's spend around the budget: busier on weekends, noisy, sometimes stopped (a paused or exhausted day). */
    private static DailyCampaignStats day(Random random, long campaignId, LocalDate day, CampaignPlan plan) {
        if (random.nextInt(100) < 4) {
            return new DailyCampaignStats(campaignId, day, 0, 0, 0);
        }
        boolean weekend = day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
        double factor = (weekend ? 1.2 : 1.0) * (0.7 + 0.6 * random.nextDouble());
        long costMicros = Math.round(plan.dailyBudgetRoubles() * factor * 1_000_000) + random.nextInt(1_000_000);
        long clicks = Math.max(1, costMicros / (plan.costPerClickRoubles() * 1_000_000L));
        long impressions = clicks * (15 + random.nextInt(40));
        return new DailyCampaignStats(campaignId, day, impressions, clicks, costMicros);
    }
}
