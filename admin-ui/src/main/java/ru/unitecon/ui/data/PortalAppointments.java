package ru.unitecon.ui.data;

import org.springframework.stereotype.Service;
import ru.unitecon.core.appointments.Agenda;
import ru.unitecon.core.portal.PortalSettings;
import ru.unitecon.core.store.RecordReader;
import ru.unitecon.core.store.SentReminders;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

/** One portal's appointments as of now: the coming days, the unconfirmed, today's no-shows. */
@Service
public class PortalAppointments {
    /** How far ahead the upcoming list reaches. */
    public static final int DAYS_AHEAD = 7;

    /** How far back the list of reminders sent reaches. */
    public static final int DAYS_BACK = 7;

    private final RecordReader records;
    private final SentReminders reminders;
    private final Clock clock;

    public PortalAppointments(RecordReader records, SentReminders reminders, Clock clock) {
        this.records = records;
        this.reminders = reminders;
        this.clock = clock;
    }

    /** The reminders and follow-ups the scheduler took on in the last {@link #DAYS_BACK} days, newest first. */
    public List<SentReminders.Sent> remindersSent(String memberId) {
        return reminders.claimedSince(memberId, clock.instant().minus(Duration.ofDays(DAYS_BACK)));
    }

    public Agenda agenda(String memberId, PortalSettings settings) {
        return Agenda.of(records.visits(memberId), clock.instant(), settings.zone(), DAYS_AHEAD);
    }
}
