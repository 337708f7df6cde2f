package ru.unitecon.ui.views;

import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.function.ValueProvider;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.Route;
import ru.unitecon.core.metrics.MetricValue;
import ru.unitecon.core.metrics.Period;
import ru.unitecon.core.metrics.PeriodMetrics;
import ru.unitecon.ui.data.PeriodChoices;
import ru.unitecon.ui.data.DashboardData;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * One row per acquisition channel, with the stop-channel flag and the LTV:CAC warning written out. Opens on the
 * period a link names ({@code ?from=2026-02&to=2026-02}, as the overview's actions link), else the current month.
 */
@Route(value = "channels", layout = MainLayout.class)
public class ChannelsView extends DashboardView {
    /** Undefined values sort after the defined ones (ascending), before them when the order is reversed. */
    private static final Comparator<MetricValue> UNDEFINED_LAST =
            Comparator.comparing(value -> value.isDefined() ? value.value() : null,
                    Comparator.nullsLast(Comparator.<BigDecimal>naturalOrder()));

    /**
     * Each figure's width, enough for its Russian header's longest word and the sort arrows: measured widths cut
     * the headers short ("Расхо…") and pushed the last columns out of a frame 1 600 pixels wide.
     */
    private static final Map<String, String> WIDTHS = Map.ofEntries(Map.entry("spend", "7rem"),
            Map.entry("leads", "5.75rem"), Map.entry("cpl", "6rem"), Map.entry("newClients", "7rem"),
            Map.entry("cac", "6rem"), Map.entry("aov", "7.25rem"), Map.entry("ltv", "6rem"),
            Map.entry("ltvToCac", "7rem"), Map.entry("contribution", "6.5rem"), Map.entry("payback", "9.25rem"),
            Map.entry("noShowRate", "6.5rem"));

    private final Grid<PeriodMetrics> grid = new Grid<>();
    private final Paragraph empty = new Paragraph();
    private final PeriodPicker picker = new PeriodPicker(this::show);

    public ChannelsView(DashboardData dashboards) {
        super(dashboards, "channels.title");
        grid.setId("channels");
        grid.setAllRowsVisible(true);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addItemClickListener(click -> click.getSource().getUI().ifPresent(ui -> ui.navigate(TrendsView.class,
                TrendsView.forChannel(click.getItem().channel().orElseThrow()))));
        grid.getStyle().set("cursor", "pointer");
        Paragraph hint = new Paragraph(getTranslation("channels.clickForTrend"));
        hint.getStyle().set("color", "var(--lumo-secondary-text-color)").set("margin", "0");
        empty.setId("channels-empty");
        empty.setText(getTranslation("channels.empty"));
        add(new H2(getTranslation("channels.title")), picker, hint, grid, empty);
    }

    @Override
    protected void entered(BeforeEnterEvent event) {
        if (grid.getColumns().isEmpty()) {
            addColumns();
        }
        picker.start(currentMonth(), figures(), PeriodChoices.fromQuery(
                event.getLocation().getQueryParameters().getParameters(), currentMonth())
                .orElse(Period.month(currentMonth())));
    }

    private void addColumns() {
        grid.addColumn(row -> ChannelNames.of(this, row.channel().orElseThrow())).setKey("channel")
                .setHeader(getTranslation("channels.channel")).setSortable(true).setWidth("10rem").setFlexGrow(0)
                .setFrozen(true);
        // Right after the channel, so that a wide table never scrolls the warning out of sight.
        grid.addColumn(this::flags).setKey("flags").setHeader(getTranslation("channels.flags")).setWidth("11rem")
                .setFlexGrow(0);
        amount("spend", PeriodMetrics::spend);
        count("leads", PeriodMetrics::leads);
        metric("cpl", PeriodMetrics::cpl, figures()::money);
        count("newClients", PeriodMetrics::newClients);
        metric("cac", PeriodMetrics::cac, figures()::money);
        metric("aov", PeriodMetrics::aov, figures()::money);
        metric("ltv", PeriodMetrics::ltv, figures()::money);
        metric("ltvToCac", PeriodMetrics::ltvToCac, figures()::decimal);
        metric("contribution", PeriodMetrics::contributionPerVisit, figures()::money);
        metric("payback", PeriodMetrics::paybackMonths, figures()::decimal);
        numeric("noShowRate", this::noShowRate, Comparator.comparing(PeriodMetrics::noShowRate, UNDEFINED_LAST));
    }

    /** The rate, and beside it the past visits nobody marked, which the rate counts as due. */
    private String noShowRate(PeriodMetrics row) {
        String rate = figures().percent(row.noShowRate());
        return row.unmarkedPastVisits() == 0 ? rate
                : getTranslation("channels.noShowUnmarked", rate, figures().count(row.unmarkedPastVisits()));
    }

    private void show(Period period) {
        List<PeriodMetrics> rows = dashboards.load(memberId(), period).engine().byChannel(period);
        grid.setItems(rows);
        grid.setVisible(!rows.isEmpty());
        empty.setVisible(rows.isEmpty());
    }

    /** The warnings in words, so they read the same on screen, in a screenshot and to a screen reader. */
    private String flags(PeriodMetrics row) {
        List<String> flags = new ArrayList<>();
        row.losingMoneyReason().ifPresent(reason ->
                flags.add("⚠ " + getTranslation("channels.losingMoney." + reason.name())));
        if (row.ltvToCacBelowTarget()) {
            flags.add("⚠ " + getTranslation("channels.belowTarget"));
        }
        return String.join("; ", flags);
    }

    private void amount(String key, ValueProvider<PeriodMetrics, BigDecimal> amount) {
        numeric(key, row -> figures().money(amount.apply(row)), Comparator.comparing(amount::apply));
    }

    private void count(String key, ValueProvider<PeriodMetrics, Long> count) {
        numeric(key, row -> figures().count(count.apply(row)), Comparator.comparing(count::apply));
    }

    private void metric(String key, Function<PeriodMetrics, MetricValue> value, Function<MetricValue, String> shown) {
        numeric(key, row -> shown.apply(value.apply(row)), Comparator.comparing(value, UNDEFINED_LAST));
    }

    private void numeric(String key, ValueProvider<PeriodMetrics, String> text, Comparator<PeriodMetrics> order) {
        grid.addColumn(text).setKey(key).setHeader(getTranslation("channels." + key)).setComparator(order)
                .setSortable(true).setWidth(WIDTHS.get(key)).setFlexGrow(1).setTextAlign(ColumnTextAlign.END);
    }
}
