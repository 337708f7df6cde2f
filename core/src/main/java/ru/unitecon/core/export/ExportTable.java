package ru.unitecon.core.export;

import ru.unitecon.core.metrics.Period;

import java.util.List;
import java.util.function.Function;

/**
 * A table the BI export writes and the BI Builder connector serves: the channels' monthly metrics, the campaigns' or
 * the response speed by hour. Its key columns say whose row it is (the month first), its columns hold the figures;
 * every table is written the same way ({@link TableText}).
 */
public abstract class ExportTable<R> {
    /** What a column's values are, for consumers that declare a type per column (BI Builder's datasets). */
    public enum Kind {
        /** A month ({@code YearMonth}); to BI Builder a date, the month's first day. */
        MONTH,
        /** A whole number ({@code Long}). */
        COUNT,
        /** An amount in the reporting currency, to kopecks ({@code BigDecimal}). */
        MONEY,
        /** A fraction or a number of months, to four decimals ({@code BigDecimal}). */
        RATIO,
        /** A yes/no flag ({@code Boolean}). */
        FLAG,
        /** A code or a name ({@code String}). */
        TEXT
    }

    /** A column's name, what its values are and how its value comes out of one row; a null value is "undefined". */
    public record Column<R>(String name, Kind kind, Function<R, Object> value) {
    }

    private final Period period;
    private final String currency;
    private final List<R> rows;
    private final List<Column<R>> keys;
    private final List<Column<R>> columns;

    ExportTable(Period period, String currency, List<R> rows, List<Column<R>> keys, List<Column<R>> columns) {
        this.period = period;
        this.currency = currency;
        this.rows = List.copyOf(rows);
        this.keys = keys;
        this.columns = columns;
    }

    /** The reporting currency every amount is in. */
    public final String currency() {
        return currency;
    }

    /** The months the table covers. */
    public final Period period() {
        return period;
    }

    public final List<R> rows() {
        return rows;
    }

    /** The columns that say whose row it is, the month first; CSV puts the currency after them. */
    public final List<Column<R>> keys() {
        return keys;
    }

    /** The figures. */
    public final List<Column<R>> columns() {
        return columns;
    }

    /** Comma-separated, dot decimals, UTF-8 without a byte-order mark: what IMPORTDATA and Looker Studio read. */
    public final String csv() {
        return TableText.csv(this);
    }

    /** {@code {"currency", "from", "to", "rows": [{key columns, columns}]}}. */
    public final String json() {
        return TableText.json(this);
    }
}
