package ru.unitecon.functions;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import ru.unitecon.core.install.EventBindings;
import ru.unitecon.core.bookkeeping.LeadRecord;
import ru.unitecon.simulator.Dataset;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The webhook path as deployed: the gateway answers the portal and queues the body (no function runs), the sync
 * function checks and parses it and fetches a genuine change in the same run; whatever is no genuine event is
 * dropped there, counted, and changes nothing stored.
 */
class EventsTest {
    private static final long LEAD = 5;
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
    void aLeadUpdateIsAnsweredByTheQueueAndFetchedInOneSyncRun() {
        app.clock.advance(Duration.ofMinutes(1));
        app.portal.updateLead(LEAD, Map.of("OPPORTUNITY", "777.00"));

        HttpResponse<String> answer = app.post("/events", event("ONCRMLEADUPDATE", app.memberId(),
                app.portal.applicationToken()));

        assertEquals(200, answer.statusCode());
        assertTrue(answer.body().startsWith("{\"SendMessageResponse\":"), answer.body());
        assertEquals(1, app.queue.events());
        LocalQueue.Deliveries deliveries = app.sync();
        assertEquals(1, deliveries.rounds(), "fetched in the run that took the event, not queued again");
        assertEquals(0, app.queue.size());
        assertEquals(0, new BigDecimal("777").compareTo(lead().amount().value()));
    }

    @Test
    void theBodyInBase64IsTakenAsWell() {
        app.clock.advance(Duration.ofMinutes(1));
        app.portal.updateLead(LEAD, Map.of("OPPORTUNITY", "777.00"));
        String body = event("ONCRMLEADUPDATE", app.memberId(), app.portal.applicationToken());

        app.post("/events", Base64.getEncoder().encodeToString(body.getBytes(StandardCharsets.UTF_8)));
        app.sync();

        assertEquals(0, new BigDecimal("777").compareTo(lead().amount().value()));
        assertEquals(0, app.inbox.dropped());
    }

    @Test
    void duplicatesAndOutOfOrderEventsAreHarmless() {
        app.clock.advance(Duration.ofMinutes(1));
        String stale = event("ONCRMLEADUPDATE", app.memberId(), app.portal.applicationToken());
        app.clock.advance(Duration.ofMinutes(1));
        app.portal.updateLead(LEAD, Map.of("OPPORTUNITY", "777.00"));
        String fresh = event("ONCRMLEADUPDATE", app.memberId(), app.portal.applicationToken());

        app.post("/events", fresh);
        app.post("/events", fresh);
        app.post("/events", stale);
        app.sync();
        app.post("/events", stale);
        app.post("/events", fresh);
        app.sync();

        assertEquals(0, new BigDecimal("777").compareTo(lead().amount().value()));
        assertEquals(app.recomputedAggregates(app.memberId()), app.storedAggregates(app.memberId()));
        assertEquals(0, app.queue.size());
        assertEquals(0, app.queue.deadLetters());
    }

    @Test
    void aForgedApplicationTokenIsDroppedAndChangesNothing() {
        assertDroppedUnchanged(event("ONCRMLEADUPDATE", app.memberId(), "ffffffffffffffffffffffffffffffff"));
    }

    @Test
    void anUnknownMemberIsDroppedAndChangesNothing() {
        assertDroppedUnchanged(event("ONCRMLEADUPDATE", "0000000000000000000000000000beef",
                app.portal.applicationToken()));
    }

    @Test
    void aForgedUninstallIsDroppedAndLeavesThePortalInstalled() {
        assertDroppedUnchanged(event("ONAPPUNINSTALL", app.memberId(), "forged"));
        assertFalse(app.portals.load(app.memberId()).isEmpty());
    }

    @Test
    void aMalformedBodyIsDroppedAndChangesNothing() {
        assertDroppedUnchanged("event=ONCRMLEADUPDATE&auth[member_id]=%ZZ");
    }

    @Test
    void aBodyOverTheQueuesMessageSizeIsRefusedByTheGatewayAndNeverQueued() {
        String body = event("ONCRMLEADUPDATE", app.memberId(), app.portal.applicationToken())
                + "&padding=" + "x".repeat(70 * 1024);

        HttpResponse<String> answer = app.post("/events", body);

        assertEquals(500, answer.statusCode());
        assertEquals(0, app.queue.size());
    }

    @Test
    void anUnknownEventIsAnsweredAndIgnoredWithoutBeingCountedAsForged() {
        String before = app.itemsOf(app.memberId());

        assertEquals(200, app.post("/events", event("ONCRMCONTACTADD", app.memberId(),
                app.portal.applicationToken())).statusCode());
        app.sync();

        assertEquals(before, app.itemsOf(app.memberId()));
        assertEquals(0, app.inbox.dropped());
        assertEquals(0, app.queue.size());
    }

    @Test
    void appUpdateBindsTheEventsAgain() {
        long bindsBefore = app.portal.calls().count("event.bind");

        HttpResponse<String> answer = app.portal.updateApp().orElseThrow();
        app.sync();

        assertEquals(200, answer.statusCode());
        assertEquals(bindsBefore + EventBindings.EVENTS.size(), app.portal.calls().count("event.bind"));
        assertEquals(EventBindings.EVENTS.size(), app.portal.records().boundEvents().size());
        assertEquals(List.of(), app.portal.violations());
    }

    @Test
    void anUpdateEventWithTheStoredApplicationTokenButNoAdministratorsTokenIsDropped() {
        long bindsBefore = app.portal.calls().count("event.bind");

        assertDroppedUnchanged(event("ONAPPUPDATE", app.memberId(), app.portal.applicationToken()));

        assertEquals(bindsBefore, app.portal.calls().count("event.bind"));
        assertEquals(app.portal.applicationToken(), app.portals.find(app.memberId()).orElseThrow().applicationToken());
    }

    @Test
    void healthAnswers() {
        HttpResponse<String> answer = app.post("/health", "");

        assertEquals(200, answer.statusCode());
    }

    /** The gateway answers 200 as for any body; the sync drops it, without a retry, and nothing stored changes. */
    private void assertDroppedUnchanged(String body) {
        String before = app.itemsOf(app.memberId());

        assertEquals(200, app.post("/events", body).statusCode());
        LocalQueue.Deliveries deliveries = app.sync();

        assertEquals(before, app.itemsOf(app.memberId()));
        assertEquals(1, app.inbox.dropped());
        assertEquals(0, deliveries.failures(), "dropped, never retried");
        assertEquals(0, app.queue.size());
        assertEquals(0, app.queue.deadLetters());
    }

    private LeadRecord lead() {
        return app.liveLeads().stream().filter(lead -> lead.id() == LEAD).findFirst().orElseThrow();
    }

    private String event(String name, String memberId, String applicationToken) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("event", name);
        form.put("data[FIELDS][ID]", Long.toString(LEAD));
        form.put("ts", Long.toString(app.clock.instant().getEpochSecond()));
        form.put("auth[domain]", app.portal.domain());
        form.put("auth[client_endpoint]", app.portal.clientEndpoint().toString());
        form.put("auth[member_id]", memberId);
        form.put("auth[application_token]", applicationToken);
        return AppOnSimulatedPortal.formBody(form);
    }
}
