package ru.unitecon.functions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import ru.unitecon.core.bitrix.crm.AppointmentFieldMapping;
import ru.unitecon.core.portal.PortalSettings;
import ru.unitecon.core.reminders.ReminderReport;
import ru.unitecon.core.store.SentReminders;
import ru.unitecon.simulator.CrmEntityType;
import ru.unitecon.simulator.Dataset;
import ru.unitecon.simulator.Fault;
import ru.unitecon.simulator.PortalRecords;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The scheduler's reminders and follow-ups end to end: appointments booked and changed in a simulated portal,
 * synced through the events path into DynamoDB Local, and scheduler runs at chosen moments of a manual clock.
 */
class RemindersTest {
    private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
    private static final ZoneId NOVOSIBIRSK = ZoneId.of("Asia/Novosibirsk");
    private static final String MANAGER = "6";
    private static final String STATE = AppointmentFieldMapping.STATE_FIELD;

    /** One portal in a zone, installed and backfilled, with the app's settings in the same zone. */
    private static final class Salon implements AutoCloseable {
        final AppOnSimulatedPortal app;
        final ZoneId zone;

        Salon(ZoneId zone, Duration requestTimeout, boolean zoneInSettings) {
            this.zone = zone;
            this.app = AppOnSimulatedPortal.start(Dataset.bundledSample(), zone, requestTimeout);
            app.installAndBackfill();
            if (zoneInSettings) {
                app.settings.save(app.memberId(), PortalSettings.defaults().withZone(zone));
            }
        }

        Salon(ZoneId zone, Duration requestTimeout) {
            this(zone, requestTimeout, true);
        }

        Salon(ZoneId zone) {
            this(zone, Duration.ofSeconds(20));
        }

        /** A salon whose zone nobody typed in: the app knows only what it learned from the portal at install. */
        static Salon asInstalled(ZoneId zone) {
            return new Salon(zone, Duration.ofSeconds(20), false);
        }

        Instant local(String dateTime) {
            return LocalDateTime.parse(dateTime).atZone(zone).toInstant();
        }

        String wireTime(String dateTime) {
            return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(LocalDateTime.parse(dateTime).atZone(zone));
        }

        String item(String xmlId) {
            return app.portal.enumerationItem(CrmEntityType.LEAD, STATE, xmlId);
        }

        /** A manager books a visit on a new lead at the clock's time; the portal's event reaches the app. */
        long book(String visit, Long contactId) {
            Map<String, Object> fields = new HashMap<>(Map.of("TITLE", "Запись", "ASSIGNED_BY_ID", MANAGER,
                    AppointmentFieldMapping.TIME_FIELD, wireTime(visit), STATE, item("BOOKED")));
            if (contactId != null) {
                fields.put("CONTACT_ID", contactId);
            }
            long id = app.portal.addLead(fields);
            app.portal.deliverEvent("ONCRMLEADADD", id, false);
            app.sync();
            return id;
        }

        /** A minute later (DATE_MODIFY has whole seconds), a manager edits the lead; the event reaches the app. */
        void change(long id, Map<String, Object> fields) {
            app.clock.advance(Duration.ofMinutes(1));
            app.portal.updateLead(id, fields);
            app.portal.deliverEvent("ONCRMLEADUPDATE", id, false);
            app.sync();
        }

        SchedulerHandler.Report runAt(String dateTime) {
            app.clock.set(local(dateTime));
            return app.schedulerHandler.handleRequest(null, null);
        }

        List<PortalRecords.Notification> notifications() {
            return app.portal.records().notifications();
        }

        List<PortalRecords.TimelineComment> comments() {
            return app.portal.records().timelineComments();
        }

        long reminderFieldWrites() {
            return app.portal.calls().count("crm.lead.update");
        }

        Object reminderField(long id) {
            return app.portal.leads().get(id).orElseThrow().get(AppointmentFieldMapping.REMINDER_FIELD);
        }

        @Override
        public void close() {
            assertEquals(List.of(), app.portal.violations());
            app.close();
        }
    }

