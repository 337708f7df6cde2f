package ru.unitecon.simulator.vk;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class VkAdPlansTest {
    @AutoClose
    private final VkFixture fixture = new VkFixture();
    private final String token = fixture.salonToken();

    @Test
    void listsTheAccountsPlansWithIdNameAndStatus() {
        JsonNode json = fixture.get(token, "/api/v2/ad_plans.json").json();

        assertEquals(3, json.get("count").asInt());
        assertEquals(0, json.get("offset").asInt());
        JsonNode first = json.get("items").get(0);
        VkAdPlan plan = fixture.salon().adPlans().getFirst();
        assertEquals(plan.id(), first.get("id").asLong());
        assertEquals(plan.name(), first.get("name").asText());
        assertEquals("active", first.get("status").asText());
    }

    @Test
    void fieldsLimitAndOffsetPageThroughThePlans() {
        JsonNode page = fixture.get(token, "/api/v2/ad_plans.json?fields=id,name&limit=2&offset=2").json();

        assertEquals(3, page.get("count").asInt());
        assertEquals(1, page.get("items").size());
        assertFalse(page.get("items").get(0).has("status"));
        assertEquals(fixture.salon().adPlans().get(2).id(), page.get("items").get(0).get("id").asLong());
    }

    @Test
    void statusFilterKeepsTheMatchingPlans() {
        JsonNode blocked = fixture.get(token, "/api/v2/ad_plans.json?_status=blocked").json();

        assertEquals(1, blocked.get("count").asInt());
        assertEquals("blocked", blocked.get("items").get(0).get("status").asText());
    }

    @Test
    void aLimitOver250IsRefused() {
        VkFixture.Reply reply = fixture.get(token, "/api/v2/ad_plans.json?limit=251");

        assertEquals(400, reply.status());
        assertEquals("ERR_WRONG_PARAMETER", reply.code());
        assertEquals("limit", fixture.simulator.violations().getFirst().parameter());
    }
}
