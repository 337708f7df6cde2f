package ru.unitecon.ui.data;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import ru.unitecon.core.appointments.Agenda;
import ru.unitecon.core.portal.PortalSettings;
import ru.unitecon.core.store.RecordReader;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Clock;

/** One portal's appointments as of now: the coming days, the unconfirmed, today's no-shows. */
@Service
public class PortalAppointments {
    /** How far ahead the upcoming list reaches. */
    public static final int DAYS_AHEAD = 7;

    private final RecordReader records;
    private final Clock clock;

    public PortalAppointments(DynamoDbClient dynamo, @Value("${unitecon.table}") String table, Clock clock) {
        this.records = new RecordReader(dynamo, table);
        this.clock = clock;
    }

    public Agenda agenda(String memberId, PortalSettings settings) {
        return Agenda.of(records.visits(memberId), clock.instant(), settings.zone(), DAYS_AHEAD);
    }
}
