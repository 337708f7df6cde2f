package ru.unitecon.core.bitrix.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BatchResultTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void emptySectionsComeAsArraysAndMeanNothing() throws Exception {
        JsonNode answer = JSON.readTree("""
                {"result": [], "result_error": {"a": {"error": "NOT_FOUND", "error_description": "Not found"}},
                 "result_total": [], "result_next": [], "result_time": []}""");

        BatchResult result = BatchResult.parse(answer);

        assertTrue(result.results().isEmpty());
        assertEquals(new CommandError("NOT_FOUND", "Not found"), result.error("a").orElseThrow());
    }

    @Test
    void commandsKeyedZeroToNComeBackAsAList() throws Exception {
        JsonNode answer = JSON.readTree("""
                {"result": [{"ID": "5"}, {"ID": "6"}], "result_error": [], "result_total": {"1": 2}}""");

        BatchResult result = BatchResult.parse(answer);

        assertEquals("5", result.result("0").orElseThrow().path("ID").asText());
        assertEquals("6", result.result("1").orElseThrow().path("ID").asText());
        assertEquals(2L, result.totals().get("1"));
        assertTrue(result.errors().isEmpty());
    }
}
