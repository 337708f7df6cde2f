package ru.unitecon.core.export;


import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * A table the BI Builder connector offers, as BI Builder declares it: {@code code} is the table's external code
 * (what BI Builder sends as {@code table}), {@code datasetName} the portal-wide dataset name the app registers it
 * under, and each field has a BI name ({@code ^[A-Z][A-Z0-9_]*$}, at most 32 characters), an external code (the
 * header of the data answer) and one of BI Builder's types.
 */
public record BiDataset(String code, String title, String datasetName, String description, List<Field> fields) {

    /** One column: its BI name, its external code, its BI Builder type and its value in one row of the table. */
    public record Field(String name, String code, String type, BiFunction<MetricsTable, MetricsTable.Row, Object> value) {
    }

    /**
     * One row per month and channel, the same rows as the BI export: MONTH (the month's first day), CHANNEL,
     * CURRENCY, then every column of {@link MetricsTable#COLUMNS}. Amounts are {@code double}, not {@code money}:
     * every BI Builder version knows {@code double}, and {@code money} drops the currency anyway.
     */
    public static final BiDataset MONTHLY_METRICS = new BiDataset("monthly_metrics",
            "Юнит-экономика по месяцам и каналам", "unitecon_monthly_metrics",
            "Лиды, клиенты, заказы, выручка, CAC, LTV, ROMI и неявки по месяцам и каналам", monthlyFields());

    /** Every table the connector offers, in the order the table list shows them. */
    public static final List<BiDataset> ALL = List.of(MONTHLY_METRICS);

    private static final String DATE = "date";

    public static Optional<BiDataset> byCode(String code) {
        return ALL.stream().filter(dataset -> dataset.code.equals(code)).findFirst();
    }

    /** The field with this BI name or external code; BI Builder sends one or the other. */
    public Optional<Field> field(String nameOrCode) {
        return fields.stream().filter(field -> field.name.equalsIgnoreCase(nameOrCode)
                || field.code.equalsIgnoreCase(nameOrCode)).findFirst();
    }

    /** The field BI Builder puts its date range on: the first date field of the dataset. */
    public Field dateField() {
        return fields.stream().filter(field -> field.type.equals(DATE)).findFirst().orElseThrow();
    }

    private static List<Field> monthlyFields() {
        List<Field> fields = new ArrayList<>();
        fields.add(new Field("MONTH", "month", DATE, (table, row) -> row.metrics().period().from().atDay(1)
                .toString()));
        fields.add(new Field("CHANNEL", "channel", "string", (table, row) -> row.metrics().channel().orElseThrow()));
        fields.add(new Field("CURRENCY", "currency", "string", (table, row) -> table.currency()));
        for (MetricsTable.Column column : MetricsTable.COLUMNS) {
            fields.add(new Field(column.name().toUpperCase(Locale.ROOT), column.name(), type(column.kind()),
                    (table, row) -> cell(column.value().apply(row))));
        }
        return List.copyOf(fields);
    }

    private static String type(MetricsTable.Kind kind) {
        return switch (kind) {
            case COUNT, FLAG -> "int";
            case MONEY, RATIO -> "double";
            case TEXT -> "string";
        };
    }

    /** Flags as 1 and 0: BI Builder has no boolean type. */
    private static Object cell(Object value) {
        return value instanceof Boolean flag ? (flag ? 1 : 0) : value;
    }
}
