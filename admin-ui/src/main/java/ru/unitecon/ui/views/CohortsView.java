package ru.unitecon.ui.views;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.Route;
import ru.unitecon.core.metrics.CohortRow;
import ru.unitecon.core.metrics.MetricValue;
import ru.unitecon.core.metrics.Period;
import ru.unitecon.ui.chart.MonthlyChart;
import ru.unitecon.ui.data.DashboardData;
import ru.unitecon.ui.format.Figures;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Observed LTV of the clients acquired each month, after 1, 3, 6 and 12 months, against what they cost: the month
 * in which a cohort's cumulative margin per client first reached its CAC is its payback month, named in its own
 * column and marked on the LTV cells that have reached the CAC.
 */
@Route(value = "cohorts", layout = MainLayout.class)
@StyleSheet("context://styles/cohorts.css")
public class CohortsView extends DashboardView {
    /** Acquisition months shown: a year of cohorts, so the oldest has its 12-month LTV. */
    static final int COHORT_MONTHS = 13;
    static final String PAID_BACK = "paid-back";

    private final ChannelSelect channel = new ChannelSelect("cohort-channel", this::show);
    private final MonthlyChart chart = new MonthlyChart();
    private final Grid<CohortRow> table = new Grid<>();

    public CohortsView(DashboardData dashboards) {
        super(dashboards, "cohorts.title");
        chart.setId("cohort-chart");
        table.setId("cohort-table");
        table.setAllRowsVisible(true);
        table.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        Paragraph explained = new Paragraph(getTranslation("cohorts.explained"));
        explained.getStyle().set("color", "var(--lumo-secondary-text-color)").set("margin", "0");
        add(new H2(getTranslation("cohorts.title")), new HorizontalLayout(channel), explained, chart, table);
    }

    @Override
    protected void entered(BeforeEnterEvent event) {
        if (table.getColumns().isEmpty()) {
            addColumns();
        }
        Period months = acquisitionMonths();
        channel.offer(dashboards.loadCohorts(memberId(), months).engine().byChannel(months), Optional.empty());
        show();
    }

    private Period acquisitionMonths() {
        return Period.endingWith(currentMonth(), COHORT_MONTHS);
    }

    private void show() {
        Period months = acquisitionMonths();
        List<CohortRow> cohorts = dashboards.loadCohorts(memberId(), months).engine()
                .cohorts(months, channel.getValue(), currentMonth());
        List<String> labels = cohorts.stream().map(row -> figures().period(Period.month(row.acquisitionMonth())))
                .toList();
        chart.show(MonthlyChart.Kind.BAR, getTranslation("cohorts.title") + ": "
                        + ChannelNames.of(this, channel.getValue()), getLocale(),
                new MonthlyChart.ValueFormat.Money(settings().currency()), labels, List.of(
                        chart.series("cohorts.ltv1", MonthlyChart.Kind.BAR, cohorts, CohortRow::ltvAfter1Month),
                        chart.series("cohorts.ltv3", MonthlyChart.Kind.BAR, cohorts, CohortRow::ltvAfter3Months),
                        chart.series("cohorts.ltv6", MonthlyChart.Kind.BAR, cohorts, CohortRow::ltvAfter6Months),
                        chart.series("cohorts.ltv12", MonthlyChart.Kind.BAR, cohorts, CohortRow::ltvAfter12Months),
                        chart.series("metric.cac", MonthlyChart.Kind.LINE, cohorts, CohortRow::cac)));
        table.setItems(cohorts);
    }

    private void addColumns() {
        table.addColumn(row -> figures().period(Period.month(row.acquisitionMonth()))).setKey("month")
                .setHeader(getTranslation("cohorts.month")).setAutoWidth(true);
        table.addColumn(row -> figures().count(row.size())).setKey("size").setHeader(getTranslation("cohorts.size"))
                .setAutoWidth(true).setTextAlign(ColumnTextAlign.END);
        table.addColumn(row -> figures().money(row.cac())).setKey("cac").setHeader(getTranslation("metric.cac"))
                .setAutoWidth(true).setTextAlign(ColumnTextAlign.END);
        ltv("ltv1", CohortRow::ltvAfter1Month);
        ltv("ltv3", CohortRow::ltvAfter3Months);
        ltv("ltv6", CohortRow::ltvAfter6Months);
        ltv("ltv12", CohortRow::ltvAfter12Months);
        table.addColumn(this::payback).setKey("payback").setHeader(getTranslation("cohorts.payback"))
                .setAutoWidth(true).setPartNameGenerator(row -> row.paybackMonth().isPresent() ? PAID_BACK : null);
    }

    private void ltv(String key, Function<CohortRow, MetricValue> value) {
        table.addColumn(row -> figures().money(value.apply(row))).setKey(key)
                .setHeader(getTranslation("cohorts." + key)).setAutoWidth(true).setTextAlign(ColumnTextAlign.END)
                .setPartNameGenerator(row -> value.apply(row).isAtLeast(row.cac()) ? PAID_BACK : null);
    }

    /** The payback month in words: "in month 2", "not yet", or a dash when the cohort cost nothing to count. */
    private String payback(CohortRow row) {
        if (row.paybackMonth().isPresent()) {
            return getTranslation("cohorts.paybackIn", row.paybackMonth().getAsInt());
        }
        return row.cac().isDefined() ? getTranslation("cohorts.notYet") : Figures.UNDEFINED;
    }
}
