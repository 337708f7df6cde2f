package ru.unitecon.core.clients;

import org.junit.jupiter.api.Test;
import ru.unitecon.simulator.Dataset;
import ru.unitecon.testsupport.ServicesOnSimulatedPortal;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Masters' names come live from the portal's user.get, for the ids the aggregates keep. */
class MasterNamesTest {

    @Test
    void namesAreReadForTheAskedIdsOnly() {
        try (ServicesOnSimulatedPortal app = ServicesOnSimulatedPortal.start(Dataset.bundledSample())) {
            app.install();
            List<Map<String, Object>> users = Dataset.bundledSample().users();
            Map<String, Object> first = users.getFirst();
            long id = Long.parseLong(String.valueOf(first.get("ID")));

            Map<Long, String> names = app.services.masterNames().of(app.memberId(), List.of(id, 987_654L));

            assertEquals(Map.of(id, first.get("NAME") + " " + first.get("LAST_NAME")), names,
                    "an id the portal does not know is left out");
        }
    }

    @Test
    void noIdsAskNothing() {
        try (ServicesOnSimulatedPortal app = ServicesOnSimulatedPortal.start(Dataset.bundledSample())) {
            assertEquals(Map.of(), app.services.masterNames().of(app.memberId(), List.of()));
        }
    }
}
