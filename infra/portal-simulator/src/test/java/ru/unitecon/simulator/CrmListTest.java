package ru.unitecon.simulator;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CrmListTest {
    private final SimulatorFixture fixture = new SimulatorFixture(Dataset.bundledSample());

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void listPagesBy50WithNextAndTotal() {
        addLeads(95);

        TestHttp.Reply first = fixture.call("crm.lead.list", Map.of());
        TestHttp.Reply second = fixture.call("crm.lead.list", Map.of("start", 50));
        TestHttp.Reply last = fixture.call("crm.lead.list", Map.of("start", 100));

        assertEquals(50, first.resultRows().size());
        assertEquals(120, first.body().get("total"));
        assertEquals(50, first.body().get("next"));
        assertEquals(100, second.body().get("next"));
        assertEquals(20, last.resultRows().size());
        assertFalse(last.body().containsKey("next"));
    }

    @Test
    void startMinusOneSendsNoTotalAndPagesByIdFilter() {
        addLeads(95);
        List<String> seen = new ArrayList<>();
        String lastId = "0";
        List<Map<String, Object>> page;
        do {
            TestHttp.Reply reply = fixture.call("crm.lead.list", Map.of(
                    "order", Map.of("ID", "ASC"), "filter", Map.of(">ID", lastId), "select", List.of("ID"), "start", -1));
            assertFalse(reply.body().containsKey("total"));
            assertFalse(reply.body().containsKey("next"));
            page = reply.resultRows();
            page.forEach(row -> seen.add((String) row.get("ID")));
            lastId = seen.getLast();
        } while (page.size() == 50);

        assertEquals(120, seen.size());
        assertEquals(List.of("1", "2", "3"), seen.subList(0, 3));
        assertEquals("120", seen.getLast());
    }

    @Test
    void filterOnDatesStatusesAndIdLists() {
        List<Map<String, Object>> modifiedInAugust = rows("crm.lead.list", Map.of(
                "filter", Map.of(">=DATE_MODIFY", "2026-08-10T00:00:00+03:00", "STATUS_ID", "CONVERTED")));
        List<Map<String, Object>> byIds = rows("crm.lead.list", Map.of("filter", Map.of("@ID", List.of("3", "5"))));
        List<Map<String, Object>> notJunk = rows("crm.lead.list", Map.of("filter", Map.of("!STATUS_ID", "JUNK")));

        assertFalse(modifiedInAugust.isEmpty());
        assertTrue(modifiedInAugust.stream().allMatch(lead -> lead.get("STATUS_ID").equals("CONVERTED")
                && ((String) lead.get("DATE_MODIFY")).compareTo("2026-08-10") >= 0));
        assertEquals(List.of("3", "5"), byIds.stream().map(lead -> lead.get("ID")).toList());
        assertTrue(notJunk.stream().noneMatch(lead -> lead.get("STATUS_ID").equals("JUNK")));
    }

    @Test
    void orderSortsDescendingByDate() {
        List<Map<String, Object>> deals = rows("crm.deal.list", Map.of("order", Map.of("DATE_CREATE", "DESC")));

        List<String> dates = deals.stream().map(deal -> (String) deal.get("DATE_CREATE")).toList();
        assertEquals(dates.stream().sorted(java.util.Comparator.reverseOrder()).toList(), dates);
    }

    @Test
    void selectStarLeavesOutPhonesUnlessNamed() {
        Map<String, Object> star = rows("crm.lead.list", Map.of("select", List.of("*"))).getFirst();
        Map<String, Object> named = rows("crm.lead.list", Map.of("select", List.of("TITLE", "PHONE"))).getFirst();

        assertTrue(star.containsKey("TITLE"));
        assertFalse(star.containsKey("PHONE"));
        assertEquals(List.of("ID", "TITLE", "PHONE"), List.copyOf(named.keySet()));
        assertTrue(named.get("PHONE") instanceof List);
    }

    @Test
    void userFieldAppearsOnLeadsAndCanBeSet() {
        TestHttp.Reply added = fixture.call("crm.lead.userfield.add",
                Map.of("fields", Map.of("FIELD_NAME", "noshow_at", "USER_TYPE_ID", "datetime", "LABEL", "No-show")));
        fixture.portal.updateLead(1, Map.of("UF_CRM_NOSHOW_AT", "2026-08-14T12:00:00+03:00"));

        Map<String, Object> lead = rows("crm.lead.list", Map.of("select", List.of("UF_*"), "filter", Map.of("ID", "1"))).getFirst();
        Map<String, Object> listed = rows("crm.lead.userfield.list", Map.of("filter", Map.of("FIELD_NAME", "UF_CRM_NOSHOW_AT"))).getFirst();

        assertTrue(added.result() instanceof Number);
        assertEquals("2026-08-14T12:00:00+03:00", lead.get("UF_CRM_NOSHOW_AT"));
        assertEquals("datetime", listed.get("USER_TYPE_ID"));
        assertTrue(fixture.call("crm.lead.get", Map.of("id", "2")).resultMap().containsKey("UF_CRM_NOSHOW_AT"));
    }

    @Test
    void duplicateUserFieldIsRefused() {
        Map<String, Object> field = Map.of("fields", Map.of("FIELD_NAME", "UF_NOSHOW", "USER_TYPE_ID", "boolean"));
        fixture.call("crm.deal.userfield.add", field);

        TestHttp.Reply again = fixture.call("crm.deal.userfield.add",
                Map.of("fields", Map.of("FIELD_NAME", "UF_CRM_NOSHOW", "USER_TYPE_ID", "boolean")));

        assertEquals(400, again.status());
        assertEquals(1, fixture.portal.userFields(CrmEntityType.DEAL).size());
    }

    @Test
    void updateMovesDateModifyToNow() {
        fixture.clock.advance(Duration.ofDays(30));

        fixture.portal.updateLead(1, Map.of("STATUS_ID", "JUNK"));

        String freshToken = fixture.portal.issueTokens("1").accessToken();
        Map<String, Object> lead = TestHttp.call(fixture.portal, "crm.lead.get", freshToken, Map.of("id", 1)).resultMap();
        assertEquals("JUNK", lead.get("STATUS_ID"));
        assertEquals("2026-09-13T12:00:00+03:00", lead.get("DATE_MODIFY"));
    }

    @Test
    void deletedLeadIsNotFound() {
        fixture.portal.deleteLead(1);

        TestHttp.Reply reply = fixture.call("crm.lead.get", Map.of("id", 1));

        assertEquals(400, reply.status());
        assertNull(reply.result());
    }

    @Test
    void dictionariesComeFromTheDataset() {
        List<Map<String, Object>> leadStatuses = rows("crm.status.list", Map.of("filter", Map.of("ENTITY_ID", "STATUS")));
        Map<String, Object> categories = fixture.call("crm.category.list", Map.of("entityTypeId", 2)).resultMap();

        assertEquals(List.of("NEW", "IN_PROCESS", "PROCESSED", "CONVERTED", "JUNK"),
                leadStatuses.stream().map(s -> s.get("STATUS_ID")).toList());
        assertEquals(3, ((List<?>) categories.get("categories")).size());
    }

    private List<Map<String, Object>> rows(String method, Map<String, Object> params) {
        TestHttp.Reply reply = fixture.call(method, params);
        assertEquals(200, reply.status(), () -> reply.body().toString());
        return reply.resultRows();
    }

    private void addLeads(int count) {
        for (int i = 0; i < count; i++) {
            fixture.portal.addLead(Map.of("TITLE", "Lead " + i, "STATUS_ID", "NEW"));
        }
    }
}
