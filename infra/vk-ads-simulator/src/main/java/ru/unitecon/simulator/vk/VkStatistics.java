package ru.unitecon.simulator.vk;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Ad plan statistics v2 ({@code /api/v2/statistics/ad_plans/{day|summary}.json}): for each requested plan the
 * {@code base} metrics per day in {@code rows} and over the period in {@code total}, plus a {@code total} over all
 * plans. Days are the account's calendar days; days after today are not reported and today only as far as it went.
 * Money ({@code spent}, {@code cpm}, {@code cpc}, {@code cpa}) is a decimal string in the account currency.
 */
final class VkStatistics {
    private final VkAdsSimulatorOptions options;

    VkStatistics(VkAdsSimulatorOptions options) {
        this.options = options;
    }

    Map<String, Object> adPlans(VkAdsAccount account, Map<String, String> params, boolean byDay, Instant now) {
        LocalDate from = LocalDate.parse(params.get("date_from"));
        LocalDate to = LocalDate.parse(params.get("date_to"));
        if (from.isAfter(to)) {
            throw VkError.resource(400, "ERR_WRONG_DATE", "date_from is later than date_to");
        }
        if (ChronoUnit.DAYS.between(from, to) + 1 > options.statisticsMaxDays()) {
            throw VkError.resource(400, "ERR_LIMIT_EXCEEDED", "Statistics can be requested for at most "
                    + options.statisticsMaxDays() + " days");
        }
        List<Long> ids = ids(account, params.get("id"));
        LocalDate today = now.atZone(account.timeZone()).toLocalDate();
        double todayShare = Duration.between(today.atStartOfDay(account.timeZone()).toInstant(), now).toSeconds() / 86_400.0;
        List<Map<String, Object>> items = new ArrayList<>();
        Base overall = new Base();
        for (long id : ids) {
            Base total = new Base();
            List<Map<String, Object>> rows = new ArrayList<>();
            for (LocalDate date = from; !date.isAfter(to) && !date.isAfter(today); date = date.plusDays(1)) {
                Base day = Base.of(account.day(id, date), date.equals(today) ? todayShare : 1.0);
                total.add(day);
                rows.add(Map.of("date", date.toString(), "base", day.json()));
            }
            overall.add(total);
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("id", id);
            if (byDay) {
                item.put("rows", rows);
            }
            item.put("total", Map.of("base", total.json()));
            items.add(item);
        }
        return Map.of("items", items, "total", Map.of("base", overall.json()));
    }

    private List<Long> ids(VkAdsAccount account, String idParam) {
        if (idParam == null) {
            return account.adPlans().stream().map(VkAdPlan::id).sorted().toList();
        }
        List<Long> ids = List.of(idParam.split(",")).stream().map(Long::parseLong).distinct().toList();
        if (ids.size() > options.statisticsMaxIds()) {
            throw VkError.resource(400, "ERR_LIMIT_EXCEEDED", "Statistics can be requested for at most "
                    + options.statisticsMaxIds() + " objects");
        }
        if (!ids.stream().allMatch(id -> account.adPlans().stream().anyMatch(plan -> plan.id() == id))) {
            throw VkError.resource(400, "ERR_WRONG_PARAMETER", "Requested ad plans do not exist or are not available to this user");
        }
        return ids;
    }

    /** The base metric set, summed and derived. */
    private static final class Base {
        long shows;
        long clicks;
        long goals;
        BigDecimal spent = BigDecimal.ZERO.setScale(2);

        static Base of(VkAdPlanDay day, double share) {
            Base base = new Base();
            base.shows = (long) (day.shows() * share);
            base.clicks = (long) (day.clicks() * share);
            base.goals = (long) (day.goals() * share);
            base.spent = day.spent().multiply(BigDecimal.valueOf(share)).setScale(2, RoundingMode.HALF_UP);
            return base;
        }

        void add(Base other) {
            shows += other.shows;
            clicks += other.clicks;
            goals += other.goals;
            spent = spent.add(other.spent);
        }

        Map<String, Object> json() {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("shows", shows);
            json.put("clicks", clicks);
            json.put("goals", goals);
            json.put("spent", spent.toPlainString());
            json.put("cpm", ratio(spent.multiply(BigDecimal.valueOf(1000)), shows).toPlainString());
            json.put("cpc", ratio(spent, clicks).toPlainString());
            json.put("cpa", ratio(spent, goals).toPlainString());
            json.put("ctr", ratio(BigDecimal.valueOf(clicks * 100), shows).doubleValue());
            json.put("cr", ratio(BigDecimal.valueOf(goals * 100), clicks).doubleValue());
            return json;
        }

        private static BigDecimal ratio(BigDecimal amount, long divisor) {
            return divisor == 0 ? BigDecimal.ZERO.setScale(2) : amount.divide(BigDecimal.valueOf(divisor), 2, RoundingMode.HALF_UP);
        }
    }
}
