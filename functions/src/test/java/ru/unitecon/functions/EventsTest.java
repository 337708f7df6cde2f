package ru.unitecon.functions;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import ru.unitecon.core.install.EventBindings;
import ru.unitecon.simulator.Dataset;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class EventsTest {
    private AppOnSimulatedPortal app;

    @BeforeEach
    void installed() {
        app = AppOnSimulatedPortal.start(Dataset.bundledSample());
        app.installAndBackfill();
    }

    @AfterEach
    void close() {
        app.close();
    }

    @Test
    void leadUpdateBecomesOneQueuedChange() {
        HttpResponse<String> answer = app.post("/events", event("ONCRMLEADUPDATE", app.memberId(),
                app.portal.applicationToken()));

        assertEquals(200, answer.statusCode());
        assertEquals(1, app.queue.size());
    }

    @Test
    void forgedApplicationTokenIsRefused() {
        HttpResponse<String> answer = app.post("/events", event("ONCRMLEADUPDATE", app.memberId(),
                "ffffffffffffffffffffffffffffffff"));

        assertEquals(401, answer.statusCode());
        assertEquals(0, app.queue.size());
    }

    @Test
    void unknownMemberIsRefused() {
        HttpResponse<String> answer = app.post("/events", event("ONCRMLEADUPDATE",
                "0000000000000000000000000000beef", app.portal.applicationToken()));

        assertEquals(401, answer.statusCode());
        assertEquals(0, app.queue.size());
    }

    @Test
    void forgedUninstallLeavesThePortalInstalled() {
        HttpResponse<String> answer = app.post("/events", event("ONAPPUNINSTALL", app.memberId(), "forged"));

        assertEquals(401, answer.statusCode());
        assertFalse(app.portals.load(app.memberId()).isEmpty());
    }

    @Test
    void malformedBodyIsABadRequest() {
        HttpResponse<String> answer = app.post("/events", "event=ONCRMLEADUPDATE&auth[member_id]=%ZZ");

        assertEquals(400, answer.statusCode());
        assertFalse(answer.body().contains("Exception"));
        assertEquals(0, app.queue.size());
    }

    @Test
    void oversizedBodyIsRefusedUnread() {
        String body = event("ONCRMLEADUPDATE", app.memberId(), app.portal.applicationToken())
                + "&padding=" + "x".repeat(70 * 1024);

        HttpResponse<String> answer = app.post("/events", body);

        assertEquals(413, answer.statusCode());
        assertEquals(0, app.queue.size());
    }

    @Test
    void unknownEventIsAnsweredAndIgnored() {
        HttpResponse<String> answer = app.post("/events", event("ONCRMCONTACTADD", app.memberId(),
                app.portal.applicationToken()));

        assertEquals(200, answer.statusCode());
        assertEquals("ignored", answer.body());
        assertEquals(0, app.queue.size());
    }

    @Test
    void appUpdateBindsTheEventsAgain() {
        long bindsBefore = app.portal.calls().count("event.bind");

        HttpResponse<String> answer = app.portal.updateApp().orElseThrow();

        assertEquals(200, answer.statusCode());
        assertEquals(bindsBefore + EventBindings.EVENTS.size(), app.portal.calls().count("event.bind"));
        assertEquals(EventBindings.EVENTS.size(), app.portal.records().boundEvents().size());
        assertEquals(List.of(), app.portal.violations());
    }

    @Test
    void updateEventWithTheStoredApplicationTokenButNoAdministratorsTokenIsRefused() {
        long bindsBefore = app.portal.calls().count("event.bind");

        HttpResponse<String> answer = app.post("/events", event("ONAPPUPDATE", app.memberId(),
                app.portal.applicationToken()));

        assertEquals(401, answer.statusCode());
        assertEquals(bindsBefore, app.portal.calls().count("event.bind"));
        assertEquals(app.portal.applicationToken(), app.portals.find(app.memberId()).orElseThrow().applicationToken());
    }

    @Test
    void healthAnswers() {
        HttpResponse<String> answer = app.post("/health", "");

        assertEquals(200, answer.statusCode());
    }

    private String event(String name, String memberId, String applicationToken) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("event", name);
        form.put("data[FIELDS][ID]", "5");
        form.put("ts", Long.toString(app.clock.instant().getEpochSecond()));
        form.put("auth[domain]", app.portal.domain());
        form.put("auth[client_endpoint]", app.portal.clientEndpoint().toString());
        form.put("auth[member_id]", memberId);
        form.put("auth[application_token]", applicationToken);
        return AppOnSimulatedPortal.formBody(form);
    }
}
