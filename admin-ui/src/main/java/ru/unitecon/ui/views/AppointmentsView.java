package ru.unitecon.ui.views;

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
import ru.unitecon.core.appointments.Agenda;
import ru.unitecon.core.appointments.ScheduledVisit;
import ru.unitecon.core.metrics.Period;
import ru.unitecon.core.metrics.PeriodMetrics;
import ru.unitecon.ui.data.AppointmentsData;
import ru.unitecon.ui.data.PeriodChoices;
import ru.unitecon.ui.data.DashboardData;
import ru.unitecon.ui.data.ReminderSent;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * The front desk's view: visits of the coming days, those not yet confirmed, today's no-shows, each linked to its
 * lead or deal in the portal (the app holds no names or phones); and the no-show rate by channel for a period, the
 * one a link names ({@code ?from=&to=}, as the overview's actions link) or else the current month.
 */
@Route(value = "appointments", layout = MainLayout.class)
public class AppointmentsView extends DashboardView {
    private final AppointmentsData appointments;
    private final Grid<ScheduledVisit> upcoming = new Grid<>();
    private final Grid<ScheduledVisit> unconfirmed = new Grid<>();
    private final Grid<ScheduledVisit> noShowsToday = new Grid<>();
    private final Paragraph upcomingEmpty = new Paragraph();
    private final Paragraph unconfirmedEmpty = new Paragraph();
    private final Paragraph noShowsEmpty = new Paragraph();
    private final Grid<ReminderSent> reminders = new Grid<>();
    private final Paragraph remindersEmpty = new Paragraph();
    private final Grid<PeriodMetrics> rates = new Grid<>();
    private final PeriodPicker picker = new PeriodPicker(this::showRates);

    public AppointmentsView(AppointmentsData appointments, DashboardData dashboards) {
        super(dashboards, "appointments.title");
        this.appointments = appointments;
        upcoming.setId("upcoming");
        unconfirmed.setId("unconfirmed");
        noShowsToday.setId("no-shows-today");
        rates.setId("no-show-rates");
        upcomingEmpty.setId("upcoming-empty");
        unconfirmedEmpty.setId("unconfirmed-empty");
        noShowsEmpty.setId("no-shows-today-empty");
        upcomingEmpty.setText(t("upcomingEmpty"));
        unconfirmedEmpty.setText(t("unconfirmedEmpty"));
        noShowsEmpty.setText(t("noShowsEmpty"));
        reminders.setId("reminders-sent");
        remindersEmpty.setId("reminders-sent-empty");
        remindersEmpty.setText(t("remindersEmpty"));
        for (Grid<?> grid : List.of(upcoming, unconfirmed, noShowsToday, reminders, rates)) {
            grid.setAllRowsVisible(true);
            grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        }
        add(new H2(t("title")),
                new H3(getTranslation("appointments.upcoming", AppointmentsData.DAYS_AHEAD)), upcoming, upcomingEmpty,
                new H3(t("unconfirmed")), unconfirmed, unconfirmedEmpty,
                new H3(t("noShowsToday")), noShowsToday, noShowsEmpty,
                new H3(getTranslation("appointments.reminders", AppointmentsData.DAYS_BACK)), reminders,
                remindersEmpty,
                new H3(t("rates")), picker, rateBasis(), rates);
    }

    @Override
    protected void entered(BeforeEnterEvent event) {
        if (rates.getColumns().isEmpty()) {
            List.of(upcoming, unconfirmed, noShowsToday).forEach(this::addVisitColumns);
            addReminderColumns();
            addRateColumns();
        }
        Agenda agenda = appointments.agenda(memberId(), settings());
        show(upcoming, upcomingEmpty, agenda.upcoming());
        show(unconfirmed, unconfirmedEmpty, agenda.unconfirmed());
        show(noShowsToday, noShowsEmpty, agenda.noShowsToday());
        List<ReminderSent> sent = appointments.remindersSent(memberId());
        reminders.setItems(sent);
        reminders.setVisible(!sent.isEmpty());
        remindersEmpty.setVisible(sent.isEmpty());
        picker.start(currentMonth(), figures(), PeriodChoices.fromQuery(
                event.getLocation().getQueryParameters().getParameters(), currentMonth())
                .orElse(Period.month(currentMonth())));
    }

    private Paragraph rateBasis() {
        Paragraph basis = new Paragraph(t("rateBasis"));
        basis.setId("no-show-rate-basis");
        basis.getStyle().set("color", "var(--lumo-secondary-text-color)");
        return basis;
    }

    private static void show(Grid<ScheduledVisit> grid, Paragraph empty, List<ScheduledVisit> visits) {
        grid.setItems(visits);
        grid.setVisible(!visits.isEmpty());
        empty.setVisible(visits.isEmpty());
    }

    private void addVisitColumns(Grid<ScheduledVisit> grid) {
        grid.addColumn(visit -> figures().dateTime(visit.appointment().time())).setKey("time")
                .setHeader(t("time")).setAutoWidth(true);
        grid.addComponentColumn(this::recordLink).setKey("record").setHeader(t("record")).setAutoWidth(true);
        grid.addColumn(visit -> ChannelNames.of(this, visit.channel())).setKey("channel").setHeader(t("channel"))
                .setAutoWidth(true);
        grid.addColumn(visit -> getTranslation("appointments.state." + visit.appointment().state().name()))
                .setKey("state").setHeader(t("state")).setAutoWidth(true);
    }

    /** The lead or deal in the portal, opened in the portal's own window, not inside the app's frame. */
    private Anchor recordLink(ScheduledVisit visit) {
        return recordLink(visit.holder(), visit.recordId());
    }

    private Anchor recordLink(ScheduledVisit.Holder holder, long recordId) {
        String kind = holder.name().toLowerCase(Locale.ROOT);
        return new Anchor("https://" + portal().domain() + "/crm/" + kind + "/details/" + recordId + "/",
                t("holder." + holder.name()) + " " + recordId, AnchorTarget.TOP);
    }

    private void addReminderColumns() {
        reminders.addColumn(sent -> figures().dateTime(sent.claimedAt())).setKey("at").setHeader(t("reminderAt"))
                .setAutoWidth(true);
        reminders.addComponentColumn(sent -> recordLink(sent.holder(), sent.recordId())).setKey("record")
                .setHeader(t("record"))
                .setAutoWidth(true);
        reminders.addColumn(sent -> figures().dateTime(sent.visit())).setKey("visit").setHeader(t("time"))
                .setAutoWidth(true);
        reminders.addColumn(this::reminderKind).setKey("kind").setHeader(t("reminderKind")).setAutoWidth(true);
        reminders.addColumn(sent -> t("reminderStatus." + sent.status())).setKey("status")
                .setHeader(t("reminderStatusHeader")).setAutoWidth(true);
    }

    /** {@code PT24H} reads "24 h before the visit", the follow-ups by their names. */
    private String reminderKind(ReminderSent sent) {
        return switch (sent.action()) {
            case "MARK", "NO_SHOW" -> t("reminderKind." + sent.action());
            default -> getTranslation("appointments.reminderKind.before", BigDecimal.valueOf(
                    Duration.parse(sent.action()).toMinutes()).divide(BigDecimal.valueOf(60), 2, RoundingMode.HALF_UP)
                    .stripTrailingZeros().toPlainString());
        };
    }

    private void addRateColumns() {
        rates.addColumn(row -> ChannelNames.of(this, row.channel().orElseThrow())).setKey("channel")
                .setHeader(t("channel")).setAutoWidth(true);
        rates.addColumn(row -> figures().count(row.noShows())).setKey("noShows").setHeader(t("noShows"))
                .setTextAlign(ColumnTextAlign.END);
        rates.addColumn(row -> figures().percent(row.noShowRate())).setKey("noShowRate").setHeader(t("noShowRate"))
                .setTextAlign(ColumnTextAlign.END);
        rates.addColumn(row -> figures().count(row.unmarkedPastVisits())).setKey("unmarked").setHeader(t("unmarked"))
                .setTextAlign(ColumnTextAlign.END);
        rates.addColumn(row -> figures().percent(row.confirmationRate())).setKey("confirmationRate")
                .setHeader(t("confirmationRate")).setTextAlign(ColumnTextAlign.END);
        rates.addColumn(row -> figures().money(row.revenueLostToNoShows())).setKey("revenueLost")
                .setHeader(t("revenueLost")).setTextAlign(ColumnTextAlign.END);
    }

    private void showRates(Period period) {
        rates.setItems(dashboards.load(memberId(), period).engine().byChannel(period));
    }

    private String t(String key) {
        return getTranslation("appointments." + key);
    }
}
