package ru.unitecon.core.reminders;

import org.junit.jupiter.api.Test;
import ru.unitecon.core.appointments.Appointment;
import ru.unitecon.core.appointments.AppointmentState;
import ru.unitecon.core.portal.ReminderPolicy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ReminderScheduleTest {
    private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
    private static final ZoneId NOVOSIBIRSK = ZoneId.of("Asia/Novosibirsk");
    private static final ReminderPolicy POLICY = ReminderPolicy.defaults();
    private static final Duration DAY = Duration.ofHours(24);
    private static final Duration THREE_HOURS = Duration.ofHours(3);

    private static Instant at(String local, ZoneId zone) {
        return LocalDateTime.parse(local).atZone(zone).toInstant();
    }

    private static Optional<Instant> sendAt(String visit, String booked, Duration offset, ZoneId zone) {
        return ReminderSchedule.sendAt(at(visit, zone), booked == null ? null : at(booked, zone), offset, POLICY, zone);
    }

    @Test
    void aDaytimeReminderGoesOutExactlyItsOffsetBeforeTheVisit() {
        assertEquals(Optional.of(at("2026-11-24T15:00", MOSCOW)),
                sendAt("2026-11-25T15:00", "2026-11-20T10:00", DAY, MOSCOW));
        assertEquals(Optional.of(at("2026-11-25T12:00", MOSCOW)),
                sendAt("2026-11-25T15:00", "2026-11-20T10:00", THREE_HOURS, MOSCOW));
    }

    @Test
    void aReminderFallingIntoTheNightGoesOutInTheLastMinuteBeforeTheNightTheDayBefore() {
        // 3 h before a 09:00 visit is 06:00, so the reminder crosses midnight back to 21:59 the evening before.
        assertEquals(Optional.of(at("2026-11-24T21:59", NOVOSIBIRSK)),
                sendAt("2026-11-25T09:00", "2026-11-20T10:00", THREE_HOURS, NOVOSIBIRSK));
        // 3 h before a 01:00 visit is 22:00 the same evening: the night has just begun.
        assertEquals(Optional.of(at("2026-11-24T21:59", MOSCOW)),
                sendAt("2026-11-25T01:00", "2026-11-20T10:00", THREE_HOURS, MOSCOW));
    }

    @Test
    void quietHoursAreTheLocalHoursOfThePortalsZone() {
        Instant visit = Instant.parse("2026-11-25T06:00:00Z"); // 09:00 in Moscow, 13:00 in Novosibirsk
        assertEquals(Optional.of(at("2026-11-24T21:59", MOSCOW)),
                ReminderSchedule.sendAt(visit, null, THREE_HOURS, POLICY, MOSCOW));
        assertEquals(Optional.of(at("2026-11-25T10:00", NOVOSIBIRSK)),
                ReminderSchedule.sendAt(visit, null, THREE_HOURS, POLICY, NOVOSIBIRSK));
    }

    @Test
    void aReminderWhoseMomentHadPassedWhenTheVisitWasBookedIsSkipped() {
        assertEquals(Optional.empty(), sendAt("2026-11-25T15:00", "2026-11-25T13:00", DAY, MOSCOW));
        assertEquals(Optional.empty(), sendAt("2026-11-25T15:00", "2026-11-25T13:00", THREE_HOURS, MOSCOW));
        assertEquals(Optional.of(at("2026-11-25T12:00", MOSCOW)),
                sendAt("2026-11-25T15:00", "2026-11-25T10:00", THREE_HOURS, MOSCOW));
    }

    @Test
    void aNightReminderMovedToBeforeALateBookingGoesOutWhenTheNightEnds() {
        // Booked at 23:00 for 10:00: the 3 h moment (07:00) is still ahead, but 21:59 is already behind.
        assertEquals(Optional.of(at("2026-11-25T08:00", MOSCOW)),
                sendAt("2026-11-25T10:00", "2026-11-24T23:00", THREE_HOURS, MOSCOW));
        // For 08:30 the night ends only half an hour before the visit; still before it, so it goes.
        assertEquals(Optional.of(at("2026-11-25T08:00", MOSCOW)),
                sendAt("2026-11-25T08:30", "2026-11-24T23:00", THREE_HOURS, MOSCOW));
    }

    @Test
    void aNightThatDoesNotWrapMidnightMovesRemindersToTheEveningBefore() {
        ReminderPolicy earlyNight = new ReminderPolicy(List.of(THREE_HOURS), LocalTime.of(0, 0), LocalTime.of(7, 0),
                Duration.ofHours(2), "");
        assertEquals(at("2026-11-24T23:59", MOSCOW),
                ReminderSchedule.outOfQuietHours(at("2026-11-25T04:00", MOSCOW), earlyNight, MOSCOW));
    }

    @Test
    void theMostRecentDueReminderIsOwedAndAnOlderMissedOneIsSuperseded() {
        Appointment visit = new Appointment(at("2026-11-25T15:00", MOSCOW), AppointmentState.BOOKED, false,
                at("2026-11-20T10:00", MOSCOW));
        Instant visitTime = visit.time();

        assertEquals(Optional.empty(), ReminderSchedule.dueAt(visit, POLICY, MOSCOW, at("2026-11-24T14:59", MOSCOW)));
        assertEquals(Optional.of(DueAction.reminder(visitTime, DAY)),
                ReminderSchedule.dueAt(visit, POLICY, MOSCOW, at("2026-11-24T15:00", MOSCOW)));
        assertEquals(Optional.of(DueAction.reminder(visitTime, THREE_HOURS)),
                ReminderSchedule.dueAt(visit, POLICY, MOSCOW, at("2026-11-25T12:00", MOSCOW)));
        assertEquals(Optional.empty(), ReminderSchedule.dueAt(visit, POLICY, MOSCOW, at("2026-11-25T15:00", MOSCOW)));
    }

    @Test
    void aReminderMoreThanTheGraceLateIsSkippedNotSentLate() {
        Appointment visit = new Appointment(at("2026-11-25T15:00", MOSCOW), AppointmentState.BOOKED, false,
                at("2026-11-20T10:00", MOSCOW));

        assertEquals(Optional.of(DueAction.reminder(visit.time(), DAY)),
                ReminderSchedule.dueAt(visit, POLICY, MOSCOW, at("2026-11-24T15:30", MOSCOW)));
        assertEquals(Optional.empty(), ReminderSchedule.dueAt(visit, POLICY, MOSCOW, at("2026-11-24T15:31", MOSCOW)),
                "a scheduler down for 31 minutes does not tell the client about tomorrow at the wrong moment");
    }

    @Test
    void whenTwoAreDueTogetherOnlyTheNearerGoesAndNeverTheOtherAfterIt() {
        ReminderPolicy close = new ReminderPolicy(List.of(Duration.ofMinutes(60), Duration.ofMinutes(45)),
                LocalTime.of(22, 0), LocalTime.of(8, 0), Duration.ofHours(2), "");
        Appointment visit = new Appointment(at("2026-11-25T15:00", MOSCOW), AppointmentState.BOOKED, false,
                at("2026-11-20T10:00", MOSCOW));

        assertEquals(Optional.of(DueAction.reminder(visit.time(), Duration.ofMinutes(45))),
                ReminderSchedule.dueAt(visit, close, MOSCOW, at("2026-11-25T14:20", MOSCOW)));
    }

    /**
     * The case: a visit at 15:38 in Yekaterinburg booked the day before the app was installed; the app first
     * sees it at install, three hours before the visit. The 24 h reminder's moment is 21 hours gone: skipped, not
     * sent at once; the 3 h one goes at its moment.
     */
    @Test
    void aVisitFirstSeenAtInstallGetsOnlyTheReminderThatIsStillNear() {
        ZoneId yekaterinburg = ZoneId.of("Asia/Yekaterinburg");
        Instant install = at("2026-11-25T12:38", yekaterinburg);
        Appointment visit = new Appointment(at("2026-11-25T15:38", yekaterinburg), AppointmentState.BOOKED, false,
                at("2026-11-24T12:38", yekaterinburg));

        assertEquals(Optional.of(DueAction.reminder(visit.time(), THREE_HOURS)),
                ReminderSchedule.dueAt(visit, POLICY, yekaterinburg, install));
        assertEquals(Optional.empty(),
                ReminderSchedule.dueAt(visit, POLICY, yekaterinburg, install.minus(Duration.ofMinutes(1))),
                "a minute before, the only reminder whose moment has come is the 24 h one, 21 hours late");
    }

    @Test
    void aVisitStillOpenAfterTheMarkDelayIsOwedAMarkRequest() {
        Appointment confirmed = new Appointment(at("2026-11-25T15:00", MOSCOW), AppointmentState.CONFIRMED, true);

        assertEquals(Optional.empty(),
                ReminderSchedule.dueAt(confirmed, POLICY, MOSCOW, at("2026-11-25T16:59", MOSCOW)));
        assertEquals(Optional.of(DueAction.markVisit(confirmed.time())),
                ReminderSchedule.dueAt(confirmed, POLICY, MOSCOW, at("2026-11-25T17:00", MOSCOW)));
    }

    @Test
    void aNoShowIsOwedTheFollowUpAndClosedVisitsNothing() {
        Instant time = at("2026-11-25T15:00", MOSCOW);
        Instant later = at("2026-11-25T18:00", MOSCOW);

        assertEquals(Optional.of(DueAction.noShowFollowUp(time)), ReminderSchedule.dueAt(
                new Appointment(time, AppointmentState.NO_SHOW, false), POLICY, MOSCOW, later));
        assertEquals(Optional.empty(), ReminderSchedule.dueAt(
                new Appointment(time, AppointmentState.ATTENDED, false), POLICY, MOSCOW, later));
        assertEquals(Optional.empty(), ReminderSchedule.dueAt(
                new Appointment(time, AppointmentState.CANCELLED, false), POLICY, MOSCOW, at("2026-11-25T12:00", MOSCOW)));
    }

    @Test
    void claimNamesAndLabelsSayWhichReminderItIs() {
        Instant time = at("2026-11-25T15:00", MOSCOW);
        assertEquals("PT24H", DueAction.reminder(time, DAY).claimName());
        assertEquals("MARK", DueAction.markVisit(time).claimName());
        assertEquals("NO_SHOW", DueAction.noShowFollowUp(time).claimName());
        assertEquals("3h", DueAction.offsetLabel(THREE_HOURS));
        assertEquals("90m", DueAction.offsetLabel(Duration.ofMinutes(90)));
        assertThrows(IllegalArgumentException.class, () -> new DueAction(DueAction.Kind.MARK_VISIT, time, DAY));
    }
}