    @Test
    void eachReminderGoesOutOnceAtItsMomentToTheManagerTheTimelineAndTheReminderField() {
        try (Salon salon = new Salon(MOSCOW)) {
            salon.app.clock.set(salon.local("2026-11-23T12:00"));
            long lead = salon.book("2026-11-25T15:00", null);

            salon.runAt("2026-11-24T14:59");
            assertEquals(0, salon.notifications().size());

            ReminderReport first = salon.runAt("2026-11-24T15:00").reminders();
            salon.runAt("2026-11-24T15:05");
            assertEquals(1, first.sent());
            assertEquals(1, salon.notifications().size());
            assertEquals(MANAGER, salon.notifications().getFirst().toUserId());
            assertTrue(salon.notifications().getFirst().message().contains("25.11.2026 15:00"));
            assertEquals(List.of(lead), salon.comments().stream().map(PortalRecords.TimelineComment::entityId).toList());
            assertEquals("24h 25.11.2026 15:00", salon.reminderField(lead));

            salon.runAt("2026-11-25T12:00");
            salon.runAt("2026-11-25T12:30");
            assertEquals(2, salon.notifications().size());
            assertEquals(2, salon.comments().size());
            assertEquals(2, salon.reminderFieldWrites());
            assertEquals("3h 25.11.2026 15:00", salon.reminderField(lead));
        }
    }

    @Test
    void aVisitLeftUnmarkedAfterTheGracePeriodAsksTheManagerToMarkItWithALink() {
        try (Salon salon = new Salon(MOSCOW)) {
            salon.app.clock.set(salon.local("2026-11-23T12:00"));
            long lead = salon.book("2026-11-23T16:00", null);
            salon.change(lead, Map.of(STATE, salon.item("CONFIRMED")));

            salon.runAt("2026-11-23T17:59");
            int beforeGrace = salon.notifications().size();
            salon.runAt("2026-11-23T18:00");
            salon.runAt("2026-11-23T18:30");

            List<PortalRecords.Notification> marks = salon.notifications().subList(beforeGrace, salon.notifications().size());
            assertEquals(1, marks.size());
            assertTrue(marks.getFirst().message().contains(
                    "https://" + salon.app.portal.domain() + "/crm/lead/details/" + lead + "/"), marks.getFirst().message());
        }
    }

    @Test
    void overlappingPassesSendEachReminderOnce() throws Exception {
        try (Salon salon = new Salon(MOSCOW)) {
            salon.app.clock.set(salon.local("2026-11-23T12:00"));
            // Five visits whose 24 h reminders all fall due within the last 25 minutes, inside the grace.
            for (int i = 0; i < 5; i++) {
                salon.book(String.format(java.util.Locale.ROOT, "2026-11-25T14:%02d", 20 + 5 * i), null);
            }
            salon.app.clock.set(salon.local("2026-11-24T14:45"));
            CyclicBarrier together = new CyclicBarrier(3);
            ExecutorService passes = Executors.newFixedThreadPool(3);
            try {
                List<Future<ReminderReport>> reports = List.of(1, 2, 3).stream()
                        .map(i -> passes.submit(() -> {
                            together.await();
                            return salon.app.reminders.run();
                        })).toList();
                int sent = 0;
                for (Future<ReminderReport> report : reports) {
                    sent += report.get().sent();
                }
                assertEquals(5, sent);
            } finally {
                passes.shutdownNow();
            }
            assertEquals(5, salon.notifications().size());
            assertEquals(5, salon.comments().size());
        }
    }

    @Test
    void aReminderClaimedByAPassStillSendingIsLeftToThatPass() {
        try (Salon salon = new Salon(MOSCOW)) {
            salon.app.clock.set(salon.local("2026-11-23T12:00"));
            long lead = salon.book("2026-11-25T15:00", null);
            salon.app.sentReminders.claim(salon.app.memberId(), "L" + lead, salon.local("2026-11-25T15:00"), "PT24H",
                    "another-pass", salon.local("2026-11-24T15:00"));

            salon.runAt("2026-11-24T15:01");

            assertEquals(0, salon.notifications().size());
        }
    }

