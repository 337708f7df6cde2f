package ru.unitecon.core.export;


import ru.unitecon.core.metrics.Period;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * A table the BI Builder connector offers, as BI Builder declares it: {@code code} is the table's external code
 * (what BI Builder sends as {@code table}), {@code datasetName} the portal-wide dataset name the app registers it
 * under, and each field has a BI name ({@code ^[A-Z][A-Z0-9_]*$}, at most 32 characters), an external code (the
 * header of the data answer) and one of BI Builder's types; {@code rows} reads the table of the months asked for.
 */
public record BiDataset<R>(String code, String title, String datasetName, String description, List<Field<R>> fields,
                           Rows<R> rows) {

    /** One column: its BI name, its external code, its BI Builder type and its value in one row of the table. */
    public record Field<R>(String name, String code, String type, BiFunction<ExportTable<R>, R, Object> value) {
    }

    /** Reads a portal's table of the months {@code choose} picks given its current month; empty when it picks none. */
    public interface Rows<R> {
        Optional<? extends ExportTable<R>> read(MetricsExport export, String memberId,
                                                Function<YearMonth, Optional<Period>> choose);
    }

    /**
     * One row per month and channel, the same rows as the BI export: MONTH (a date, the month's first day), CHANNEL,
     * CURRENCY, then every column of {@link MetricsTable#COLUMNS}. Amounts are {@code double}, not {@code money}:
     * every BI Builder version knows {@code double}, and {@code money} drops the currency anyway.
     */
    public static final BiDataset<MetricsTable.Row> MONTHLY_METRICS = new BiDataset<>("monthly_metrics",
            "Юнит-экономика по месяцам и каналам", "unitecon_monthly_metrics",
            "Лиды, клиенты, заказы, выручка, CAC, LTV, ROMI и неявки по месяцам и каналам",
            fields(MetricsTable.KEYS, MetricsTable.COLUMNS), MetricsExport::table);

    /**
     * One row per month and advertising campaign, the BI export's {@code level=campaign}: MONTH, CURRENCY, then every
     * column of {@link CampaignTable#COLUMNS}.
     */
    public static final BiDataset<CampaignTable.Row> CAMPAIGN_METRICS = new BiDataset<>("campaign_metrics",
            "Юнит-экономика по месяцам и рекламным кампаниям", "unitecon_campaign_metrics",
            "Расходы, лиды, новые клиенты, CAC, CPO, LTV:CAC по месяцам и кампаниям Директа и VK Рекламы",
            fields(CampaignTable.KEYS, CampaignTable.COLUMNS), MetricsExport::campaignTable);

    /**
     * One row per month, channel and hour of the day with leads, the BI export's {@code level=hour}: MONTH, CHANNEL,
     * HOUR, CURRENCY, then every column of {@link ResponseHourTable#COLUMNS}.
     */
    public static final BiDataset<ResponseHourTable.Row> RESPONSE_BY_HOUR = new BiDataset<>("response_by_hour",
            "Скорость ответа на лиды по часам", "unitecon_response_by_hour",
            "Лиды и ответы в первые 5 и 15 минут по месяцам, каналам и часам создания лида",
            fields(ResponseHourTable.KEYS, ResponseHourTable.COLUMNS), MetricsExport::responseHourTable);

    /** Every table the connector offers, in the order the table list shows them. */
    public static final List<BiDataset<?>> ALL = List.of(MONTHLY_METRICS, CAMPAIGN_METRICS, RESPONSE_BY_HOUR);

    private static final String DATE = "date";

    public static Optional<BiDataset<?>> byCode(String code) {
        return ALL.stream().filter(dataset -> dataset.code.equals(code)).findFirst();
    }

    /** The field with this BI name or external code; BI Builder sends one or the other. */
    public Optional<Field<R>> field(String nameOrCode) {
        return fields.stream().filter(field -> field.name.equalsIgnoreCase(nameOrCode)
                || field.code.equalsIgnoreCase(nameOrCode)).findFirst();
    }

    /** The field BI Builder puts its date range on: the first date field of the dataset. */
    public Field<R> dateField() {
        return fields.stream().filter(field -> field.type.equals(DATE)).findFirst().orElseThrow();
    }

    /** The key columns, CURRENCY, then the columns, each under its name in capitals. */
    private static <R> List<Field<R>> fields(List<ExportTable.Column<R>> keys, List<ExportTable.Column<R>> columns) {
        List<Field<R>> fields = new ArrayList<>();
        keys.forEach(key -> fields.add(field(key)));
        fields.add(new Field<>("CURRENCY", "currency", "string", (table, row) -> table.currency()));
        columns.forEach(column -> fields.add(field(column)));
        return List.copyOf(fields);
    }

    private static <R> Field<R> field(ExportTable.Column<R> column) {
        return new Field<>(column.name().toUpperCase(Locale.ROOT), column.name(), type(column.kind()),
                (table, row) -> cell(column.value().apply(row)));
    }

    private static String type(ExportTable.Kind kind) {
        return switch (kind) {
            case MONTH -> DATE;
            case COUNT, FLAG -> "int";
            case MONEY, RATIO -> "double";
            case TEXT -> "string";
        };
    }

    /** Flags as 1 and 0 (BI Builder has no boolean type), months as their first day. */
    private static Object cell(Object value) {
        return switch (value) {
            case Boolean flag -> flag ? 1 : 0;
            case YearMonth month -> month.atDay(1).toString();
            case null, default -> value;
        };
    }
}
