package ru.unitecon.core.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import ru.unitecon.core.metrics.LosingMoney;
import ru.unitecon.core.metrics.MetricValue;
import ru.unitecon.core.metrics.MetricsEngine;
import ru.unitecon.core.metrics.Period;
import ru.unitecon.core.metrics.PeriodMetrics;
import ru.unitecon.core.metrics.ResponseRow;
import ru.unitecon.core.metrics.ResponseSpeed;
import ru.unitecon.core.metrics.RetentionEngine;
import ru.unitecon.core.metrics.RetentionRow;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Monthly metrics per channel as a flat table, one row per month and channel with any counter or spend. Money is
 * rounded to kopecks, ratios and rates (fractions, 0.153 = 15.3 %) to four decimals; a metric with nothing to
 * divide by is an empty CSV cell and a JSON null, never 0. Money is in the reporting currency; orders in a currency
 * the portal gives no rate for are not in orders or revenue but in {@code orders_not_counted}.
 */
public final class MetricsTable implements ExportTable<MetricsTable.Row> {
    private static final int MONEY_SCALE = 2;
    private static final int RATIO_SCALE = 4;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What a column's values are, for consumers that declare a type per column (BI Builder's datasets). */
    public enum Kind {
        /** A whole number ({@code Long}). */
        COUNT,
        /** An amount in the reporting currency, to kopecks ({@code BigDecimal}). */
        MONEY,
        /** A fraction or a number of months, to four decimals ({@code BigDecimal}). */
        RATIO,
        /** A yes/no flag ({@code Boolean}). */
        FLAG,
        /** A code ({@code String}). */
        TEXT
    }

    /** One month of one channel: the dashboards' metrics, the retention figures of its clients, its leads' response. */
    public record Row(PeriodMetrics metrics, RetentionRow retention, ResponseRow response) {
    }

    /** A column's name, what its values are and how its value comes out of one month's row of one channel. */
    public record Column(String name, Kind kind, Function<Row, Object> value) {
        static Column of(String name, Kind kind, Function<PeriodMetrics, Object> value) {
            return new Column(name, kind, row -> value.apply(row.metrics()));
        }

        static Column ofRetention(String name, Kind kind, Function<RetentionRow, Object> value) {
            return new Column(name, kind, row -> value.apply(row.retention()));
        }

        static Column ofResponse(String name, Kind kind, Function<ResponseRow, Object> value) {
            return new Column(name, kind, row -> value.apply(row.response()));
        }
    }

    public static final List<Column> COLUMNS = List.of(
            Column.of("spend", Kind.MONEY, PeriodMetrics::spend),
            Column.of("leads", Kind.COUNT, PeriodMetrics::leads),
            Column.of("new_clients", Kind.COUNT, PeriodMetrics::newClients),
            Column.of("orders", Kind.COUNT, PeriodMetrics::orders),
            Column.of("revenue", Kind.MONEY, PeriodMetrics::revenue),
            Column.of("cpl", Kind.MONEY, row -> money(row.cpl())),
            Column.of("cac", Kind.MONEY, row -> money(row.cac())),
            Column.of("cpo", Kind.MONEY, row -> money(row.cpo())),
            Column.of("aov", Kind.MONEY, row -> money(row.aov())),
            Column.of("ltv", Kind.MONEY, row -> money(row.ltv())),
            Column.of("ltv_to_cac", Kind.RATIO, row -> ratio(row.ltvToCac())),
            Column.of("romi", Kind.RATIO, row -> ratio(row.romi())),
            Column.of("contribution_per_visit", Kind.MONEY, row -> money(row.contributionPerVisit())),
            Column.of("payback_months", Kind.RATIO, row -> ratio(row.paybackMonths())),
            Column.of("no_shows", Kind.COUNT, PeriodMetrics::noShows),
            Column.of("no_show_rate", Kind.RATIO, row -> ratio(row.noShowRate())),
            Column.of("revenue_lost_to_no_shows", Kind.MONEY, row -> money(row.revenueLostToNoShows())),
            Column.of("losing_money", Kind.FLAG, PeriodMetrics::losingMoney),
            Column.of("ltv_to_cac_below_3", Kind.FLAG, PeriodMetrics::ltvToCacBelowTarget),
            Column.of("losing_money_reason", Kind.TEXT, row -> row.losingMoneyReason().map(LosingMoney::code).orElse(null)),
            Column.of("unmarked_past_visits", Kind.COUNT, PeriodMetrics::unmarkedPastVisits),
            Column.of("orders_not_counted", Kind.COUNT, PeriodMetrics::ordersNotCounted),
            // Retention (docs/metrics.md "Retention"): the month's new clients' returning rates, days between
            // visits and observed LTV; active and lost clients at the month's end.
            Column.ofRetention("returning_rate", Kind.RATIO, row -> ratio(row.returningRate())),
            Column.ofRetention("second_visit_rate", Kind.RATIO, row -> ratio(row.secondVisitRate())),
            Column.ofRetention("visits_per_year", Kind.RATIO, row -> ratio(row.ordersPerYear())),
            Column.ofRetention("days_between_visits", Kind.RATIO, row -> ratio(row.daysBetweenVisits())),
            Column.ofRetention("active_clients", Kind.COUNT, RetentionRow::activeAtEnd),
            Column.ofRetention("lost_clients", Kind.COUNT, RetentionRow::lostAtEnd),
            Column.ofRetention("became_lost", Kind.COUNT, RetentionRow::becameLost),
            Column.ofRetention("retention_rate", Kind.RATIO, row -> ratio(row.retentionRate())),
            Column.ofRetention("observed_ltv", Kind.MONEY, row -> money(row.observedLtv())),
            // Response speed (docs/metrics.md "Response speed"): of the month's leads, those never answered, the
            // shares answered within 5 and 15 minutes, the average minutes to the first response, and the share
            // with a booked visit.
            Column.ofResponse("unanswered_leads", Kind.COUNT, ResponseRow::unanswered),
            Column.ofResponse("answered_in_5_min_share", Kind.RATIO, row -> ratio(row.within5Share())),
            Column.ofResponse("answered_in_15_min_share", Kind.RATIO, row -> ratio(row.within15Share())),
            Column.ofResponse("avg_response_minutes", Kind.RATIO, row -> ratio(row.averageMinutes())),
            Column.ofResponse("lead_to_booking_rate", Kind.RATIO, row -> ratio(row.leadToVisitConversion())));

    private final Period period;
    private final String currency;
    private final List<Row> rows;

    private MetricsTable(Period period, String currency, List<Row> rows) {
        this.period = period;
        this.currency = currency;
        this.rows = List.copyOf(rows);
    }

    public static MetricsTable of(MetricsEngine engine, RetentionEngine retention, ResponseSpeed response,
                                  Period period, String currency) {
        List<Row> rows = new ArrayList<>();
        for (YearMonth month : period.months()) {
            for (PeriodMetrics metrics : engine.byChannel(Period.month(month))) {
                rows.add(new Row(metrics, retention.row(Period.month(month), metrics.channel(), Optional.empty()),
                        response.row(Period.month(month), metrics.channel())));
            }
        }
        return new MetricsTable(period, currency, rows);
    }

    @Override
    public List<Row> rows() {
        return rows;
    }

    @Override
    public String currency() {
        return currency;
    }

    @Override
    public String csv() {
        StringBuilder csv = new StringBuilder("month,channel,currency");
        COLUMNS.forEach(column -> csv.append(',').append(column.name()));
        csv.append("\r\n");
        for (Row row : rows) {
            csv.append(row.metrics().period().from()).append(',').append(row.metrics().channel().orElseThrow())
                    .append(',')
                    .append(currency);
            for (Column column : COLUMNS) {
                Object value = column.value().apply(row);
                csv.append(',').append(value == null ? "" : text(value));
            }
            csv.append("\r\n");
        }
        return csv.toString();
    }

    @Override
    public String json() {
        ObjectNode body = JSON.createObjectNode().put("currency", currency)
                .put("from", period.from().toString()).put("to", period.to().toString());
        ArrayNode list = body.putArray("rows");
        for (Row row : rows) {
            ObjectNode item = list.addObject().put("month", row.metrics().period().from().toString())
                    .put("channel", row.metrics().channel().orElseThrow());
            for (Column column : COLUMNS) {
                switch (column.value().apply(row)) {
                    case null -> item.putNull(column.name());
                    case BigDecimal number -> item.put(column.name(), number);
                    case Long count -> item.put(column.name(), count);
                    case Boolean flag -> item.put(column.name(), flag);
                    case String text -> item.put(column.name(), text);
                    default -> throw new IllegalStateException("no JSON form for " + column.name());
                }
            }
        }
        return body.toString();
    }

    private static String text(Object value) {
        return value instanceof BigDecimal number ? number.toPlainString() : value.toString();
    }

    static BigDecimal money(MetricValue value) {
        return value.isDefined() ? value.value().setScale(MONEY_SCALE, RoundingMode.HALF_EVEN) : null;
    }

    static BigDecimal ratio(MetricValue value) {
        return value.isDefined() ? value.value().setScale(RATIO_SCALE, RoundingMode.HALF_EVEN) : null;
    }
}