    @Test
    void aSendWhoseAnswerNeverCameIsNotRepeatedEvenThoughThePortalActedOnIt() throws Exception {
        try (Salon salon = new Salon(MOSCOW, Duration.ofSeconds(2))) {
            salon.app.clock.set(salon.local("2026-11-23T12:00"));
            long lead = salon.book("2026-11-25T15:00", null);
            salon.app.portal.injectFault("im.notify.system.add", Fault.HANG);

            ReminderReport timedOut = salon.runAt("2026-11-24T15:00").reminders();
            salon.app.portal.clearFaults();
            awaitNotifications(salon, 1);
            ReminderReport retried = salon.runAt("2026-11-24T15:10").reminders();

            assertEquals(1, timedOut.uncertain());
            assertEquals(0, retried.sent());
            assertEquals(SentReminders.Status.UNCERTAIN, salon.app.sentReminders.find(salon.app.memberId(),
                    "L" + lead, salon.local("2026-11-25T15:00"), "PT24H").orElseThrow().status());
            assertEquals(1, salon.notifications().size());
            assertEquals(1, salon.comments().size());
        }
    }

    /** The hung request goes on inside the simulator once released; wait for the portal to have acted on it. */
    private static void awaitNotifications(Salon salon, int count) throws InterruptedException {
        for (int attempt = 0; attempt < 500 && salon.notifications().size() < count; attempt++) {
            Thread.sleep(20);
        }
    }

    @Test
    void aCommandThePortalRefusesInsideTheBatchIsRecordedAndTheReminderIsNotResent() {
        try (Salon salon = new Salon(MOSCOW)) {
            salon.app.clock.set(salon.local("2026-11-23T12:00"));
            long lead = salon.book("2026-11-25T15:00", null);
            salon.app.portal.injectFault("crm.timeline.comment.add", Fault.SERVER_ERROR);

            salon.runAt("2026-11-24T15:00");
            salon.app.portal.clearFaults();
            salon.runAt("2026-11-24T15:10");

            SentReminders.Claim claim = salon.app.sentReminders.find(salon.app.memberId(), "L" + lead,
                    salon.local("2026-11-25T15:00"), "PT24H").orElseThrow();
            assertEquals(SentReminders.Status.SENT, claim.status());
            assertEquals(List.of("comment:INTERNAL_SERVER_ERROR"), claim.failedParts());
            assertEquals(1, salon.notifications().size());
            assertEquals(0, salon.comments().size());
        }
    }

    @Test
    void aRescheduledVisitIsRemindedForItsNewTimeOnly() {
        try (Salon salon = new Salon(MOSCOW)) {
            salon.app.clock.set(salon.local("2026-11-23T12:00"));
            long lead = salon.book("2026-11-25T15:00", null);
            salon.runAt("2026-11-24T15:00");
            salon.change(lead, Map.of(AppointmentFieldMapping.TIME_FIELD, salon.wireTime("2026-11-27T11:00")));

            salon.runAt("2026-11-25T12:00");
            assertEquals(1, salon.notifications().size());
            salon.runAt("2026-11-26T11:00");
            salon.runAt("2026-11-27T08:00");

            assertEquals(3, salon.notifications().size());
            assertEquals("3h 27.11.2026 11:00", salon.reminderField(lead));
        }
    }

    @Test
    void aVisitMovedInThePortalWhoseEventWasLostIsNotRemindedAtItsOldTime() {
        try (Salon salon = new Salon(MOSCOW)) {
            salon.app.clock.set(salon.local("2026-11-23T12:00"));
            long lead = salon.book("2026-11-25T15:00", null);
            salon.app.clock.advance(Duration.ofMinutes(1));
            salon.app.portal.updateLead(lead, Map.of(AppointmentFieldMapping.TIME_FIELD,
                    salon.wireTime("2026-11-28T15:00")));

            salon.app.clock.set(salon.local("2026-11-24T15:00"));
            ReminderReport report = salon.app.reminders.run();

            assertEquals(0, report.sent());
            assertEquals(0, salon.notifications().size());
            assertEquals(salon.local("2026-11-28T15:00"),
                    salon.app.recordStore.records().lead(salon.app.memberId(), lead).orElseThrow().appointment().time());
        }
    }

