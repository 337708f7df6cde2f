package ru.unitecon.simulator;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
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
    void datesWithoutOffsetAreInThePortalsZone() {
        List<Map<String, Object>> byDay = rows("crm.deal.list", Map.of("filter", Map.of(">=DATE_CREATE", "2026-06-01")));
        List<Map<String, Object>> byOffset = rows("crm.deal.list",
                Map.of("filter", Map.of(">=DATE_CREATE", "2026-06-01T00:00:00+03:00")));

        assertFalse(byDay.isEmpty());
        assertEquals(byOffset, byDay);
    }

    @Test
    void orderSortsDescendingByDate() {
        List<Map<String, Object>> deals = rows("crm.deal.list", Map.of("order", Map.of("DATE_CREATE", "DESC")));

        List<String> dates = deals.stream().map(deal -> (String) deal.get("DATE_CREATE")).toList();
        assertEquals(dates.stream().sorted(Comparator.reverseOrder()).toList(), dates);
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
    void enumerationItemsGetIdsThatRecordsHold() {
        fixture.call("crm.lead.userfield.add", Map.of("fields", Map.of("FIELD_NAME", "VISIT_STATE",
                "USER_TYPE_ID", "enumeration", "LIST", List.of(Map.of("VALUE", "Booked", "XML_ID", "BOOKED"),
                        Map.of("VALUE", "No-show", "XML_ID", "NO_SHOW", "SORT", 20)))));

        Map<String, Object> listed = rows("crm.lead.userfield.list",
                Map.of("filter", Map.of("FIELD_NAME", "UF_CRM_VISIT_STATE"))).getFirst();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> items = (List<Map<String, Object>>) listed.get("LIST");
        assertEquals(List.of("BOOKED", "NO_SHOW"), items.stream().map(item -> item.get("XML_ID")).toList());
        String noShow = String.valueOf(items.get(1).get("ID"));
        assertFalse(noShow.equals(String.valueOf(items.get(0).get("ID"))));

        fixture.portal.updateLead(1, Map.of("UF_CRM_VISIT_STATE", noShow));
        Map<String, Object> lead = rows("crm.lead.list",
                Map.of("select", List.of("UF_*"), "filter", Map.of("ID", "1"))).getFirst();
        assertEquals(noShow, String.valueOf(lead.get("UF_CRM_VISIT_STATE")));
    }

    @Test
    void userFieldIsReadBackById() {
        Number id = (Number) fixture.call("crm.deal.userfield.add",
                Map.of("fields", Map.of("FIELD_NAME", "VISIT_AT", "USER_TYPE_ID", "datetime"))).result();

        Map<String, Object> field = fixture.call("crm.deal.userfield.get", Map.of("id", id)).resultMap();

        assertEquals("UF_CRM_VISIT_AT", field.get("FIELD_NAME"));
        assertEquals("CRM_DEAL", field.get("ENTITY_ID"));
    }

    @Test
    void dealContactItemsNameTheDealsContact() {
        List<Map<String, Object>> items = rows("crm.deal.contact.items.get", Map.of("id", 1));

        assertEquals(List.of(Map.of("CONTACT_ID", 4, "SORT", 10, "ROLE_ID", 0, "IS_PRIMARY", "Y")), items);
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
    void userFieldNamesGetTheCrmPrefixAndOnlyCapitalsDigitsAndUnderscores() {
        TestHttp.Reply lowerCase = fixture.call("crm.lead.userfield.add",
                Map.of("fields", Map.of("FIELD_NAME", "uf_visit_date", "USER_TYPE_ID", "date")));
        TestHttp.Reply dashed = fixture.call("crm.lead.userfield.add",
                Map.of("fields", Map.of("FIELD_NAME", "visit-date", "USER_TYPE_ID", "date")));

        assertEquals(200, lowerCase.status());
        assertEquals("UF_CRM_VISIT_DATE", fixture.portal.userFields(CrmEntityType.LEAD).getFirst().fieldName());
        assertEquals(400, dashed.status());
    }

    @Test
    void settingAnUndefinedUserFieldIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> fixture.portal.updateLead(1, Map.of("UF_CRM_MISSING", "1")));
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
