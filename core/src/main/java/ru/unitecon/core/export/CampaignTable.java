package ru.unitecon.core.export;

import ru.unitecon.core.metrics.CampaignMetrics;
import ru.unitecon.core.metrics.LosingMoney;
import ru.unitecon.core.metrics.Period;
import ru.unitecon.core.metrics.PeriodMetrics;

import java.util.ArrayList;
import java.util.List;

/**
 * Monthly metrics per advertising campaign as a flat table ({@code ?level=campaign} of the BI export, the
 * {@code campaign_metrics} table of the BI Builder connector): one row per month and campaign with spend, leads or
 * orders in it, written as {@link MetricsTable} writes the channels' (kopecks, four decimals, empty when undefined).
 */
public final class CampaignTable extends ExportTable<CampaignTable.Row> {
    /** One month of one campaign. */
    public record Row(CampaignMetrics.Row campaign) {
        public PeriodMetrics metrics() {
            return campaign.metrics();
        }
    }

    /** The month. */
    public static final List<Column<Row>> KEYS =
            List.of(new Column<>("month", Kind.MONTH, row -> row.metrics().period().from()));

    /** Who the campaign is, then its figures. */
    public static final List<Column<Row>> COLUMNS = List.of(
            new Column<>("platform", Kind.TEXT, row -> row.campaign().campaign().platform().code()),
            new Column<>("account", Kind.TEXT, row -> row.campaign().campaign().accountId()),
            new Column<>("campaign_id", Kind.TEXT, row -> row.campaign().campaign().campaignId()),
            new Column<>("campaign_name", Kind.TEXT, row -> row.campaign().name()),
            new Column<>("channel", Kind.TEXT, row -> row.campaign().channel()),
            new Column<>("spend", Kind.MONEY, row -> row.metrics().spend()),
            new Column<>("leads", Kind.COUNT, row -> row.metrics().leads()),
            new Column<>("new_clients", Kind.COUNT, row -> row.metrics().newClients()),
            new Column<>("orders", Kind.COUNT, row -> row.metrics().orders()),
            new Column<>("revenue", Kind.MONEY, row -> row.metrics().revenue()),
            new Column<>("cpl", Kind.MONEY, row -> MetricsTable.money(row.metrics().cpl())),
            new Column<>("cac", Kind.MONEY, row -> MetricsTable.money(row.metrics().cac())),
            new Column<>("cpo", Kind.MONEY, row -> MetricsTable.money(row.metrics().cpo())),
            new Column<>("aov", Kind.MONEY, row -> MetricsTable.money(row.metrics().aov())),
            new Column<>("ltv", Kind.MONEY, row -> MetricsTable.money(row.metrics().ltv())),
            new Column<>("ltv_to_cac", Kind.RATIO, row -> MetricsTable.ratio(row.metrics().ltvToCac())),
            new Column<>("losing_money", Kind.FLAG, row -> row.metrics().losingMoney()),
            new Column<>("ltv_to_cac_below_3", Kind.FLAG, row -> row.metrics().ltvToCacBelowTarget()),
            new Column<>("losing_money_reason", Kind.TEXT,
                    row -> row.metrics().losingMoneyReason().map(LosingMoney::code).orElse(null)));

    private CampaignTable(Period period, String currency, List<Row> rows) {
        super(period, currency, rows, KEYS, COLUMNS);
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
}
