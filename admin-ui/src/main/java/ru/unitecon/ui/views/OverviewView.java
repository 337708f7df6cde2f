package ru.unitecon.ui.views;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import ru.unitecon.core.metrics.Action;
import ru.unitecon.core.metrics.Change;
import ru.unitecon.core.metrics.MetricValue;
import ru.unitecon.core.metrics.Period;
import ru.unitecon.core.metrics.PeriodComparison;
import ru.unitecon.core.metrics.PeriodMetrics;
import ru.unitecon.ui.data.Dashboard;
import ru.unitecon.ui.data.PeriodChoices;
import ru.unitecon.ui.data.DashboardData;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What to do first: the three actions worth the most money in the period, each with its sum and a link to where it
 * is fixed. Then the portal's unit economics, each figure next to its change against the previous period, with the
 * channels losing money named and why, what the no-show rate counts, and the orders left out for want of a rate.
 * Opens on the last complete month with data, not on the few days of the current one.
 */
@Route(value = "", layout = MainLayout.class)
public class OverviewView extends DashboardView {
    private final PeriodPicker picker = new PeriodPicker(this::show);
    private final FlexLayout tiles = new FlexLayout();
    private final H3 actionsTitle = new H3();
    private final Div actions = new Div();
    private final Paragraph losingMoney = new Paragraph();
    private final Paragraph noShowBasis = new Paragraph();
    private final Paragraph ordersNotCounted = new Paragraph();
    private final Paragraph unknownSource = new Paragraph();
    private final Paragraph dataAsOf = new Paragraph();

    public OverviewView(DashboardData dashboards) {
        super(dashboards, "overview.title");
        tiles.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        tiles.getStyle().set("gap", "var(--lumo-space-m)");
        tiles.setWidthFull();
        losingMoney.setId("losing-money");
        losingMoney.getStyle().set("color", "var(--lumo-error-text-color)").set("font-weight", "600");
        noShowBasis.setId("no-show-basis");
        noShowBasis.getStyle().set("color", "var(--lumo-secondary-text-color)");
        ordersNotCounted.setId("orders-not-counted");
        unknownSource.setId("unknown-source");
        dataAsOf.setId("data-as-of");
        dataAsOf.getStyle().set("color", "var(--lumo-secondary-text-color)");
        actionsTitle.setId("actions-title");
        actionsTitle.getStyle().set("margin", "0");
        actions.setId("actions");
        actions.getStyle().set("display", "flex").set("flex-direction", "column").set("gap", "var(--lumo-space-s)");
        add(new H2(getTranslation("overview.title")), picker, actionsTitle, actions, losingMoney, tiles, noShowBasis,
                ordersNotCounted, unknownSource, dataAsOf);
    }

    @Override
    protected void entered(BeforeEnterEvent event) {
        picker.start(currentMonth(), figures(), dashboards.defaultPeriod(memberId(), currentMonth()));
    }

    private void show(Period period) {
        Dashboard dashboard = dashboards.load(memberId(), period);
        PeriodComparison comparison = dashboard.engine().compare(period, Optional.empty());
        tiles.removeAll();
        tile("spend", figures().money(comparison.current().spend()), comparison.changeOfAmount(PeriodMetrics::spend));
        tile("leads", figures().count(comparison.current().leads()), comparison.changeOfCount(PeriodMetrics::leads));
        tile("newClients", figures().count(comparison.current().newClients()),
                comparison.changeOfCount(PeriodMetrics::newClients));
        tile("orders", figures().count(comparison.current().orders()), comparison.changeOfCount(PeriodMetrics::orders));
        tile("revenue", figures().money(comparison.current().revenue()),
                comparison.changeOfAmount(PeriodMetrics::revenue));
        money("aov", comparison, PeriodMetrics::aov);
        money("cac", comparison, PeriodMetrics::cac);
        money("cpo", comparison, PeriodMetrics::cpo);
        money("ltv", comparison, PeriodMetrics::ltv);
        tile("ltvToCac", figures().decimal(comparison.current().ltvToCac()),
                comparison.change(PeriodMetrics::ltvToCac));
        tile("noShowRate", figures().percent(comparison.current().noShowRate()),
                comparison.change(PeriodMetrics::noShowRate));
        money("revenueLostToNoShows", comparison, PeriodMetrics::revenueLostToNoShows);
        showActions(period, dashboard.engine().actions(period));
        showLosingMoney(dashboard.engine().byChannel(period));
        noShowBasis.setText(getTranslation("overview.noShowBasis",
                figures().count(comparison.current().unmarkedPastVisits())));
        long notCounted = comparison.current().ordersNotCounted();
        ordersNotCounted.setText(getTranslation("overview.ordersNotCounted", figures().count(notCounted)));
        ordersNotCounted.setVisible(notCounted > 0);
        unknownSource.setText(getTranslation("overview.unknownSource",
                figures().percent(comparison.current().unknownSourceShareOfLeads())));
        dataAsOf.setText(dashboard.dataAsOf() == null ? getTranslation("overview.noData")
                : getTranslation("overview.dataAsOf", figures().dateTime(dashboard.dataAsOf())));
    }

