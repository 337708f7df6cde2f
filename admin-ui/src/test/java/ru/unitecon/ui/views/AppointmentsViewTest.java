package ru.unitecon.ui.views;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridTester;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import ru.unitecon.core.appointments.Agenda;
import ru.unitecon.core.appointments.AppointmentState;
import ru.unitecon.core.appointments.ScheduledVisit;
import ru.unitecon.core.attribution.Channel;
import ru.unitecon.core.attribution.LeadSource;
import ru.unitecon.core.metrics.Period;
import ru.unitecon.core.metrics.PeriodMetrics;
import ru.unitecon.core.portal.PortalSettings;
import ru.unitecon.core.portal.InstallationStatus;
import ru.unitecon.core.store.SentReminders;
import ru.unitecon.testsupport.LocalDynamo;
import ru.unitecon.ui.TestInfrastructure;
import ru.unitecon.ui.data.AppointmentsData;
import ru.unitecon.ui.data.ReminderSent;
import ru.unitecon.ui.entry.PortalSession;
import ru.unitecon.ui.format.Figures;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static ru.unitecon.ui.views.SeededPortal.MARCH;

@SpringBootTest
@Import(TestInfrastructure.class)
@ViewPackages(packages = "ru.unitecon.ui.views")
class AppointmentsViewTest extends SpringBrowserlessTest {
    private static final Figures RUSSIAN = Figures.of(PortalSession.RUSSIAN, PortalSettings.defaults());
    private static final LeadSource VK = LeadSource.ofUtm("vk", null, null);
    private static final LeadSource INSTAGRAM = LeadSource.ofUtm("instagram", null, null);

    /** The clock stands at 2026-03-20 12:00 Moscow time. */
    private static SeededPortal clinic() {
        return new SeededPortal(InstallationStatus.INSTALLED)
                .leadWithVisit(11, VK, Instant.parse("2026-03-21T10:00:00Z"), AppointmentState.BOOKED)
                .leadWithVisit(12, INSTAGRAM, Instant.parse("2026-03-20T15:00:00Z"), AppointmentState.CONFIRMED)
                .leadWithVisit(13, VK, Instant.parse("2026-04-10T10:00:00Z"), AppointmentState.BOOKED)
                .leadWithVisit(14, INSTAGRAM, Instant.parse("2026-03-20T06:00:00Z"), AppointmentState.NO_SHOW)
                .leadWithVisit(15, VK, Instant.parse("2026-03-19T10:00:00Z"), AppointmentState.NO_SHOW)
                .leadWithVisit(16, INSTAGRAM, Instant.parse("2026-03-10T10:00:00Z"), AppointmentState.ATTENDED)
                .leadWithVisit(17, VK, Instant.parse("2026-03-22T10:00:00Z"), AppointmentState.CANCELLED);
    }

    @SuppressWarnings("unchecked")
    private <T> GridTester<Grid<T>, T> grid(String id) {
        return test($(Grid.class).id(id));
    }

    private static <T> List<T> rows(GridTester<Grid<T>, T> grid) {
        return IntStream.range(0, grid.size()).mapToObj(grid::getRow).toList();
    }

    private static Agenda stored(SeededPortal portal) {
        return Agenda.of(LocalDynamo.app().records().visits(portal.memberId),
                TestInfrastructure.NOW, PortalSettings.DEFAULT_ZONE, AppointmentsData.DAYS_AHEAD);
    }

    @Test
    void theListsAreTheStoredAppointmentsAsOfNow() {
        SeededPortal clinic = clinic();
        clinic.openInThisSession(PortalSession.RUSSIAN);

        navigate(AppointmentsView.class);

        Agenda expected = stored(clinic);
        GridTester<Grid<ScheduledVisit>, ScheduledVisit> upcoming = grid("upcoming");
        assertEquals(expected.upcoming(), rows(upcoming));
        assertEquals(List.of(12L, 11L), rows(upcoming).stream().map(ScheduledVisit::recordId).toList());
        GridTester<Grid<ScheduledVisit>, ScheduledVisit> unconfirmed = grid("unconfirmed");
        assertEquals(expected.unconfirmed(), rows(unconfirmed));
        assertEquals(List.of(11L), rows(unconfirmed).stream().map(ScheduledVisit::recordId).toList());
        GridTester<Grid<ScheduledVisit>, ScheduledVisit> noShows = grid("no-shows-today");
        assertEquals(expected.noShowsToday(), rows(noShows));
        assertEquals(List.of(14L), expected.noShowsToday().stream().map(ScheduledVisit::recordId).toList());
    }

