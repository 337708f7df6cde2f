package ru.unitecon.functions;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import ru.unitecon.core.install.EventBindings;
import ru.unitecon.core.portal.InstallationStatus;
import ru.unitecon.core.store.SpendStore;
import ru.unitecon.simulator.Dataset;
import ru.unitecon.simulator.DatasetGenerator;
import ru.unitecon.simulator.IssuedTokens;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the portal's administrator does over the app's life, through the functions against the simulated portal:
 * update it (the portal renews the application token and drops the app's event handlers), uninstall it keeping
 * the data and install it again, uninstall it deleting the data and install it again.
 */
class AdministratorLifecycleTest {
    private static final YearMonth MONTH = YearMonth.of(2026, 10);

    private final Dataset dataset = DatasetGenerator.generate(31, 40);
    private AppOnSimulatedPortal app;
    private SpendStore spend;

    @BeforeEach
    void installed() {
        app = AppOnSimulatedPortal.start(dataset);
        app.installAndBackfill();
        spend = app.services.spend();
        spend.replaceMonths(app.memberId(), Map.of(MONTH, Map.of("vk", new BigDecimal("12000"))));
    }

    @AfterEach
    void close() {
        assertEquals(List.of(), app.portal.violations());
        app.close();
    }

    @Test
    void anUpdateRenewsTheApplicationTokenAndEventsKeepFlowing() {
        String before = app.portal.applicationToken();

        HttpResponse<String> answer = app.portal.updateApp().orElseThrow();
        app.sync();

        assertEquals(200, answer.statusCode());
        assertNotEquals(before, app.portal.applicationToken());
        assertEquals(app.portal.applicationToken(), app.portals.find(app.memberId()).orElseThrow().applicationToken());
        assertEquals(EventBindings.EVENTS.size(), app.portal.records().boundEvents().size());
        assertTrue(app.eventDropped(leadEvent(3, before)));
        assertLeadEventsFlow();
    }

    @Test
    void uninstallKeepingTheDataThenReinstallKeepsItAndTakesTheNewApplicationToken() {
        String before = app.portal.applicationToken();
        int leads = app.liveLeads().size();

        assertEquals(200, app.portal.uninstall(false).orElseThrow().statusCode());
        app.sync();

        assertEquals(InstallationStatus.UNINSTALLED, app.portals.find(app.memberId()).orElseThrow().status());
        assertNull(app.portals.find(app.memberId()).orElseThrow().applicationToken());
        assertEquals(leads, app.liveLeads().size());

        assertEquals(200, app.install().statusCode());
        assertTrue(app.eventDropped(employeesInstallEvent()));
        assertNull(app.portals.find(app.memberId()).orElseThrow().applicationToken());
        assertEquals(200, app.portal.deliverInstallEvent(app.eventsUrl()).statusCode());
        app.sync();

        assertNotEquals(before, app.portal.applicationToken());
        assertEquals(app.portal.applicationToken(), app.portals.find(app.memberId()).orElseThrow().applicationToken());
        assertEquals(dataset.leads().size(), app.liveLeads().size());
        assertEquals(0, new BigDecimal("12000").compareTo(spendOf(MONTH)));
        assertTrue(app.eventDropped(leadEvent(3, before)));
        assertLeadEventsFlow();
    }

    @Test
    void uninstallDeletingTheDataThenReinstallStartsClean() {
        Instant firstInstalled = app.portals.find(app.memberId()).orElseThrow().installedAt();

        assertEquals(200, app.portal.uninstall(true).orElseThrow().statusCode());
        app.sync();

        assertEquals("[][]", app.itemsOf(app.memberId()));

        app.clock.advance(Duration.ofDays(1));
        assertEquals(200, app.install().statusCode());
        assertEquals(200, app.portal.deliverInstallEvent(app.eventsUrl()).statusCode());
        app.sync();

        assertTrue(app.portals.find(app.memberId()).orElseThrow().installedAt().isAfter(firstInstalled));
        assertEquals(app.portal.applicationToken(), app.portals.find(app.memberId()).orElseThrow().applicationToken());
        assertEquals(dataset.leads().size(), app.liveLeads().size());
        assertNull(spendOf(MONTH), "the spend typed in before the uninstall is gone");
        assertLeadEventsFlow();
    }

    private BigDecimal spendOf(YearMonth month) {
        return spend.load(app.memberId(), month, month).values().stream().reduce(BigDecimal::add).orElse(null);
    }

    /** An edit in the portal, delivered by the portal with its current token, reaches the stored lead. */
    private void assertLeadEventsFlow() {
        app.portal.updateLead(3, Map.of("OPPORTUNITY", "4321.00"));
        assertEquals(200, app.portal.deliverEvent("ONCRMLEADUPDATE", 3, false).statusCode());
        app.sync();
        BigDecimal stored = app.liveLeads().stream().filter(lead -> lead.id() == 3).findFirst().orElseThrow()
                .amount().value();
        assertEquals(0, new BigDecimal("4321").compareTo(stored), "stored " + stored);
    }

    private String leadEvent(long id, String applicationToken) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("event", "ONCRMLEADUPDATE");
        form.put("data[FIELDS][ID]", Long.toString(id));
        form.put("ts", Long.toString(app.clock.instant().getEpochSecond()));
        form.put("auth[domain]", app.portal.domain());
        form.put("auth[member_id]", app.memberId());
        form.put("auth[application_token]", applicationToken);
        return AppOnSimulatedPortal.formBody(form);
    }

    /** While no application token is stored, an employee tries to be the one who sets it. */
    private String employeesInstallEvent() {
        IssuedTokens employee = app.portal.issueTokens(app.portal.employeeUserId());
        Map<String, String> form = new LinkedHashMap<>();
        form.put("event", "ONAPPINSTALL");
        form.put("ts", Long.toString(app.clock.instant().getEpochSecond()));
        form.put("auth[access_token]", employee.accessToken());
        form.put("auth[refresh_token]", employee.refreshToken());
        form.put("auth[expires]", Long.toString(employee.expiresAt().getEpochSecond()));
        form.put("auth[domain]", app.portal.domain());
        form.put("auth[server_endpoint]", app.portal.serverEndpoint().toString());
        form.put("auth[member_id]", app.memberId());
        form.put("auth[application_token]", "0123456789abcdef0123456789abcdef");
        return AppOnSimulatedPortal.formBody(form);
    }
}
