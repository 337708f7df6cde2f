package ru.unitecon.simulator;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ActivitiesTest {
    private final SimulatorFixture fixture = new SimulatorFixture(DatasetGenerator.generate(5, 60));

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void aSeededLeadHasItsCallMinutesAfterItsCreationAndEveryFourthHasNone() {
        Map<String, Object> lead = fixture.portal.leads().get(3).orElseThrow();

        List<Map<String, Object>> calls = activities(Map.of("OWNER_TYPE_ID", 1, "OWNER_ID", 3), Map.of(), 0).rows;

        assertEquals(1, calls.size());
        assertEquals(OffsetDateTime.parse((String) lead.get("DATE_CREATE")).plusMinutes(22).toInstant(),
                OffsetDateTime.parse((String) calls.getFirst().get("CREATED")).toInstant(), "3 × 7 mod 40 + 1");
        assertEquals(List.of(), activities(Map.of("OWNER_TYPE_ID", 1, "OWNER_ID", 4), Map.of(), 0).rows);
    }

    @Test
    void aListOfOwnersOrderedByCreationComesFiftyAPageWithNext() {
        long lead = fixture.portal.addLead(Map.of("TITLE", "Стрижка"));
        var now = fixture.clock.instant();
        for (int minutes = 60; minutes >= 1; minutes--) {
            fixture.portal.activities().add(Activities.LEAD, lead, now.plus(Duration.ofMinutes(minutes)), 1);
        }

        Page first = activities(Map.of("@OWNER_ID", List.of(1, lead)), Map.of("CREATED", "ASC"), 0);
        Page second = activities(Map.of("@OWNER_ID", List.of(1, lead)), Map.of("CREATED", "ASC"), first.next);

        assertEquals(50, first.rows.size());
        assertEquals(50, first.next);
        assertEquals(61, first.total, "sixty calls on the new lead and the seeded one on lead 1");
        assertEquals(11, second.rows.size());
        assertEquals(null, second.next);
        assertEquals("1", first.rows.getFirst().get("OWNER_ID"), "the seeded call is the earliest");
        assertTrue(((String) first.rows.get(1).get("CREATED")).compareTo((String) first.rows.get(2).get("CREATED")) < 0,
                "ordered by creation, not by ID");
    }

    private record Page(List<Map<String, Object>> rows, Integer next, Integer total) {
    }

    @SuppressWarnings("unchecked")
    private Page activities(Map<String, Object> filter, Map<String, Object> order, int start) {
        TestHttp.Reply reply = fixture.call("crm.activity.list", Map.of("filter", filter, "order", order,
                "select", List.of("ID", "OWNER_ID", "CREATED"), "start", start));
        assertEquals(200, reply.status(), () -> reply.body().toString());
        return new Page((List<Map<String, Object>>) reply.body().get("result"), (Integer) reply.body().get("next"),
                (Integer) reply.body().get("total"));
    }
}
