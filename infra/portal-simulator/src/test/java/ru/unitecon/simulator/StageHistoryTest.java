package ru.unitecon.simulator;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class StageHistoryTest {
    private final SimulatorFixture fixture = new SimulatorFixture(DatasetGenerator.generate(4, 30));

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void movingADealToWonClosesItAndIsAFinalHistoryEntry() {
        long id = fixture.portal.addDeal(Map.of("TITLE", "Стрижка", "CATEGORY_ID", "0", "CONTACT_ID", "1"));
        fixture.clock.advance(Duration.ofMinutes(30));

        fixture.portal.updateDeal(id, Map.of("STAGE_ID", "WON"));

        Map<String, Object> deal = fixture.portal.deals().get(id).orElseThrow();
        assertEquals("S", deal.get("STAGE_SEMANTIC_ID"));
        assertEquals("Y", deal.get("CLOSED"));
        List<Map<String, Object>> items = history(2, Map.of("OWNER_ID", id));
        assertEquals(List.of(1, 3), items.stream().map(item -> item.get("TYPE_ID")).toList());
        assertEquals(List.of("NEW", "WON"), items.stream().map(item -> item.get("STAGE_ID")).toList());
        assertEquals("2026-08-14T12:30:00+03:00", items.getLast().get("CREATED_TIME"));
    }

    @Test
    void leadMovesAreIntermediateUntilAFinalStatus() {
        long id = fixture.portal.addLead(Map.of("TITLE", "Маникюр"));

        fixture.portal.updateLead(id, Map.of("STATUS_ID", "IN_PROCESS"));
        fixture.portal.updateLead(id, Map.of("STATUS_ID", "JUNK"));

        List<Map<String, Object>> items = history(1, Map.of("OWNER_ID", id));
        assertEquals(List.of(1, 2, 3), items.stream().map(item -> item.get("TYPE_ID")).toList());
        assertEquals("F", items.getLast().get("STATUS_SEMANTIC_ID"));
    }

    @Test
    void seededRecordsStartInTheFirstStageAndMoveToTheirCurrentOne() {
        Map<String, Object> won = fixture.portal.deals().all().stream()
                .filter(deal -> "WON".equals(deal.get("STAGE_ID"))).findFirst().orElseThrow();

        List<Map<String, Object>> items = history(2, Map.of("OWNER_ID", won.get("ID")));

        assertEquals(List.of("NEW", "WON"), items.stream().map(item -> item.get("STAGE_ID")).toList());
        assertEquals(won.get("DATE_CREATE"), items.getFirst().get("CREATED_TIME"));
    }

    private List<Map<String, Object>> history(int entityTypeId, Map<String, Object> filter) {
        TestHttp.Reply reply = fixture.call("crm.stagehistory.list",
                Map.of("entityTypeId", entityTypeId, "filter", filter, "order", Map.of("ID", "ASC")));
        assertEquals(200, reply.status(), () -> reply.body().toString());
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> items = (List<Map<String, Object>>) reply.resultMap().get("items");
        return items;
    }
}
