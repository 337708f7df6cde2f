package ru.unitecon.core.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import ru.unitecon.core.metrics.CampaignMetrics;
import ru.unitecon.core.metrics.LosingMoney;
import ru.unitecon.core.metrics.Period;
import ru.unitecon.core.metrics.PeriodMetrics;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Monthly metrics per advertising campaign as a flat table ({@code ?level=campaign} of the BI export, the
 * {@code campaign_metrics} table of the BI Builder connector): one row per month and campaign with spend, leads or
 * orders in it, written as {@link MetricsTable} writes the channels' (kopecks, four decimals, empty when undefined).
 */
public final class CampaignTable implements ExportTable<CampaignTable.Row> {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One month of one campaign. */
    public record Row(CampaignMetrics.Row campaign) {
        public PeriodMetrics metrics() {
            return campaign.metrics();
        }
    }

    /** A column's name, what its values are and how its value comes out of one row. */
    public record Column(String name, MetricsTable.Kind kind, Function<Row, Object> value) {
    }

    /** Who the campaign is, then its figures. */
    public static final List<Column> COLUMNS = List.of(
            new Column("platform", MetricsTable.Kind.TEXT, row -> row.campaign().campaign().platform().code()),
            new Column("account", MetricsTable.Kind.TEXT, row -> row.campaign().campaign().accountId()),
            new Column("campaign_id", MetricsTable.Kind.TEXT, row -> row.campaign().campaign().campaignId()),
            new Column("campaign_name", MetricsTable.Kind.TEXT, row -> row.campaign().name()),
            new Column("channel", MetricsTable.Kind.TEXT, row -> row.campaign().channel()),
            new Column("spend", MetricsTable.Kind.MONEY, row -> row.metrics().spend()),
            new Column("leads", MetricsTable.Kind.COUNT, row -> row.metrics().leads()),
            new Column("new_clients", MetricsTable.Kind.COUNT, row -> row.metrics().newClients()),
            new Column("orders", MetricsTable.Kind.COUNT, row -> row.metrics().orders()),
            new Column("revenue", MetricsTable.Kind.MONEY, row -> row.metrics().revenue()),
            new Column("cpl", MetricsTable.Kind.MONEY, row -> MetricsTable.money(row.metrics().cpl())),
            new Column("cac", MetricsTable.Kind.MONEY, row -> MetricsTable.money(row.metrics().cac())),
            new Column("cpo", MetricsTable.Kind.MONEY, row -> MetricsTable.money(row.metrics().cpo())),
            new Column("aov", MetricsTable.Kind.MONEY, row -> MetricsTable.money(row.metrics().aov())),
            new Column("ltv", MetricsTable.Kind.MONEY, row -> MetricsTable.money(row.metrics().ltv())),
            new Column("ltv_to_cac", MetricsTable.Kind.RATIO, row -> MetricsTable.ratio(row.metrics().ltvToCac())),
            new Column("losing_money", MetricsTable.Kind.FLAG, row -> row.metrics().losingMoney()),
            new Column("ltv_to_cac_below_3", MetricsTable.Kind.FLAG, row -> row.metrics().ltvToCacBelowTarget()),
            new Column("losing_money_reason", MetricsTable.Kind.TEXT,
                    row -> row.metrics().losingMoneyReason().map(LosingMoney::code).orElse(null)));

    private final Period period;
    private final String currency;
    private final List<Row> rows;

    private CampaignTable(Period period, String currency, List<Row> rows) {
        this.period = period;
        this.currency = currency;
        this.rows = List.copyOf(rows);
    }

    /** @param months one report per month of the period, in order */
    public static CampaignTable of(List<CampaignMetrics.Report> months, Period period, String currency) {
        List<Row> rows = new ArrayList<>();
        for (CampaignMetrics.Report month : months) {
            month.campaigns().stream()
                    .filter(row -> row.metrics().spend().signum() != 0 || row.metrics().leads() != 0
                            || row.metrics().orders() != 0)
                    .forEach(row -> rows.add(new Row(row)));
        }
        return new CampaignTable(period, currency, rows);
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
        StringBuilder csv = new StringBuilder("month,currency");
        COLUMNS.forEach(column -> csv.append(',').append(column.name()));
        csv.append("\r\n");
        for (Row row : rows) {
            csv.append(row.metrics().period().from()).append(',').append(currency);
            for (Column column : COLUMNS) {
                Object value = column.value().apply(row);
                csv.append(',').append(value == null ? "" : quoted(value));
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
            ObjectNode item = list.addObject().put("month", row.metrics().period().from().toString());
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

    /** Campaign names are free text: quoted as RFC 4180 asks when they hold a comma, a quote or a line break. */
    private static String quoted(Object value) {
        String text = value instanceof BigDecimal number ? number.toPlainString() : value.toString();
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
