package ru.unitecon.core.bitrix.rest;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BracketQueryTest {

    @Test
    void nestedParametersUsePhpBrackets() {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("filter", Map.of(">ID", 5));
        params.put("select", List.of("ID", "UF_*"));
        params.put("start", -1);

        assertEquals("filter[%3EID]=5&select[0]=ID&select[1]=UF_*&start=-1", BracketQuery.encode(params));
    }

    @Test
    void onlyReadsAreRetriedAfterATimeout() {
        assertTrue(BitrixRestClient.isRead("crm.lead.get"));
        assertTrue(BitrixRestClient.isRead("crm.deal.list"));
        assertTrue(BitrixRestClient.isRead("profile"));
        assertFalse(BitrixRestClient.isRead("crm.timeline.comment.add"));
        assertFalse(BitrixRestClient.isRead("event.bind"));
    }
}
