package ru.unitecon.core.metrics;

import ru.unitecon.core.ads.CampaignKey;
import ru.unitecon.core.ads.CampaignMonthSpend;
import ru.unitecon.core.attribution.CampaignMapping;
import ru.unitecon.core.attribution.CampaignRules;
import ru.unitecon.core.bookkeeping.CampaignCell;
import ru.unitecon.core.bookkeeping.Counters;
import ru.unitecon.core.bookkeeping.Measure;
import ru.unitecon.core.portal.Decimals;
import ru.unitecon.core.portal.PortalSettings;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The figures of each advertising campaign over a period, with the channels' definitions (docs/metrics.md): its
 * spend from the import, and the leads, new clients, orders and revenue of the {@code UTM_CAMPAIGN} values its rules
 * take, summed from the counters per month and value. Values no rule takes are listed apart.
 */
public final class CampaignMetrics {
    private static final int MONTHS_PER_YEAR = 12;
    private static final List<Measure> PERIOD_MEASURES =
            List.of(Measure.LEADS, Measure.NEW_CLIENTS, Measure.ORDERS, Measure.REVENUE);

    /** One campaign: its name and channel, the values its rules took in the period, and its metrics. */
    public record Row(CampaignKey campaign, String name, String channel, List<String> utmValues,
                      PeriodMetrics metrics) {
        public boolean withoutLeads() {
            return metrics.leads() == 0;
        }
    }

    /** A value no rule takes, with what it brought in the period. */
    public record Unmatched(String utmCampaign, long leads, long newClients, long orders, BigDecimal revenue) {
    }

    /** The campaigns, the biggest spenders first, and the unmatched values, the most leads first. */
    public record Report(Period period, List<Row> campaigns, List<Unmatched> unmatched) {
    }

    private CampaignMetrics() {
    }

    /**
     * @param cells     the counters per month and value of every month up to the period's last (activity spells
     *                  are summed from the first month on)
     * @param spend     the campaigns' spend per month; months outside the period are ignored
     * @param campaigns the known campaigns and their names (from the import)
     */
    public static Report of(PortalSettings settings, Period period, Map<CampaignCell, Counters> cells,
                            List<CampaignMonthSpend> spend, CampaignMapping mapping,
                            Map<CampaignKey, String> campaigns) {
        CampaignRules rules = mapping.rulesFor(campaigns);
        Map<String, Optional<CampaignKey>> valueCampaign = new HashMap<>();
        Map<CampaignKey, List<CampaignCell>> byCampaign = new LinkedHashMap<>();
        Map<String, Counters> unmatched = new TreeMap<>();
        cells.forEach((cell, counters) -> {
            Optional<CampaignKey> campaign =
                    valueCampaign.computeIfAbsent(cell.utmCampaign(), rules::campaignOf);
            if (campaign.isPresent()) {
                byCampaign.computeIfAbsent(campaign.get(), k -> new ArrayList<>()).add(cell);
            } else if (period.contains(cell.month())) {
                unmatched.merge(cell.utmCampaign(), periodPart(counters), Counters::plus);
            }
        });
        Map<CampaignKey, BigDecimal> spent = new HashMap<>();
        Map<CampaignKey, String> names = new HashMap<>(campaigns);
        spend.stream().filter(month -> period.contains(month.month())).forEach(month -> {
            spent.merge(month.campaign(), month.amount(), BigDecimal::add);
            names.putIfAbsent(month.campaign(), month.campaignName());
        });
        // A campaign gone from the import still shows what its rules take.
        byCampaign.keySet().forEach(campaign -> names.putIfAbsent(campaign, ""));
        List<Row> rows = new ArrayList<>();
        names.forEach((campaign, name) -> {
            List<CampaignCell> own = byCampaign.getOrDefault(campaign, List.of());
            String channel = mapping.channelOf(campaign);
            PeriodFigures figures = figures(period, channel, spent.getOrDefault(campaign, BigDecimal.ZERO), own, cells);
            TreeSet<String> values = new TreeSet<>();
            own.stream().filter(cell -> period.contains(cell.month())).forEach(cell -> values.add(cell.utmCampaign()));
            rows.add(new Row(campaign, name, channel, List.copyOf(values), figures.metrics(settings)));
        });
        rows.sort(Comparator.comparing((Row row) -> row.metrics().spend()).reversed()
                .thenComparing(row -> row.campaign().toString()));
        List<Unmatched> left = new ArrayList<>();
        unmatched.forEach((value, counters) -> {
            if (!counters.isZero()) {
                left.add(new Unmatched(value, counters.count(Measure.LEADS), counters.count(Measure.NEW_CLIENTS),
                        counters.count(Measure.ORDERS), Decimals.normalized(counters.get(Measure.REVENUE))));
            }
        });
        left.sort(Comparator.comparingLong(Unmatched::leads).reversed().thenComparing(Unmatched::utmCampaign));
        return new Report(period, List.copyOf(rows), List.copyOf(left));
    }

    private static PeriodFigures figures(Period period, String channel, BigDecimal spend, List<CampaignCell> own,
                                         Map<CampaignCell, Counters> cells) {
        Period trailingYear = Period.endingWith(period.to(), MONTHS_PER_YEAR);
        Counters inPeriod = Counters.ZERO;
        long ordersInTrailingYear = 0;
        for (CampaignCell cell : own) {
            Counters counters = cells.get(cell);
            if (period.contains(cell.month())) {
                inPeriod = inPeriod.plus(periodPart(counters));
            }
            if (trailingYear.contains(cell.month())) {
                ordersInTrailingYear += counters.count(Measure.ORDERS);
            }
        }
        return new PeriodFigures(period, Optional.of(channel), spend, BigDecimal.ZERO, inPeriod,
                ordersInTrailingYear, activeAt(period.from().minusMonths(1), own, cells),
                activeAt(period.to(), own, cells), 0, 0);
    }

    /** Clients active at the month: activity spells begun by then less those lapsed by then. */
    private static long activeAt(YearMonth month, List<CampaignCell> own, Map<CampaignCell, Counters> cells) {
        long active = 0;
        for (CampaignCell cell : own) {
            if (!cell.month().isAfter(month)) {
                Counters counters = cells.get(cell);
                active += counters.get(CampaignCell.BECAME_ACTIVE).longValueExact()
                        - counters.get(CampaignCell.LAPSED).longValueExact();
            }
        }
        return active;
    }

    private static Counters periodPart(Counters counters) {
        Map<String, BigDecimal> part = new HashMap<>();
        PERIOD_MEASURES.forEach(measure -> part.put(measure.attribute(), counters.get(measure)));
        return Counters.of(part);
    }
}