    private void showActions(Period period, List<Action> shown) {
        actionsTitle.setText(getTranslation("overview.actions", figures().period(period)));
        actions.removeAll();
        if (shown.isEmpty()) {
            Paragraph allWell = new Paragraph(getTranslation("overview.actions.none"));
            allWell.setId("actions-none");
            actions.add(allWell);
        }
        for (int i = 0; i < shown.size(); i++) {
            actions.add(action(i + 1, shown.get(i), period));
        }
    }

    /** One action as a sentence with its sum, and the view where it is fixed, opened on the same period. */
    private Div action(int rank, Action action, Period period) {
        String channel = action.channel().map(code -> ChannelNames.of(this, code)).orElse("");
        Span text = new Span(getTranslation("overview.action." + action.kind().name(), channel,
                figures().money(action.perClient()), figures().money(action.money()), figures().count(action.count())));
        text.setId("action-" + rank);
        text.getStyle().set("font-weight", "600");
        RouterLink link = switch (action.target()) {
            case CHANNELS -> new RouterLink(getTranslation("overview.actionLink.CHANNELS"), ChannelsView.class);
            case APPOINTMENTS -> new RouterLink(getTranslation("overview.actionLink.APPOINTMENTS"),
                    AppointmentsView.class);
            case SETTINGS -> new RouterLink(getTranslation("overview.actionLink.SETTINGS"), SettingsView.class);
        };
        if (action.target() != Action.Target.SETTINGS) {
            link.setQueryParameters(new QueryParameters(PeriodChoices.toQuery(period)));
        }
        link.setId("action-" + rank + "-link");
        Div row = new Div(new Span(rank + ". "), text, new Span(" → "), link);
        row.getStyle().set("padding", "var(--lumo-space-s) var(--lumo-space-m)")
                .set("border-left", "4px solid var(--lumo-error-color)")
                .set("background", "var(--lumo-contrast-5pct)").set("border-radius", "var(--lumo-border-radius-m)");
        return row;
    }

    /** Every channel the stop-channel rule flags, worst reason first, in words. */
    private void showLosingMoney(List<PeriodMetrics> channels) {
        String flagged = channels.stream()
                .filter(PeriodMetrics::losingMoney)
                .sorted(Comparator.comparing(row -> row.losingMoneyReason().orElseThrow()))
                .map(row -> ChannelNames.of(this, row.channel().orElseThrow()) + " ("
                        + getTranslation("overview.losingMoney." + row.losingMoneyReason().orElseThrow().name()) + ")")
                .collect(Collectors.joining(", "));
        losingMoney.setText(flagged.isEmpty() ? "" : getTranslation("overview.losingMoney", flagged));
        losingMoney.setVisible(!flagged.isEmpty());
    }

    private void money(String metric, PeriodComparison comparison, Function<PeriodMetrics, MetricValue> value) {
        tile(metric, figures().money(value.apply(comparison.current())), comparison.change(value));
    }

    private void tile(String metric, String value, Change change) {
        Span label = new Span(getTranslation("metric." + metric));
        label.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-s)");
        Span shown = new Span(value);
        shown.setId("metric-" + metric);
        shown.getStyle().set("font-size", "var(--lumo-font-size-xl)").set("font-weight", "600");
        Span changed = new Span(getTranslation("overview.vsPrevious", figures().change(change)));
        changed.setId("metric-" + metric + "-change");
        changed.getStyle().set("font-size", "var(--lumo-font-size-xs)").set("color", "var(--lumo-secondary-text-color)");
        Div tile = new Div(label, shown, changed);
        tile.getStyle().set("display", "flex").set("flex-direction", "column").set("min-width", "12rem")
                .set("padding", "var(--lumo-space-s) var(--lumo-space-m)")
                .set("border", "1px solid var(--lumo-contrast-10pct)").set("border-radius", "var(--lumo-border-radius-l)");
        tiles.add(tile);
    }
}