    @Test
    void aCancelledVisitGetsNoRemindersAndNoMarkRequest() {
        try (Salon salon = new Salon(MOSCOW)) {
            salon.app.clock.set(salon.local("2026-11-23T12:00"));
            long lead = salon.book("2026-11-25T15:00", null);
            salon.change(lead, Map.of(STATE, salon.item("CANCELLED")));

            salon.runAt("2026-11-24T15:00");
            salon.runAt("2026-11-25T12:00");
            salon.runAt("2026-11-25T18:00");

            assertEquals(0, salon.notifications().size());
            assertEquals(0, salon.reminderFieldWrites());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"Asia/Yekaterinburg", "Asia/Novosibirsk", "America/Sao_Paulo"})
    void theVisitIsNamedInThePortalsOwnTimeWithoutAnyoneTouchingSettings(String portalZone) {
        try (Salon salon = Salon.asInstalled(ZoneId.of(portalZone))) {
            salon.app.clock.set(salon.local("2026-11-23T12:00"));
            long lead = salon.book("2026-11-25T15:38", null);

            salon.runAt("2026-11-24T15:38");
            salon.runAt("2026-11-25T12:38");

            assertEquals(2, salon.notifications().size());
            salon.notifications().forEach(note -> assertTrue(note.message().contains("25.11.2026 15:38"),
                    note.message()));
            salon.comments().forEach(comment -> assertTrue(comment.comment().contains("25.11.2026 15:38"),
                    comment.comment()));
            assertEquals("3h 25.11.2026 15:38", salon.reminderField(lead));
        }
    }

    /**
     * The case: in Yekaterinburg a visit at 15:38 was booked the day before the app was installed (the
     * portal's record says so; the app was not there to hear it) and the app is installed 3 h 02 min before the
     * visit. It used to send "24 h" at once and "3 h" two minutes later; now the 24 h reminder, 21 hours late, is
     * skipped and only the 3 h one goes, at its moment.
     */
    @Test
    void aVisitBookedTheDayBeforeInstallGetsOnlyTheReminderThatIsStillNear() {
        ZoneId yekaterinburg = ZoneId.of("Asia/Yekaterinburg");
        Instant visit = LocalDateTime.parse("2026-11-25T15:38").atZone(yekaterinburg).toInstant();
        Instant install = visit.minus(Duration.ofHours(3)).minus(Duration.ofMinutes(2));
        try (AppOnSimulatedPortal app = AppOnSimulatedPortal.start(Dataset.bundledSample(), yekaterinburg,
                Duration.ofSeconds(20))) {
            app.clock.set(install);
            app.install();
            app.clock.set(install.minus(Duration.ofDays(1)));
            long lead = app.portal.addLead(Map.of("TITLE", "Запись", "ASSIGNED_BY_ID", MANAGER,
                    AppointmentFieldMapping.TIME_FIELD, "2026-11-25T15:38:00+05:00",
                    STATE, app.portal.enumerationItem(CrmEntityType.LEAD, STATE, "BOOKED")));
            app.clock.set(install);
            app.portal.deliverInstallEvent(app.eventsUrl());
            app.sync();

            app.schedulerHandler.handleRequest(null, null);
            app.clock.advance(Duration.ofMinutes(2));
            app.schedulerHandler.handleRequest(null, null);
            app.clock.advance(Duration.ofMinutes(5));
            app.schedulerHandler.handleRequest(null, null);

            List<PortalRecords.Notification> sent = app.portal.records().notifications();
            assertEquals(1, sent.size(), sent.toString());
            assertTrue(sent.getFirst().message().contains("(за 3 ч)"), sent.getFirst().message());
            assertTrue(sent.getFirst().message().contains("25.11.2026 15:38"), sent.getFirst().message());
            assertEquals("3h 25.11.2026 15:38",
                    app.portal.leads().get(lead).orElseThrow().get(AppointmentFieldMapping.REMINDER_FIELD));
            assertEquals(List.of(), app.portal.violations());
        }
    }

