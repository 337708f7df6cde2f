package ru.unitecon.functions;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import ru.unitecon.core.portal.InstallationStatus;
import ru.unitecon.simulator.DatasetGenerator;
import ru.unitecon.simulator.FramePost;
import ru.unitecon.simulator.IssuedTokens;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An employee of an installed portal, not its administrator, attacks their own portal with what opening the app
 * gives them: a genuine AUTH_ID and REFRESH_ID of that portal, which the OAuth server's app.info confirms. They
 * post the install page, send ONAPPINSTALL and ONAPPUPDATE with their own token, an application token of their
 * choosing and a client_endpoint of their own, and a forged ONAPPUNINSTALL with "delete data". Every attempt must
 * leave every item of the portal and the queue as they were, send nothing to their endpoint, and leave the
 * portal's genuine application token working. The attempts change nothing, so they share one installed portal.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SamePortalAttackTest {
    private static final String CHOSEN_TOKEN = "0123456789abcdef0123456789abcdef";

    private AppOnSimulatedPortal app;
    private HttpServer collector;
    private final List<String> collected = new CopyOnWriteArrayList<>();
    private String itemsBefore;
    private long portalSetUpCallsBefore;

    @BeforeAll
    void installedByTheAdministrator() {
        app = AppOnSimulatedPortal.start(DatasetGenerator.generate(23, 20));
        app.installAndBackfill();
        try {
            collector = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        collector.createContext("/", exchange -> {
            collected.add(exchange.getRequestURI().toString());
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        collector.start();
    }

    @BeforeEach
    void rememberThePortal() {
        itemsBefore = app.itemsOf(app.memberId());
        portalSetUpCallsBefore = setUpCalls();
        assertEquals(0, app.queue.size());
    }

    @AfterAll
    void close() {
        collector.stop(0);
        app.close();
    }

    @Test
    void theEmployeesInstallPageIsRefusedWithAPageInRussian() {
        FramePost employee = installFrame("ru");

        HttpResponse<String> page = app.post("/install?" + employee.url().getRawQuery(),
                employee.body() + "&APPLICATION_TOKEN=" + CHOSEN_TOKEN);

        assertEquals(403, page.statusCode());
        assertTrue(page.body().contains("только администратор Битрикс24"), page.body());
        assertNothingChangedAndTheGenuineTokenStillWorks();
    }

    @Test
    void theEmployeesInstallPageIsRefusedWithAPageInEnglish() {
        FramePost employee = installFrame("en");

        HttpResponse<String> page = app.post("/install?" + employee.url().getRawQuery(), employee.body());

        assertEquals(403, page.statusCode());
        assertTrue(page.body().contains("Only a Bitrix24 administrator can install or update this app"), page.body());
        assertNothingChangedAndTheGenuineTokenStillWorks();
    }

    @Test
    void theEmployeesInstallEventWithTheirOwnTokenAndEndpointIsRefused() {
        assertTrue(app.eventDropped(employeeAppEvent("ONAPPINSTALL")));

        assertNothingChangedAndTheGenuineTokenStillWorks();
    }

    @Test
    void theEmployeesUpdateEventIsRefused() {
        assertTrue(app.eventDropped(employeeAppEvent("ONAPPUPDATE")));

        assertNothingChangedAndTheGenuineTokenStillWorks();
    }

    @Test
    void aForgedUninstallWithDeleteDataIsRefusedEvenWithTheEmployeesLiveToken() {
        IssuedTokens employee = app.portal.issueTokens(app.portal.employeeUserId());
        Map<String, String> form = portalForm("ONAPPUNINSTALL", CHOSEN_TOKEN);
        form.put("data[CLEAN]", "1");
        form.put("auth[access_token]", employee.accessToken());

        assertTrue(app.eventDropped(AppOnSimulatedPortal.formBody(form)));

        assertEquals(InstallationStatus.INSTALLED, app.portals.find(app.memberId()).orElseThrow().status());
        assertNothingChangedAndTheGenuineTokenStillWorks();
    }

    private FramePost installFrame(String lang) {
        return app.portal.framePost("DEFAULT", app.gateway.url("/install"), lang, app.portal.employeeUserId(),
                Map.of());
    }

    /** An install or update event as the portal would send it, but with the employee's fresh tokens. */
    private String employeeAppEvent(String name) {
        IssuedTokens employee = app.portal.issueTokens(app.portal.employeeUserId());
        Map<String, String> form = portalForm(name, CHOSEN_TOKEN);
        form.put("data[VERSION]", "2");
        form.put("data[LANGUAGE_ID]", "ru");
        form.put("auth[access_token]", employee.accessToken());
        form.put("auth[refresh_token]", employee.refreshToken());
        form.put("auth[expires]", Long.toString(employee.expiresAt().getEpochSecond()));
        form.put("auth[server_endpoint]", app.portal.serverEndpoint().toString());
        form.put("auth[client_endpoint]", collectorUrl().toString());
        form.put("auth[user_id]", employee.userId());
        return AppOnSimulatedPortal.formBody(form);
    }

    private Map<String, String> portalForm(String event, String applicationToken) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("event", event);
        form.put("ts", Long.toString(app.clock.instant().getEpochSecond()));
        form.put("auth[domain]", app.portal.domain());
        form.put("auth[member_id]", app.memberId());
        form.put("auth[application_token]", applicationToken);
        return form;
    }

    private URI collectorUrl() {
        return URI.create("http://127.0.0.1:" + collector.getAddress().getPort() + "/rest/");
    }

    /** Calls only an install or update makes: bindings and user fields. */
    private long setUpCalls() {
        return app.portal.calls().count("batch") + app.portal.calls().count("event.bind")
                + app.portal.calls().count("placement.bind") + app.portal.calls().count("crm.lead.userfield.add")
                + app.portal.calls().count("crm.deal.userfield.add");
    }

    /**
     * The table as it was and the queues empty, no set-up call made on the portal, nothing sent to the employee's
     * endpoint; and a lead event with the portal's genuine application token is still taken (then worked off).
     */
    private void assertNothingChangedAndTheGenuineTokenStillWorks() {
        assertEquals(itemsBefore, app.itemsOf(app.memberId()));
        assertEquals(0, app.queue.size());
        assertEquals(portalSetUpCallsBefore, setUpCalls());
        assertEquals(app.portal.applicationToken(),
                app.portals.find(app.memberId()).orElseThrow().applicationToken());

        Map<String, String> lead = portalForm("ONCRMLEADUPDATE", app.portal.applicationToken());
        lead.put("data[FIELDS][ID]", "3");
        HttpResponse<String> genuine = app.post("/events", AppOnSimulatedPortal.formBody(lead));
        assertEquals(200, genuine.statusCode());
        assertEquals(1, app.queue.size());
        long dropped = app.inbox.dropped();
        app.sync();
        assertEquals(dropped, app.inbox.dropped(), "the genuine event was taken");
        assertEquals(List.of(), collected);
        assertEquals(List.of(), app.portal.violations());
    }
}