    @Test
    void eachRowShowsTimeInThePortalsZoneChannelStateAndALinkToTheLead() {
        SeededPortal clinic = clinic();
        clinic.openInThisSession(PortalSession.RUSSIAN);

        navigate(AppointmentsView.class);

        GridTester<Grid<ScheduledVisit>, ScheduledVisit> upcoming = grid("upcoming");
        assertEquals(RUSSIAN.dateTime(Instant.parse("2026-03-20T15:00:00Z")),
                upcoming.getCellText(0, upcoming.getColumnPosition("time")));
        assertTrue(upcoming.getCellText(0, upcoming.getColumnPosition("time")).contains("18:00"));
        assertEquals("Instagram", upcoming.getCellText(0, upcoming.getColumnPosition("channel")));
        assertEquals("Подтвердил", upcoming.getCellText(0, upcoming.getColumnPosition("state")));
        Anchor link = (Anchor) upcoming.getCellComponent(0, "record");
        assertEquals("https://" + clinic.domain + "/crm/lead/details/12/", link.getHref());
        assertEquals("Лид 12", link.getText());
    }

    @Test
    void theRemindersOfTheLastWeekAreTheStoredClaimsNewestFirst() {
        SeededPortal clinic = clinic();
        SentReminders sent = LocalDynamo.app().sentReminders();
        Instant visit = Instant.parse("2026-03-20T15:00:00Z");
        Instant now = TestInfrastructure.NOW;
        sent.claim(clinic.memberId, "L12", visit, "PT24H", "a", now.minusSeconds(20 * 3600));
        sent.finish(clinic.memberId, "L12", visit, "PT24H", "a", SentReminders.Status.SENT, List.of(),
                now.minusSeconds(20 * 3600));
        sent.claim(clinic.memberId, "D5", visit, "NO_SHOW", "b", now.minusSeconds(60));
        sent.claim(clinic.memberId, "L11", visit, "PT3H", "c", now.minusSeconds(9 * 86_400));
        clinic.openInThisSession(PortalSession.RUSSIAN);

        navigate(AppointmentsView.class);

        GridTester<Grid<ReminderSent>, ReminderSent> reminders = grid("reminders-sent");
        assertEquals(2, reminders.size());
        assertEquals("Дело: перезаписать клиента", reminders.getCellText(0, reminders.getColumnPosition("kind")));
        assertEquals("https://" + clinic.domain + "/crm/deal/details/5/",
                ((Anchor) reminders.getCellComponent(0, "record")).getHref());
        assertEquals("Напоминание за 24 ч", reminders.getCellText(1, reminders.getColumnPosition("kind")));
        assertEquals("Отправлено", reminders.getCellText(1, reminders.getColumnPosition("status")));
        assertEquals(RUSSIAN.dateTime(visit), reminders.getCellText(1, reminders.getColumnPosition("visit")));
    }

    @Test
    void noShowRatesByChannelAreTheEnginesForTheMonth() {
        SeededPortal clinic = clinic();
        clinic.openInThisSession(PortalSession.RUSSIAN);

        navigate(AppointmentsView.class);

        List<PeriodMetrics> expected = clinic.engine().byChannel(Period.month(MARCH));
        GridTester<Grid<PeriodMetrics>, PeriodMetrics> rates = grid("no-show-rates");
        assertEquals(expected.size(), rates.size());
        for (int row = 0; row < expected.size(); row++) {
            PeriodMetrics channel = expected.get(row);
            assertEquals(channel.channel(), rates.getRow(row).channel());
            assertEquals(RUSSIAN.count(channel.noShows()), rates.getCellText(row, rates.getColumnPosition("noShows")));
            assertEquals(RUSSIAN.percent(channel.noShowRate()),
                    rates.getCellText(row, rates.getColumnPosition("noShowRate")));
            assertEquals(RUSSIAN.percent(channel.confirmationRate()),
                    rates.getCellText(row, rates.getColumnPosition("confirmationRate")));
            assertEquals(RUSSIAN.money(channel.revenueLostToNoShows()),
                    rates.getCellText(row, rates.getColumnPosition("revenueLost")));
        }
        PeriodMetrics instagram = clinic.engine().channel(Period.month(MARCH), Channel.INSTAGRAM);
        assertEquals(1, instagram.noShows());
        assertEquals(0, new BigDecimal("0.5").compareTo(instagram.noShowRate().value()));
    }

    @Test
    void emptyListsSaySo() {
        new SeededPortal(InstallationStatus.INSTALLED).openInThisSession(PortalSession.RUSSIAN);

        navigate(AppointmentsView.class);

        assertFalse($(Grid.class).withId("upcoming").exists());
        assertTrue($(Paragraph.class).withId("upcoming-empty").exists());
        assertEquals("Сегодня неявок нет.", $(Paragraph.class).id("no-shows-today-empty").getText());
        assertFalse($(Grid.class).withId("reminders-sent").exists());
        assertEquals("За эти дни напоминаний не было.", $(Paragraph.class).id("reminders-sent-empty").getText());
    }

    @Test
    void englishLabelsForAnEnglishPortal() {
        clinic().openInThisSession(Locale.ENGLISH);
        UI.getCurrent().setLocale(Locale.ENGLISH);

        navigate(AppointmentsView.class);

        assertEquals("Appointments", $(H2.class).first().getText());
        GridTester<Grid<ScheduledVisit>, ScheduledVisit> upcoming = grid("upcoming");
        assertEquals("Confirmed", upcoming.getCellText(0, upcoming.getColumnPosition("state")));
    }
}
