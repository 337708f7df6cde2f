package ru.unitecon.core.export;

import ru.unitecon.core.metrics.Period;
import ru.unitecon.core.metrics.ResponseRow;
import ru.unitecon.core.metrics.ResponseSpeed;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * Response speed by the hour of the day leads came, per month and channel ({@code ?level=hour} of the BI export, the
 * {@code response_by_hour} table of the BI Builder connector): one row per month, channel and hour (0–23, the
 * portal's zone) with any lead in it. The counts are there beside the shares, so a BI tool can add hours or channels
 * up and divide again rather than average shares. The table holds no amounts; its currency column is there as in
 * every table of the export.
 */
public final class ResponseHourTable extends ExportTable<ResponseHourTable.Row> {
    /** One hour of the day of one month of one channel. */
    public record Row(YearMonth month, ResponseRow response) {
    }

    /** The month, the channel and the hour the leads were created in. */
    public static final List<Column<Row>> KEYS = List.of(
            new Column<>("month", Kind.MONTH, Row::month),
            new Column<>("channel", Kind.TEXT, row -> row.response().channel().orElseThrow()),
            new Column<>("hour", Kind.COUNT, row -> (long) row.response().hour().orElseThrow()));

    /** Docs/metrics.md "Response speed": leads, answered within 5 and 15 minutes, and those as shares of the leads. */
    public static final List<Column<Row>> COLUMNS = List.of(
            new Column<>("leads", Kind.COUNT, row -> row.response().leads()),
            new Column<>("answered_in_5_min", Kind.COUNT, row -> row.response().answeredIn5()),
            new Column<>("answered_in_15_min", Kind.COUNT, row -> row.response().answeredIn15()),
            new Column<>("answered_in_5_min_share", Kind.RATIO,
                    row -> MetricsTable.ratio(row.response().within5Share())),
            new Column<>("answered_in_15_min_share", Kind.RATIO,
                    row -> MetricsTable.ratio(row.response().within15Share())));

    private ResponseHourTable(Period period, String currency, List<Row> rows) {
        super(period, currency, rows, KEYS, COLUMNS);
    }

    /** Months in order, channels by their leads as the response section orders them, hours from 0. */
    public static ResponseHourTable of(ResponseSpeed speed, Period period, String currency) {
        List<Row> rows = new ArrayList<>();
        for (YearMonth month : period.months()) {
            for (ResponseRow channel : speed.byChannel(Period.month(month))) {
                speed.byHour(Period.month(month), channel.channel()).stream()
                        .filter(hour -> hour.leads() > 0)
                        .forEach(hour -> rows.add(new Row(month, hour)));
            }
        }
        return new ResponseHourTable(period, currency, rows);
    }
}
