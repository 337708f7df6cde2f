package ru.unitecon.functions;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import ru.unitecon.core.intake.EventIntake;
import ru.unitecon.core.intake.IntakeOutcome;
import ru.unitecon.simulator.Dataset;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** What the events function does to start faster: priming has no effect, lead events need no HTTP clients. */
class EventsColdStartTest {
    private AppOnSimulatedPortal app;

    @BeforeEach
    void installed() {
        app = AppOnSimulatedPortal.start(Dataset.bundledSample());
        app.installAndBackfill();
    }

    @AfterEach
    void close() {
        app.close();
    }

    @Test
    void primingQueuesNothingAndStoresNothing() {
        EventIntake intake = new EventIntake(app.portals, app.queue.changeQueue(), () -> {
            throw new AssertionError("priming must not build the installation service");
        });
        String before = tableItems();

        intake.prime();

        assertEquals(before, tableItems());
        assertEquals(0, app.queue.size());
    }

    @Test
    void leadEventsNeverBuildTheInstallationService() {
        EventIntake intake = new EventIntake(app.portals, app.queue.changeQueue(), () -> {
            throw new AssertionError("a lead event must not build the installation service");
        });
        Map<String, String> form = new LinkedHashMap<>();
        form.put("event", "ONCRMLEADUPDATE");
        form.put("data[FIELDS][ID]", "5");
        form.put("ts", Long.toString(app.clock.instant().getEpochSecond()));
        form.put("auth[domain]", app.portal.domain());
        form.put("auth[member_id]", app.memberId());
        form.put("auth[application_token]", app.portal.applicationToken());

        IntakeOutcome outcome = intake.receive(AppOnSimulatedPortal.formBody(form));

        assertEquals(IntakeOutcome.ACCEPTED, outcome);
        assertEquals(1, app.queue.size());
    }

    private String tableItems() {
        return app.dynamo.scanPaginator(scan -> scan.tableName(app.table).consistentRead(true)).items().stream()
                .map(item -> new TreeMap<>(item).toString()).sorted().toList().toString();
    }
}
