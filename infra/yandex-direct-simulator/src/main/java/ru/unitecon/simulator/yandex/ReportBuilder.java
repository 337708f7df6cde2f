package ru.unitecon.simulator.yandex;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Builds a report table from an advertiser's statistics: the period's days up to now (today only as far as it has
 * gone), the CampaignId filters, grouping by the requested dimensions, VAT and discount, order and page.
 */
final class ReportBuilder {
    private static final Set<String> CAMPAIGN_FIELDS = Set.of("CampaignId", "CampaignName", "CampaignType");

    private final ReportParameterTable table;

    ReportBuilder(ReportParameterTable table) {
        this.table = table;
    }

    /** Thrown for documented requests the simulator does not build; answered 501 and not counted as a violation. */
    static final class NotSimulated extends RuntimeException {
        NotSimulated(String what) {
            super(what, null, false, false);
        }
    }

    void requireSimulated(ReportSpec spec) {
        require("ReportType", spec.type());
        require("DateRangeType", spec.dateRangeType());
        spec.fieldNames().forEach(field -> require("FieldNames", field));
        spec.orderBy().forEach(order -> require("FieldNames", order.field()));
        for (ReportSpec.Filter filter : spec.filters()) {
            require("FilterFields", filter.field());
            require("FilterOperators", filter.operator());
        }
        if (spec.type().equals("ACCOUNT_PERFORMANCE_REPORT") && spec.fieldNames().stream().anyMatch(CAMPAIGN_FIELDS::contains)) {
            throw DirectApiError.badRequest(DirectApiError.Code.INVALID_REQUEST_PARAMETERS,
                    "Campaign fields are not available in ACCOUNT_PERFORMANCE_REPORT");
        }
    }

    ReportTable build(DirectAdvertiser advertiser, ReportSpec spec, ReportPeriod period, Instant now) {
        LocalDate today = now.atZone(advertiser.timeZone()).toLocalDate();
        double todayShare = Duration.between(today.atStartOfDay(advertiser.timeZone()).toInstant(), now).toSeconds() / 86_400.0;
        boolean byDate = spec.fieldNames().contains("Date");
        boolean byCampaign = spec.fieldNames().stream().anyMatch(CAMPAIGN_FIELDS::contains);
        Predicate<Long> campaignFilter = campaignFilter(spec.filters());
        Map<List<Object>, long[]> sums = new LinkedHashMap<>();
        LocalDate last = period.to().isAfter(today) ? today : period.to();
        for (DailyCampaignStats day : advertiser.dailyStats(period.from(), last)) {
            if (!campaignFilter.test(day.campaignId())) {
                continue;
            }
            double share = day.date().equals(today) ? todayShare : 1.0;
            List<Object> key = new ArrayList<>(2);
            key.add(byDate ? day.date() : null);
            key.add(byCampaign ? day.campaignId() : null);
            long[] sum = sums.computeIfAbsent(key, k -> new long[3]);
            sum[0] += (long) (day.impressions() * share);
            sum[1] += (long) (day.clicks() * share);
            sum[2] += (long) (day.costMicrosExcludingVat() * share);
        }
        BigDecimal factor = moneyFactor(advertiser, spec);
        List<ReportTable.Row> rows = new ArrayList<>();
        sums.forEach((key, sum) -> {
            if (sum[0] != 0 || sum[1] != 0 || sum[2] != 0) {
                DirectCampaign campaign = key.get(1) == null ? null : advertiser.campaign((Long) key.get(1));
                long cost = BigDecimal.valueOf(sum[2]).multiply(factor).setScale(0, RoundingMode.HALF_UP).longValueExact();
                rows.add(new ReportTable.Row((LocalDate) key.get(0), campaign, sum[0], sum[1], cost));
            }
        });
        rows.sort(order(spec.orderBy()));
        int from = (int) Math.min(rows.size(), spec.offset());
        int to = (int) Math.min(rows.size(), from + spec.limit());
        return new ReportTable(spec.name(), period, spec.fieldNames(), rows.subList(from, to));
    }

    /** IncludeVAT adds the account's VAT rate; IncludeDiscount takes its discount off ("Output for monetary values"). */
    private static BigDecimal moneyFactor(DirectAdvertiser advertiser, ReportSpec spec) {
        BigDecimal hundred = BigDecimal.valueOf(100);
        BigDecimal factor = BigDecimal.ONE;
        if (spec.includeVat()) {
            factor = factor.multiply(hundred.add(advertiser.vatPercent())).divide(hundred);
        }
        if (spec.includeDiscount()) {
            factor = factor.multiply(hundred.subtract(advertiser.discountPercent())).divide(hundred);
        }
        return factor;
    }

    private static Predicate<Long> campaignFilter(List<ReportSpec.Filter> filters) {
        Predicate<Long> all = id -> true;
        for (ReportSpec.Filter filter : filters) {
            List<Long> ids = filter.values().stream().map(ReportBuilder::campaignId).toList();
            boolean negative = filter.operator().startsWith("NOT_");
            all = all.and(id -> ids.contains(id) != negative);
        }
        return all;
    }

    private static long campaignId(String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw DirectApiError.badRequest(DirectApiError.Code.INVALID_REQUEST_PARAMETERS,
                    "Filter value " + value + " is not a campaign id");
        }
    }

    private static Comparator<ReportTable.Row> order(List<ReportSpec.Order> orders) {
        Comparator<ReportTable.Row> byDefault = byField("Date").thenComparing(byField("CampaignId"));
        Comparator<ReportTable.Row> chosen = null;
        for (ReportSpec.Order order : orders) {
            Comparator<ReportTable.Row> next = order.descending() ? byField(order.field()).reversed() : byField(order.field());
            chosen = chosen == null ? next : chosen.thenComparing(next);
        }
        return chosen == null ? byDefault : chosen.thenComparing(byDefault);
    }

    private static Comparator<ReportTable.Row> byField(String field) {
        Comparator<String> text = Comparator.nullsFirst(Comparator.naturalOrder());
        return switch (field) {
            case "Date" -> Comparator.comparing(ReportTable.Row::date, Comparator.nullsFirst(Comparator.naturalOrder()));
            case "CampaignId" -> Comparator.comparing(row -> row.campaign() == null ? null : row.campaign().id(),
                    Comparator.nullsFirst(Comparator.<Long>naturalOrder()));
            case "CampaignName" -> Comparator.comparing(row -> row.campaign() == null ? null : row.campaign().name(), text);
            case "CampaignType" -> Comparator.comparing(row -> row.campaign() == null ? null : row.campaign().type(), text);
            case "Impressions" -> Comparator.comparingLong(ReportTable.Row::impressions);
            case "Clicks" -> Comparator.comparingLong(ReportTable.Row::clicks);
            default -> Comparator.comparingLong(ReportTable.Row::costMicros);
        };
    }

    private void require(String list, String value) {
        if (!table.simulated(list, Objects.requireNonNull(value))) {
            throw new NotSimulated(list + " " + value);
        }
    }
}
