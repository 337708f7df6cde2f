package ru.unitecon.simulator;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ParameterCheckTest {
    private final SimulatorFixture fixture = new SimulatorFixture(Dataset.bundledSample());

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void wellFormedCallsLeaveNoViolations() {
        fixture.call("crm.lead.list", Map.of("select", List.of("ID"), "filter", Map.of(">ID", 0),
                "order", Map.of("ID", "ASC"), "start", -1));
        fixture.call("event.bind", Map.of("event", "ONCRMLEADADD", "handler", "https://app.example/events"));
        fixture.call("crm.activity.todo.add", Map.of("ownerTypeId", 1, "ownerId", 1, "deadline", "2026-08-20T10:00:00+03:00"));

        assertEquals(List.of(), fixture.portal.violations());
    }

    @Test
    void unknownParameterIsAViolation() {
        TestHttp.Reply reply = fixture.call("crm.lead.get", Map.of("id", 1, "fields", List.of("TITLE")));

        assertEquals(400, reply.status());
        assertEquals("INVALID_ARG_VALUE", reply.error());
        assertEquals(List.of(new Violation("crm.lead.get", "fields", Violation.Kind.UNKNOWN_PARAMETER,
                "not a parameter of crm.lead.get")), fixture.portal.violations());
    }

    @Test
    void missingRequiredParameterIsAViolation() {
        fixture.call("event.bind", Map.of("event", "ONCRMLEADADD"));

        Violation violation = fixture.portal.violations().getFirst();
        assertEquals(Violation.Kind.MISSING_PARAMETER, violation.kind());
        assertEquals("handler", violation.parameter());
    }

    @Test
    void wrongTypeIsAViolation() {
        fixture.call("crm.lead.list", Map.of("select", "ID,TITLE"));

        Violation violation = fixture.portal.violations().getFirst();
        assertEquals(Violation.Kind.WRONG_TYPE, violation.kind());
        assertEquals("select", violation.parameter());
    }

    @Test
    void nonNumericIdIsAWrongType() {
        fixture.call("crm.deal.get", Map.of("id", "abc"));

        assertEquals(Violation.Kind.WRONG_TYPE, fixture.portal.violations().getFirst().kind());
    }

    @Test
    void fieldsInsideAnObjectParameterAreChecked() {
        fixture.call("crm.timeline.comment.add", Map.of("fields", Map.of("ENTITY_ID", 1, "ENTITY_TYPE", "lead")));

        Violation violation = fixture.portal.violations().getFirst();
        assertEquals(Violation.Kind.MISSING_PARAMETER, violation.kind());
        assertEquals("fields.COMMENT", violation.parameter());
    }

    @Test
    void commandsInsideABatchAreChecked() {
        fixture.call("batch", Map.of("cmd", Map.of("a", "crm.lead.list?filtr[ID]=1")));

        Violation violation = fixture.portal.violations().getFirst();
        assertEquals("crm.lead.list", violation.method());
        assertEquals(Violation.Kind.UNKNOWN_PARAMETER, violation.kind());
    }

    @Test
    void unknownMethodIsAViolation() {
        TestHttp.Reply reply = fixture.call("crm.lead.fetch", Map.of());

        assertEquals(404, reply.status());
        assertEquals(Violation.Kind.UNKNOWN_METHOD, fixture.portal.violations().getFirst().kind());
    }

    @Test
    void authIsAlwaysAllowedInsideBatchCommandsToo() {
        fixture.call("batch", Map.of("cmd", Map.of("a", "profile?auth=" + fixture.adminToken)));

        assertEquals(List.of(), fixture.portal.violations());
    }
}
