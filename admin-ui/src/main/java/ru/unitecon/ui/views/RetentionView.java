package ru.unitecon.ui.views;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.Route;
import ru.unitecon.core.clients.LostClient;
import ru.unitecon.core.metrics.MetricValue;
import ru.unitecon.core.metrics.Period;
import ru.unitecon.core.metrics.ResponseRow;
import ru.unitecon.core.metrics.ResponseSpeed;
import ru.unitecon.core.metrics.RetentionRow;
import ru.unitecon.ui.chart.MonthlyChart;
import ru.unitecon.ui.data.DashboardData;
import ru.unitecon.ui.data.LostClientsData;
import ru.unitecon.ui.data.PeriodChoices;
import ru.unitecon.ui.data.ResponseSpeedData;
import ru.unitecon.ui.data.RetentionData;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Who comes back, by acquisition channel and by master (the responsible user of the client's first order): returning
 * and second-visit rates, visit frequency, days between visits, active and lost clients, seed 003's retention rate and
 * observed LTV; a chart of the period's months; which masters keep which channels' clients; how fast leads are
 * answered, by channel and by hour of creation, beside the lead → booking conversion; and the clients who became
 * lost in the period's last month, each with a link to its CRM card and a win-back to-do.
 */
@Route(value = "retention", layout = MainLayout.class)
public class RetentionView extends DashboardView {
    private final RetentionData retention;
    private final LostClientsData lostClients;
    private final ResponseSpeedData responses;
    private final PeriodPicker picker = new PeriodPicker(this::show);
    private final MonthlyChart chart = new MonthlyChart();
    private final Grid<RetentionRow> channels = grid("retention-channels");
    private final Grid<RetentionRow> masters = grid("retention-masters");
    private final Grid<RetentionRow> mastersByChannel = grid("retention-master-channel");
    private final Grid<ResponseRow> responseByChannel = responseGrid("response-channels");
    private final Grid<ResponseRow> responseByHour = responseGrid("response-hours");
    private final Grid<LostClient> lost = new Grid<>();
    private final H3 lostHeading = new H3();
    private final Paragraph winBackResult = new Paragraph();
    private YearMonth lostMonth;
    private Map<Long, String> names = Map.of();
    private Map<Long, String> lostMasterNames = Map.of();

    public RetentionView(DashboardData dashboards, RetentionData retention, LostClientsData lostClients,
                         ResponseSpeedData responses) {
        super(dashboards, "retention.title");
        this.retention = retention;
        this.lostClients = lostClients;
        this.responses = responses;
        lost.setId("retention-lost");
        lost.setAllRowsVisible(true);
        lost.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        winBackResult.setId("retention-win-back-result");
        Paragraph lostExplained = new Paragraph(getTranslation("retention.lostExplained"));
        lostExplained.getStyle().set("color", "var(--lumo-secondary-text-color)").set("margin", "0");
        chart.setId("retention-chart");
        Paragraph explained = new Paragraph(getTranslation("retention.explained"));
        explained.getStyle().set("color", "var(--lumo-secondary-text-color)").set("margin", "0");
        Paragraph responseExplained = new Paragraph(getTranslation("retention.responseExplained"));
        responseExplained.getStyle().set("color", "var(--lumo-secondary-text-color)").set("margin", "0");
        lostHeading.setId("retention-lost-heading");
        add(new H2(getTranslation("retention.title")), picker, explained, chart,
                new H3(getTranslation("retention.byChannel")), channels,
                new H3(getTranslation("retention.byMaster")), masters,
                new H3(getTranslation("retention.byMasterAndChannel")), mastersByChannel,
                new H3(getTranslation("retention.response")), responseExplained, responseByChannel,
                new H3(getTranslation("retention.response.byHour")), responseByHour,
                lostHeading, lostExplained, winBackResult, lost);
    }

    private static Grid<ResponseRow> responseGrid(String id) {
        Grid<ResponseRow> grid = new Grid<>();
        grid.setId(id);
        grid.setAllRowsVisible(true);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        return grid;
    }

    private static Grid<RetentionRow> grid(String id) {
        Grid<RetentionRow> grid = new Grid<>();
        grid.setId(id);
        grid.setAllRowsVisible(true);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        return grid;
    }

    @Override
    protected void entered(BeforeEnterEvent event) {
        if (channels.getColumns().isEmpty()) {
            channels.addColumn(row -> ChannelNames.of(this, row.channel().orElseThrow())).setKey("channel")
                    .setHeader(getTranslation("retention.channel")).setAutoWidth(true);
            figureColumns(channels);
            masters.addColumn(this::master).setKey("master").setHeader(getTranslation("retention.master"))
                    .setAutoWidth(true);
            figureColumns(masters);
            mastersByChannel.addColumn(this::master).setKey("master").setHeader(getTranslation("retention.master"))
                    .setAutoWidth(true);
            mastersByChannel.addColumn(row -> ChannelNames.of(this, row.channel().orElseThrow())).setKey("channel")
                    .setHeader(getTranslation("retention.channel")).setAutoWidth(true);
            figureColumns(mastersByChannel);
            lostColumns();
            responseColumns();
        }
        picker.start(currentMonth(), figures(), PeriodChoices.fromQuery(
                event.getLocation().getQueryParameters().getParameters(), currentMonth())
                .orElse(Period.endingWith(currentMonth(), 3)));
    }

    private void show(Period period) {
        showResponses(period);
        showLost(period.to().isAfter(lostClients.currentMonth(memberId()))
                ? lostClients.currentMonth(memberId()) : period.to());
        RetentionData.Retention loaded = retention.load(memberId(), period.to());
        List<RetentionRow> byMaster = loaded.engine().byMaster(period);
        names = loaded.masterNames(byMaster);
        channels.setItems(loaded.engine().byChannel(period));
        masters.setItems(byMaster);
        mastersByChannel.setItems(loaded.engine().byMasterAndChannel(period));
        List<RetentionRow> months = loaded.engine().trend(period, Optional.empty(), Optional.empty());
        chart.show(MonthlyChart.Kind.LINE, getTranslation("retention.chart"), getLocale(),
                new MonthlyChart.ValueFormat.Percent(),
                period.months().stream().map(month -> figures().period(Period.month(month))).toList(), List.of(
                        chart.series("retention.returningRate", MonthlyChart.Kind.LINE, months,
                                RetentionRow::returningRate),
                        chart.series("retention.secondVisitInTime", MonthlyChart.Kind.LINE, months,
                                RetentionRow::secondVisitRate),
                        chart.series("retention.retentionRate", MonthlyChart.Kind.LINE, months,
                                RetentionRow::retentionRate)));
    }

    /** The master's name as the portal gives it now, or the user's number when it cannot. */
    String master(RetentionRow row) {
        long id = row.master().orElseThrow();
        if (id == RetentionRow.NO_MASTER) {
            return getTranslation("retention.noMaster");
        }
        return names.getOrDefault(id, getTranslation("retention.masterNumber", id));
    }

    private void lostColumns() {
        lost.addColumn(client -> ChannelNames.of(this, client.channel())).setKey("channel")
                .setHeader(getTranslation("retention.channel")).setAutoWidth(true);
        lost.addColumn(this::lostMaster).setKey("master").setHeader(getTranslation("retention.master"))
                .setAutoWidth(true);
        lost.addColumn(client -> figures().date(client.lastOrder())).setKey("lastOrder")
                .setHeader(getTranslation("retention.lastOrder")).setAutoWidth(true);
        lost.addColumn(client -> figures().count(client.orders())).setKey("orders")
                .setHeader(getTranslation("retention.orders")).setAutoWidth(true).setTextAlign(ColumnTextAlign.END);
        lost.addColumn(client -> figures().money(client.revenue())).setKey("revenue")
                .setHeader(getTranslation("retention.revenue")).setAutoWidth(true).setTextAlign(ColumnTextAlign.END);
        lost.addComponentColumn(this::crmLink).setKey("crm").setHeader(getTranslation("retention.crm"))
                .setAutoWidth(true);
        lost.addComponentColumn(this::winBackButton).setKey("winBack").setAutoWidth(true);
    }

    /** Response speed by channel (with all channels last) and by the hours of the day that had leads. */
    private void showResponses(Period period) {
        ResponseSpeed speed = responses.load(memberId(), period);
        List<ResponseRow> rows = new ArrayList<>(speed.byChannel(period));
        rows.add(speed.total(period));
        responseByChannel.setItems(rows);
        responseByHour.setItems(speed.byHour(period, Optional.empty()).stream().filter(row -> row.leads() > 0)
                .toList());
    }

    private void responseColumns() {
        responseByChannel.addColumn(row -> row.channel().map(channel -> ChannelNames.of(this, channel))
                        .orElseGet(() -> getTranslation("retention.response.total"))).setKey("channel")
                .setHeader(getTranslation("retention.response.channel")).setAutoWidth(true);
        responseByHour.addColumn(row -> String.format(Locale.ROOT, "%02d:00", row.hour().orElseThrow()))
                .setKey("hour").setHeader(getTranslation("retention.response.hour")).setAutoWidth(true);
        for (Grid<ResponseRow> grid : List.of(responseByChannel, responseByHour)) {
            responseColumn(grid, "leads", row -> figures().count(row.leads()));
            if (grid == responseByChannel) {
                responseColumn(grid, "unanswered", row -> figures().count(row.unanswered()));
            }
            responseColumn(grid, "within5", row -> figures().percent(row.within5Share()));
            responseColumn(grid, "within15", row -> figures().percent(row.within15Share()));
        }
        responseColumn(responseByChannel, "averageMinutes", row -> figures().decimal(row.averageMinutes()));
        responseColumn(responseByChannel, "leadToVisit", row -> figures().percent(row.leadToVisitConversion()));
    }

    private void responseColumn(Grid<ResponseRow> grid, String key, Function<ResponseRow, String> shown) {
        grid.addColumn(shown::apply).setKey(key).setHeader(getTranslation("retention.response." + key))
                .setAutoWidth(true).setTextAlign(ColumnTextAlign.END);
    }

    /** The clients who became lost in the period's last month (at most the portal's current one), still lost. */
    private void showLost(YearMonth month) {
        lostMonth = month;
        List<LostClient> clients = lostClients.lostIn(memberId(), month);
        lostMasterNames = lostClients.masterNames(memberId(), clients);
        lost.setItems(clients);
        lostHeading.setText(getTranslation("retention.lostIn", figures().period(Period.month(month))));
        winBackResult.setText("");
    }

    private String lostMaster(LostClient client) {
        if (client.master() == null) {
            return getTranslation("retention.noMaster");
        }
        return lostMasterNames.getOrDefault(client.master(),
                getTranslation("retention.masterNumber", client.master()));
    }

    /** The client's card in a new tab: the app's frame stays on the list while the manager reads the card. */
    private Anchor crmLink(LostClient client) {
        return new Anchor("https://" + portal().domain() + "/" + client.crmPath(),
                getTranslation("retention.crmLink", client.clientKey()), AnchorTarget.BLANK);
    }

    private Button winBackButton(LostClient client) {
        Button button = new Button(getTranslation("retention.winBack"));
        button.setId("win-back-" + client.clientKey());
        button.addThemeVariants(ButtonVariant.LUMO_SMALL);
        YearMonth month = lostMonth;
        button.addClickListener(click -> winBackResult.setText(lostClients
                .winBack(memberId(), client.clientKey(), month)
                .map(done -> getTranslation("retention.winBack." + done.name()))
                .orElseGet(() -> getTranslation("retention.winBack.failed"))));
        return button;
    }

    private void figureColumns(Grid<RetentionRow> grid) {
        count(grid, "newClients", RetentionRow::newClients);
        metric(grid, "returningRate", RetentionRow::returningRate, figures()::percent);
        metric(grid, "secondVisitRate", RetentionRow::secondVisitRate, figures()::percent);
        metric(grid, "ordersPerYear", RetentionRow::ordersPerYear, figures()::decimal);
        metric(grid, "daysBetweenVisits", RetentionRow::daysBetweenVisits, figures()::decimal);
        count(grid, "active", RetentionRow::activeAtEnd);
        count(grid, "lost", RetentionRow::lostAtEnd);
        count(grid, "becameLost", RetentionRow::becameLost);
        metric(grid, "retentionRate", RetentionRow::retentionRate, figures()::percent);
        metric(grid, "observedLtv", RetentionRow::observedLtv, figures()::money);
    }

    private void count(Grid<RetentionRow> grid, String key, Function<RetentionRow, Long> value) {
        grid.addColumn(row -> figures().count(value.apply(row))).setKey(key)
                .setHeader(getTranslation("retention." + key, settings().retention().secondVisitDays())).setAutoWidth(true).setTextAlign(ColumnTextAlign.END);
    }

    private void metric(Grid<RetentionRow> grid, String key, Function<RetentionRow, MetricValue> value,
                        Function<MetricValue, String> shown) {
        grid.addColumn(row -> shown.apply(value.apply(row))).setKey(key)
                .setHeader(getTranslation("retention." + key, settings().retention().secondVisitDays())).setAutoWidth(true).setTextAlign(ColumnTextAlign.END);
    }
}
