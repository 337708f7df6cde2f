package ru.unitecon.ui.views;

import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.function.ValueProvider;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import ru.unitecon.core.attribution.Channel;
import ru.unitecon.core.metrics.MetricsEngine;
import ru.unitecon.core.metrics.Period;
import ru.unitecon.core.metrics.PeriodMetrics;
import ru.unitecon.ui.chart.MonthlyChart;
import ru.unitecon.ui.data.DashboardData;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * CAC, CPO, LTV and the no-show rate month by month, for the whole portal or one channel ({@code ?channel=vk}
 * preselects one). A month where a metric is undefined is a gap in the chart and a dash in the table.
 */
@Route(value = "trends", layout = MainLayout.class)
public class TrendsView extends DashboardView {
    public static final String CHANNEL_PARAMETER = "channel";
    private static final List<Integer> MONTH_CHOICES = List.of(6, 12, 24);
    private static final int DEFAULT_MONTHS = 12;

    private final ChannelSelect channel = new ChannelSelect("trend-channel", this::show);
    private final Select<Integer> months = new Select<>();
    private final MonthlyChart costs = new MonthlyChart();
    private final MonthlyChart noShows = new MonthlyChart();
    private final Paragraph noShowsMissing = new Paragraph();
    private final Grid<PeriodMetrics> table = new Grid<>();
    /** Set while the view itself sets the months select, so that entering shows the figures once. */
    private boolean updating;

    public TrendsView(DashboardData dashboards) {
        super(dashboards, "trends.title");
        months.setId("trend-months");
        months.setLabel(getTranslation("trends.months"));
        months.setItems(MONTH_CHOICES);
        months.setItemLabelGenerator(count -> getTranslation("trends.lastMonths", count));
        costs.setId("trend-costs");
        noShows.setId("trend-no-shows");
        noShows.setHeight("14rem");
        noShowsMissing.setId("trend-no-shows-missing");
        noShowsMissing.setText(getTranslation("trends.noShowsMissing"));
        noShowsMissing.getStyle().set("color", "var(--lumo-secondary-text-color)");
        table.setId("trend-table");
        table.setAllRowsVisible(true);
        table.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        HorizontalLayout controls = new HorizontalLayout(channel, months);
        add(new H2(getTranslation("trends.title")), controls, new H3(getTranslation("trends.costs")), costs,
                new H3(getTranslation("trends.noShows")), noShows, noShowsMissing, table);
        months.addValueChangeListener(event -> {
            if (!updating && event.getValue() != null) {
                choose(channel.getValue());
            }
        });
    }

    /** Where the channels table sends a click on a row. */
    public static QueryParameters forChannel(String code) {
        return QueryParameters.simple(Map.of(CHANNEL_PARAMETER, code));
    }

    @Override
    protected void entered(BeforeEnterEvent event) {
        if (table.getColumns().isEmpty()) {
            addColumns();
        }
        updating = true;
        months.setValue(DEFAULT_MONTHS);
        updating = false;
        // A code that cannot be a channel is ignored: the whole portal is shown.
        choose(event.getLocation().getQueryParameters().getSingleParameter(CHANNEL_PARAMETER)
                .filter(Channel::isValidCode));
    }

    /**
     * Offers the whole portal, every channel with figures in the months shown and the one asked for, chooses that
     * one and shows it.
     */
    private void choose(Optional<String> asked) {
        Period shown = Period.endingWith(currentMonth(), months.getValue());
        channel.offer(dashboards.load(memberId(), shown).engine().byChannel(shown), asked);
        show();
    }

    private void show() {
        Period shown = Period.endingWith(currentMonth(), months.getValue());
        MetricsEngine engine = dashboards.load(memberId(), shown).engine();
        List<PeriodMetrics> trend = engine.trend(shown, channel.getValue());
        List<String> labels = trend.stream().map(month -> figures().period(month.period())).toList();
        String name = ChannelNames.of(this, channel.getValue());
        costs.show(MonthlyChart.Kind.LINE, getTranslation("trends.costs") + ": " + name, getLocale(),
                new MonthlyChart.ValueFormat.Money(settings().currency()), labels, List.of(
                        costs.series("metric.cac", MonthlyChart.Kind.LINE, trend, PeriodMetrics::cac),
                        costs.series("metric.cpo", MonthlyChart.Kind.LINE, trend, PeriodMetrics::cpo),
                        costs.series("metric.ltv", MonthlyChart.Kind.LINE, trend, PeriodMetrics::ltv)));
        boolean anyNoShowRate = trend.stream().anyMatch(month -> month.noShowRate().isDefined());
        noShows.setVisible(anyNoShowRate);
        noShowsMissing.setVisible(!anyNoShowRate);
        noShows.show(MonthlyChart.Kind.BAR, getTranslation("trends.noShows") + ": " + name, getLocale(),
                new MonthlyChart.ValueFormat.Percent(), labels, List.of(
                        noShows.series("metric.noShowRate", MonthlyChart.Kind.BAR, trend,
                                PeriodMetrics::noShowRate)));
        table.setItems(trend);
    }

    private void addColumns() {
        table.addColumn(row -> figures().period(row.period())).setKey("month").setHeader(getTranslation("trends.month"))
                .setAutoWidth(true);
        column("spend", row -> figures().money(row.spend()));
        column("newClients", row -> figures().count(row.newClients()));
        column("orders", row -> figures().count(row.orders()));
        column("cac", row -> figures().money(row.cac()));
        column("cpo", row -> figures().money(row.cpo()));
        column("ltv", row -> figures().money(row.ltv()));
        column("noShowRate", row -> figures().percent(row.noShowRate()));
    }

    private void column(String metric, ValueProvider<PeriodMetrics, String> text) {
        table.addColumn(text).setKey(metric).setHeader(getTranslation("metric." + metric)).setAutoWidth(true)
                .setTextAlign(ColumnTextAlign.END);
    }
}
