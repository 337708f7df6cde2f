package ru.unitecon.simulator;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BatchTest {
    private final SimulatorFixture fixture = new SimulatorFixture(Dataset.bundledSample());

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void batchAnswersEachCommandUnderItsKey() {
        TestHttp.Reply reply = fixture.call("batch", Map.of("halt", 0, "cmd", Map.of(
                "lead", "crm.lead.get?id=5",
                "deals", "crm.deal.list?filter[STAGE_ID]=WON&select[]=ID")));

        assertEquals(200, reply.status());
        Map<String, Object> result = reply.resultMap();
        assertEquals(List.of("result", "result_error", "result_total", "result_next", "result_time"),
                List.copyOf(result.keySet()));
        assertEquals("5", map(map(result.get("result")).get("lead")).get("ID"));
        assertTrue(map(result.get("result")).get("deals") instanceof List);
        assertTrue(map(result.get("result_total")).get("deals") instanceof Number);
        assertTrue(map(result.get("result_time")).containsKey("lead"));
        assertTrue(reply.body().containsKey("time"));
    }

    @Test
    void emptyMapsInABatchAnswerAreJsonArrays() {
        TestHttp.Reply reply = fixture.call("batch", Map.of("cmd", Map.of("lead", "crm.lead.get?id=5")));

        Map<String, Object> result = reply.resultMap();
        assertEquals(List.of(), result.get("result_error"));
        assertEquals(List.of(), result.get("result_total"));
        assertEquals(List.of(), result.get("result_next"));
        assertTrue(reply.raw().body().contains("\"result_error\":[]"));
    }

    @Test
    void failedCommandsLandInResultError() {
        TestHttp.Reply reply = fixture.call("batch", Map.of("cmd", Map.of(
                "missing", "crm.lead.get?id=999999", "ok", "crm.lead.get?id=1")));

        Map<String, Object> result = reply.resultMap();
        assertEquals("NOT_FOUND", map(map(result.get("result_error")).get("missing")).get("error"));
        assertTrue(map(result.get("result")).containsKey("ok"));
    }

    @Test
    void haltStopsAtTheFirstFailure() {
        Map<String, Object> cmd = new LinkedHashMap<>();
        cmd.put("missing", "crm.lead.get?id=999999");
        cmd.put("never", "crm.lead.get?id=1");

        TestHttp.Reply reply = fixture.call("batch", Map.of("halt", 1, "cmd", cmd));

        assertEquals(List.of(), reply.resultMap().get("result"));
        assertEquals(0, fixture.portal.calls().all().stream().filter(c -> "never".equals(c.batchKey())).count());
    }

    @Test
    void moreThan50CommandsAreRefused() {
        Map<String, Object> cmd = new LinkedHashMap<>();
        for (int i = 0; i < 51; i++) {
            cmd.put("c" + i, "profile");
        }

        TestHttp.Reply reply = fixture.call("batch", Map.of("cmd", cmd));

        assertEquals(400, reply.status());
        assertEquals("ERROR_BATCH_LENGTH_EXCEEDED", reply.error());
    }

    @Test
    void fiftyCommandsAreFine() {
        Map<String, Object> cmd = new LinkedHashMap<>();
        for (int i = 0; i < 50; i++) {
            cmd.put("c" + i, "profile");
        }

        assertEquals(50, map(fixture.call("batch", Map.of("cmd", cmd)).resultMap().get("result")).size());
    }

    @Test
    void nestedBatchIsNotAllowed() {
        TestHttp.Reply reply = fixture.call("batch", Map.of("cmd", Map.of("inner", "batch?cmd[a]=profile")));

        assertEquals("ERROR_BATCH_METHOD_NOT_ALLOWED",
                map(map(reply.resultMap().get("result_error")).get("inner")).get("error"));
    }

    @Test
    void laterCommandsMayReferToEarlierResults() {
        Map<String, Object> cmd = new LinkedHashMap<>();
        cmd.put("first", "crm.lead.list?filter[ID]=7&select[]=ID");
        cmd.put("again", "crm.lead.get?id=$result[first][0][ID]");

        TestHttp.Reply reply = fixture.call("batch", Map.of("cmd", cmd));

        assertEquals("7", map(map(reply.resultMap().get("result")).get("again")).get("ID"));
    }

    @Test
    void batchCommandsAreRecordedUnderTheirKeys() {
        fixture.call("batch", Map.of("cmd", Map.of("lead", "crm.lead.get?id=5")));

        assertEquals(1, fixture.portal.calls().count());
        assertEquals(1, fixture.portal.calls().count("crm.lead.get"));
        RecordedCall inner = fixture.portal.calls().all().stream().filter(RecordedCall::insideBatch).findFirst().orElseThrow();
        assertEquals("lead", inner.batchKey());
        assertEquals(Map.of("id", "5"), inner.params());
        assertFalse(fixture.portal.calls().all().getLast().insideBatch());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }
}
