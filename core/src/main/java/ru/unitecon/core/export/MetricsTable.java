package ru.unitecon.core.export;

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
public final class MetricsTable extends ExportTable<MetricsTable.Row> {
    private static final int MONEY_SCALE = 2;
    private static final int RATIO_SCALE = 4;

    /** One month of one channel: the dashboards' metrics, the retention figures of its clients, its leads' response. */
    public record Row(PeriodMetrics metrics, RetentionRow retention, ResponseRow response) {
    }

    /** The month and the channel. */
    public static final List<Column<Row>> KEYS = List.of(
            new Column<>("month", Kind.MONTH, row -> row.metrics().period().from()),
            new Column<>("channel", Kind.TEXT, row -> row.metrics().channel().orElseThrow()));

    public static final List<Column<Row>> COLUMNS = List.of(
            of("spend", Kind.MONEY, PeriodMetrics::spend),
            of("leads", Kind.COUNT, PeriodMetrics::leads),
            of("new_clients", Kind.COUNT, PeriodMetrics::newClients),
            of("orders", Kind.COUNT, PeriodMetrics::orders),
            of("revenue", Kind.MONEY, PeriodMetrics::revenue),
            of("cpl", Kind.MONEY, row -> money(row.cpl())),
            of("cac", Kind.MONEY, row -> money(row.cac())),
            of("cpo", Kind.MONEY, row -> money(row.cpo())),
            of("aov", Kind.MONEY, row -> money(row.aov())),
            of("ltv", Kind.MONEY, row -> money(row.ltv())),
            of("ltv_to_cac", Kind.RATIO, row -> ratio(row.ltvToCac())),
            of("romi", Kind.RATIO, row -> ratio(row.romi())),
            of("contribution_per_visit", Kind.MONEY, row -> money(row.contributionPerVisit())),
            of("payback_months", Kind.RATIO, row -> ratio(row.paybackMonths())),
            of("no_shows", Kind.COUNT, PeriodMetrics::noShows),
            of("no_show_rate", Kind.RATIO, row -> ratio(row.noShowRate())),
            of("revenue_lost_to_no_shows", Kind.MONEY, row -> money(row.revenueLostToNoShows())),
            of("losing_money", Kind.FLAG, PeriodMetrics::losingMoney),
            of("ltv_to_cac_below_3", Kind.FLAG, PeriodMetrics::ltvToCacBelowTarget),
            of("losing_money_reason", Kind.TEXT, row -> row.losingMoneyReason().map(LosingMoney::code).orElse(null)),
            of("unmarked_past_visits", Kind.COUNT, PeriodMetrics::unmarkedPastVisits),
            of("orders_not_counted", Kind.COUNT, PeriodMetrics::ordersNotCounted),
            // Retention (docs/metrics.md "Retention"): the month's new clients' returning rates, days between
            // visits and observed LTV; active and lost clients at the month's end.
            ofRetention("returning_rate", Kind.RATIO, row -> ratio(row.returningRate())),
            ofRetention("second_visit_rate", Kind.RATIO, row -> ratio(row.secondVisitRate())),
            ofRetention("visits_per_year", Kind.RATIO, row -> ratio(row.ordersPerYear())),
            ofRetention("days_between_visits", Kind.RATIO, row -> ratio(row.daysBetweenVisits())),
            ofRetention("active_clients", Kind.COUNT, RetentionRow::activeAtEnd),
            ofRetention("lost_clients", Kind.COUNT, RetentionRow::lostAtEnd),
            ofRetention("became_lost", Kind.COUNT, RetentionRow::becameLost),
            ofRetention("retention_rate", Kind.RATIO, row -> ratio(row.retentionRate())),
            ofRetention("observed_ltv", Kind.MONEY, row -> money(row.observedLtv())),
            // Response speed (docs/metrics.md "Response speed"): of the month's leads, those never answered, the
            // shares answered within 5 and 15 minutes, the average minutes to the first response, and the share
            // with a booked visit.
            ofResponse("unanswered_leads", Kind.COUNT, ResponseRow::unanswered),
            ofResponse("answered_in_5_min_share", Kind.RATIO, row -> ratio(row.within5Share())),
            ofResponse("answered_in_15_min_share", Kind.RATIO, row -> ratio(row.within15Share())),
            ofResponse("avg_response_minutes", Kind.RATIO, row -> ratio(row.averageMinutes())),
            ofResponse("lead_to_booking_rate", Kind.RATIO, row -> ratio(row.leadToVisitConversion())));

    private MetricsTable(Period period, String currency, List<Row> rows) {
        super(period, currency, rows, KEYS, COLUMNS);
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

    private static Column<Row> of(String name, Kind kind, Function<PeriodMetrics, Object> value) {
        return new Column<>(name, kind, row -> value.apply(row.metrics()));
    }

    private static Column<Row> ofRetention(String name, Kind kind, Function<RetentionRow, Object> value) {
        return new Column<>(name, kind, row -> value.apply(row.retention()));
    }

    private static Column<Row> ofResponse(String name, Kind kind, Function<ResponseRow, Object> value) {
        return new Column<>(name, kind, row -> value.apply(row.response()));
    }

    static BigDecimal money(MetricValue value) {
        return value.isDefined() ? value.value().setScale(MONEY_SCALE, RoundingMode.HALF_EVEN) : null;
    }

    static BigDecimal ratio(MetricValue value) {
        return value.isDefined() ? value.value().setScale(RATIO_SCALE, RoundingMode.HALF_EVEN) : null;
    }
}
