package ru.unitecon.ui.data;

import org.springframework.stereotype.Service;
import ru.unitecon.core.appointments.Agenda;
import ru.unitecon.core.appointments.ScheduledVisit;
import ru.unitecon.core.portal.PortalSettings;
import ru.unitecon.core.store.RecordReader;
import ru.unitecon.core.store.SentReminders;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

/** One portal's appointments as of now: the coming days, the unconfirmed, today's no-shows. */
@Service
public class AppointmentsData {
    /** How far ahead the upcoming list reaches. */
    public static final int DAYS_AHEAD = 7;

    /** How far back the list of reminders sent reaches. */
    public static final int DAYS_BACK = 7;

    private final RecordReader records;
    private final SentReminders reminders;
    private final Clock clock;

    public AppointmentsData(RecordReader records, SentReminders reminders, Clock clock) {
        this.records = records;
        this.reminders = reminders;
        this.clock = clock;
    }

    /** The reminders and follow-ups the scheduler took on in the last {@link #DAYS_BACK} days, newest first. */
    public List<ReminderSent> remindersSent(String memberId) {
        return reminders.claimedSince(memberId, clock.instant().minus(Duration.ofDays(DAYS_BACK))).stream()
                .map(AppointmentsData::shown).toList();
    }

    /** A reminder's record key: {@code L42} is lead 42, {@code D7} deal 7. */
    private static ReminderSent shown(SentReminders.Sent sent) {
        ScheduledVisit.Holder holder = sent.recordKey().startsWith("D") ? ScheduledVisit.Holder.DEAL
                : ScheduledVisit.Holder.LEAD;
        return new ReminderSent(holder, Long.parseLong(sent.recordKey().substring(1)), sent.visit(), sent.action(),
                sent.status().name(), sent.claimedAt());
    }

    public Agenda agenda(String memberId, PortalSettings settings) {
        return Agenda.of(records.visits(memberId), clock.instant(), settings.zone(), DAYS_AHEAD);
    }
}