    @Test
    void inNovosibirskANightReminderCrossesMidnightToTheEveningBefore() {
        try (Salon salon = new Salon(NOVOSIBIRSK)) {
            salon.app.clock.set(salon.local("2026-11-23T12:00"));
            long lead = salon.book("2026-11-25T09:00", null);

            salon.runAt("2026-11-24T09:00");
            salon.runAt("2026-11-24T21:58");
            assertEquals("24h 25.11.2026 09:00", salon.reminderField(lead));
            salon.runAt("2026-11-24T21:59");
            salon.runAt("2026-11-25T06:00");

            assertEquals(2, salon.notifications().size());
            assertEquals("3h 25.11.2026 09:00", salon.reminderField(lead));
        }
    }

    @Test
    void aVisitBookedFiveHoursAheadGetsOnlyTheThreeHourReminder() {
        try (Salon salon = new Salon(MOSCOW)) {
            salon.app.clock.set(salon.local("2026-11-24T10:00"));
            long lead = salon.book("2026-11-24T15:00", null);

            salon.runAt("2026-11-24T10:05");
            salon.runAt("2026-11-24T12:00");

            assertEquals(1, salon.notifications().size());
            assertEquals("3h 24.11.2026 15:00", salon.reminderField(lead));
        }
    }

    @Test
    void aNoShowGetsARebookingToDoWithTheOfferOnce() {
        try (Salon salon = new Salon(MOSCOW)) {
            salon.app.clock.set(salon.local("2026-11-23T10:00"));
            long lead = salon.book("2026-11-23T12:00", 3L);
            salon.app.clock.set(salon.local("2026-11-23T13:00"));
            salon.change(lead, Map.of(STATE, salon.item("NO_SHOW")));

            salon.runAt("2026-11-23T13:05");
            salon.runAt("2026-11-23T13:10");

            List<PortalRecords.Todo> todos = salon.app.portal.records().todos();
            assertEquals(1, todos.size());
            assertEquals(lead, todos.getFirst().ownerId());
            assertEquals(MANAGER, todos.getFirst().responsibleId());
            assertTrue(todos.getFirst().description().contains(PortalSettings.defaults().reminders().noShowOffer()));
        }
    }

    @Test
    void aNoShowOfAClientWhoAlreadyBookedAgainGetsNoToDo() {
        try (Salon salon = new Salon(MOSCOW)) {
            salon.app.clock.set(salon.local("2026-11-23T10:00"));
            long missed = salon.book("2026-11-23T12:00", 4L);
            salon.book("2026-11-30T12:00", 4L);
            salon.app.clock.set(salon.local("2026-11-23T13:00"));
            salon.change(missed, Map.of(STATE, salon.item("NO_SHOW")));

            ReminderReport report = salon.runAt("2026-11-23T13:05").reminders();

            assertEquals(0, salon.app.portal.records().todos().size());
            assertEquals(1, report.skipped());
        }
    }

    @Test
    void anUninstalledPortalGetsNothing() {
        try (Salon salon = new Salon(MOSCOW)) {
            salon.app.clock.set(salon.local("2026-11-23T12:00"));
            salon.book("2026-11-25T15:00", null);
            salon.app.portal.uninstall(false);

            ReminderReport report = salon.runAt("2026-11-24T15:00").reminders();

            assertEquals(0, report.sent());
            assertEquals(0, salon.notifications().size());
        }
    }

    @Test
    void aPortalWaitingForAReconnectGetsNothing() {
        try (Salon salon = new Salon(MOSCOW)) {
            salon.app.clock.set(salon.local("2026-11-23T12:00"));
            salon.book("2026-11-25T15:00", null);
            salon.app.portals.markNeedsReconnect(salon.app.memberId());
            long callsBefore = salon.app.portal.calls().count();

            ReminderReport report = salon.runAt("2026-11-24T15:00").reminders();

            assertEquals(0, report.portals());
            assertEquals(callsBefore, salon.app.portal.calls().count());
        }
    }
}
