package ru.unitecon.core.metrics;

import ru.unitecon.core.bookkeeping.AggregateKey;
import ru.unitecon.core.bookkeeping.Counters;
import ru.unitecon.core.bookkeeping.Measure;
import ru.unitecon.core.bookkeeping.ResponseHours;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Response speed from the monthly aggregates (see {@link Measure#RESPONDED} and {@link ResponseHours}): by channel
 * and by hour of creation, with the lead → booked visit conversion beside it. It reads the period's months ×
 * channels cells, as the dashboards do, whatever the number of leads.
 */
public final class ResponseSpeed {
    private static final String NO_LEADS = "no leads";
    private static final BigDecimal SECONDS_PER_MINUTE = BigDecimal.valueOf(60);
    private static final int HOURS = 24;

    private final MonthlyAggregates aggregates;

    /** @param counters the monthly items' counters of at least the periods to be read */
    public ResponseSpeed(Map<AggregateKey, Counters> counters) {
        this.aggregates = new MonthlyAggregates(counters, Map.of());
    }

    public ResponseRow total(Period period) {
        return row(period, Optional.empty());
    }

    /** One row per channel with leads in the period, the most leads first. */
    public List<ResponseRow> byChannel(Period period) {
        SortedSet<String> channels = new TreeSet<>(aggregates.channels(period));
        List<ResponseRow> rows = new ArrayList<>();
        for (String channel : channels) {
            ResponseRow row = row(period, Optional.of(channel));
            if (row.leads() > 0) {
                rows.add(row);
            }
        }
        rows.sort(Comparator.comparingLong(ResponseRow::leads).reversed()
                .thenComparing(row -> row.channel().orElse("")));
        return rows;
    }

    /** The 24 hours of the day, for one channel or all; an hour without leads has undefined shares. */
    public List<ResponseRow> byHour(Period period, Optional<String> channel) {
        Counters counters = aggregates.counters(period, channel);
        List<ResponseRow> rows = new ArrayList<>();
        for (int hour = 0; hour < HOURS; hour++) {
            long leads = count(counters, ResponseHours.name(hour, Measure.LEADS));
            long in5 = count(counters, ResponseHours.name(hour, Measure.RESPONDED_IN_5));
            long in15 = count(counters, ResponseHours.name(hour, Measure.RESPONDED_IN_15));
            BigDecimal total = BigDecimal.valueOf(leads);
            rows.add(new ResponseRow(channel, OptionalInt.of(hour), leads, 0, in5, in15,
                    MetricValue.ratio(BigDecimal.valueOf(in5), total, NO_LEADS),
                    MetricValue.ratio(BigDecimal.valueOf(in15), total, NO_LEADS),
                    MetricValue.undefined("shown for all hours"), MetricValue.undefined("shown for all hours")));
        }
        return rows;
    }

    public ResponseRow row(Period period, Optional<String> channel) {
        Counters counters = aggregates.counters(period, channel);
        long leads = counters.count(Measure.LEADS);
        long responded = counters.count(Measure.RESPONDED);
        BigDecimal total = BigDecimal.valueOf(leads);
        MetricValue average = MetricValue.ratio(counters.get(Measure.RESPONSE_SECONDS),
                SECONDS_PER_MINUTE.multiply(BigDecimal.valueOf(responded)), "no answered leads");
        long in5 = counters.count(Measure.RESPONDED_IN_5);
        long in15 = counters.count(Measure.RESPONDED_IN_15);
        return new ResponseRow(channel, OptionalInt.empty(), leads, leads - responded, in5, in15,
                MetricValue.ratio(BigDecimal.valueOf(in5), total, NO_LEADS),
                MetricValue.ratio(BigDecimal.valueOf(in15), total, NO_LEADS),
                average,
                UnitEconomics.leadToAppointmentConversion(counters.count(Measure.LEADS_WITH_APPOINTMENT), leads));
    }

    private static long count(Counters counters, String name) {
        return counters.get(name).longValueExact();
    }
}
