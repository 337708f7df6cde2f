package ru.unitecon.core.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import ru.unitecon.core.metrics.LosingMoney;
import ru.unitecon.core.metrics.MetricValue;
import ru.unitecon.core.metrics.MetricsEngine;
import ru.unitecon.core.metrics.Period;
import ru.unitecon.core.metrics.PeriodMetrics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Monthly metrics per channel as a flat table, one row per month and channel with any counter or spend. Money is
 * rounded to kopecks, ratios and rates (fractions, 0.153 = 15.3 %) to four decimals; a metric with nothing to
 * divide by is an empty CSV cell and a JSON null, never 0. Money is in the reporting currency; orders in a currency
 * the portal gives no rate for are not in orders or revenue but in {@code orders_not_counted}.
 */
public final class MetricsTable {
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

    /** A column's name, what its values are and how its value comes out of one month's metrics of one channel. */
    public record Column(String name, Kind kind, Function<PeriodMetrics, Object> value) {
    }

    public static final List<Column> COLUMNS = List.of(
            new Column("spend", Kind.MONEY, PeriodMetrics::spend),
            new Column("leads", Kind.COUNT, PeriodMetrics::leads),
            new Column("new_clients", Kind.COUNT, PeriodMetrics::newClients),
            new Column("orders", Kind.COUNT, PeriodMetrics::orders),
            new Column("revenue", Kind.MONEY, PeriodMetrics::revenue),
            new Column("cpl", Kind.MONEY, row -> money(row.cpl())),
            new Column("cac", Kind.MONEY, row -> money(row.cac())),
            new Column("cpo", Kind.MONEY, row -> money(row.cpo())),
            new Column("aov", Kind.MONEY, row -> money(row.aov())),
            new Column("ltv", Kind.MONEY, row -> money(row.ltv())),
            new Column("ltv_to_cac", Kind.RATIO, row -> ratio(row.ltvToCac())),
            new Column("romi", Kind.RATIO, row -> ratio(row.romi())),
            new Column("contribution_per_visit", Kind.MONEY, row -> money(row.contributionPerVisit())),
            new Column("payback_months", Kind.RATIO, row -> ratio(row.paybackMonths())),
            new Column("no_shows", Kind.COUNT, PeriodMetrics::noShows),
            new Column("no_show_rate", Kind.RATIO, row -> ratio(row.noShowRate())),
            new Column("revenue_lost_to_no_shows", Kind.MONEY, row -> money(row.revenueLostToNoShows())),
            new Column("losing_money", Kind.FLAG, PeriodMetrics::losingMoney),
            new Column("ltv_to_cac_below_3", Kind.FLAG, PeriodMetrics::ltvToCacBelowTarget),
            new Column("losing_money_reason", Kind.TEXT, row -> row.losingMoneyReason().map(LosingMoney::code).orElse(null)),
            new Column("unmarked_past_visits", Kind.COUNT, PeriodMetrics::unmarkedPastVisits),
            new Column("orders_not_counted", Kind.COUNT, PeriodMetrics::ordersNotCounted));

    private final Period period;
    private final String currency;
    private final List<PeriodMetrics> rows;

    private MetricsTable(Period period, String currency, List<PeriodMetrics> rows) {
        this.period = period;
        this.currency = currency;
        this.rows = List.copyOf(rows);
    }

    public static MetricsTable of(MetricsEngine engine, Period period, String currency) {
        List<PeriodMetrics> rows = new ArrayList<>();
        for (YearMonth month : period.months()) {
            rows.addAll(engine.byChannel(Period.month(month)));
        }
        return new MetricsTable(period, currency, rows);
    }

    public List<PeriodMetrics> rows() {
        return rows;
    }

    /** The reporting currency every amount is in. */
    public String currency() {
        return currency;
    }

    /** Comma-separated, dot decimals, UTF-8 without a byte-order mark: what IMPORTDATA and Looker Studio read. */
    public String csv() {
        StringBuilder csv = new StringBuilder("month,channel,currency");
        COLUMNS.forEach(column -> csv.append(',').append(column.name()));
        csv.append("\r\n");
        for (PeriodMetrics row : rows) {
            csv.append(row.period().from()).append(',').append(row.channel().orElseThrow()).append(',')
                    .append(currency);
            for (Column column : COLUMNS) {
                Object value = column.value().apply(row);
                csv.append(',').append(value == null ? "" : text(value));
            }
            csv.append("\r\n");
        }
        return csv.toString();
    }

    public String json() {
        ObjectNode body = JSON.createObjectNode().put("currency", currency)
                .put("from", period.from().toString()).put("to", period.to().toString());
        ArrayNode list = body.putArray("rows");
        for (PeriodMetrics row : rows) {
            ObjectNode item = list.addObject().put("month", row.period().from().toString())
                    .put("channel", row.channel().orElseThrow());
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
