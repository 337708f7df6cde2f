package ru.unitecon.simulator;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class BindingMethodsTest {
    private static final String HANDLER = "https://app.example/events";
    private final SimulatorFixture fixture = new SimulatorFixture(Dataset.bundledSample());

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void boundEventsAreListedByEventGet() {
        fixture.call("event.bind", Map.of("event", "onCrmLeadAdd", "handler", HANDLER));

        List<Map<String, Object>> bound = fixture.call("event.get", Map.of()).resultRows();

        assertEquals(List.of(Map.of("event", "ONCRMLEADADD", "handler", HANDLER, "auth_type", "0", "offline", 0)), bound);
    }

    @Test
    void bindingTheSameHandlerTwiceFails() {
        fixture.call("event.bind", Map.of("event", "ONCRMLEADADD", "handler", HANDLER));

        TestHttp.Reply again = fixture.call("event.bind", Map.of("event", "ONCRMLEADADD", "handler", HANDLER));

        assertEquals(400, again.status());
        assertEquals(1, fixture.portal.records().boundEvents().size());
    }

    @Test
    void unknownEventIsNotFound() {
        assertEquals("ERROR_EVENT_NOT_FOUND", fixture.call("event.bind", Map.of("event", "ONSOMETHING", "handler", HANDLER)).error());
    }

    @Test
    void unbindCountsWhatItRemoved() {
        fixture.call("event.bind", Map.of("event", "ONCRMDEALADD", "handler", HANDLER));

        TestHttp.Reply reply = fixture.call("event.unbind", Map.of("event", "ONCRMDEALADD", "handler", HANDLER));

        assertEquals(1, reply.resultMap().get("count"));
        assertEquals(List.of(), fixture.portal.records().boundEvents());
    }

    @Test
    void userAdminAndProfileTellTheAdministratorFromAnEmployee() {
        String employeeToken = fixture.portal.issueTokens(fixture.portal.employeeUserId()).accessToken();

        assertEquals(true, fixture.call("user.admin", Map.of()).result());
        assertEquals(false, TestHttp.call(fixture.portal, "user.admin", employeeToken, Map.of()).result());
        assertEquals(false, TestHttp.call(fixture.portal, "profile", employeeToken, Map.of()).resultMap().get("ADMIN"));
        assertEquals(List.of(), fixture.portal.violations());
    }

    @Test
    void anEmployeeBindsOnlyTheirOwnOnlineHandlers() {
        String employee = fixture.portal.employeeUserId();
        String employeeToken = fixture.portal.issueTokens(employee).accessToken();

        TestHttp.Reply own = TestHttp.call(fixture.portal, "event.bind", employeeToken,
                Map.of("event", "ONCRMDEALADD", "handler", HANDLER));
        TestHttp.Reply asAnother = TestHttp.call(fixture.portal, "event.bind", employeeToken,
                Map.of("event", "ONCRMLEADADD", "handler", HANDLER, "auth_type", "1"));
        TestHttp.Reply offline = TestHttp.call(fixture.portal, "event.bind", employeeToken,
                Map.of("event", "ONCRMLEADADD", "handler", HANDLER, "event_type", "offline"));

        assertEquals(200, own.status());
        assertEquals(employee, fixture.portal.records().boundEvents().getFirst().authType());
        assertEquals(403, asAnother.status());
        assertEquals("ACCESS_DENIED", asAnother.error());
        assertEquals("Access denied! Event binding with AUTH_TYPE requires administrator access rights",
                asAnother.body().get("error_description"));
        assertEquals(403, offline.status());
        assertEquals("Access denied! Offline events binding requires administrator access rights",
                offline.body().get("error_description"));
        assertEquals(1, fixture.portal.records().boundEvents().size());
    }

    @Test
    void theClientTabsOfContactAndDealCardsAreKnownPlacements() {
        fixture.call("placement.bind", Map.of("PLACEMENT", "CRM_CONTACT_DETAIL_TAB", "HANDLER", HANDLER));
        fixture.call("placement.bind", Map.of("PLACEMENT", "CRM_DEAL_DETAIL_TAB", "HANDLER", HANDLER));

        assertEquals(List.of("CRM_CONTACT_DETAIL_TAB", "CRM_DEAL_DETAIL_TAB"), fixture.portal.records().placements()
                .stream().map(PortalRecords.PlacementBinding::placement).toList());
        assertEquals(List.of(), fixture.portal.violations());
    }

    @Test
    void anEmployeeCanNeitherBindPlacementsNorAddUserFields() {
        String employeeToken = fixture.portal.issueTokens(fixture.portal.employeeUserId()).accessToken();

        TestHttp.Reply placement = TestHttp.call(fixture.portal, "placement.bind", employeeToken,
                Map.of("PLACEMENT", "CRM_ANALYTICS_MENU", "HANDLER", HANDLER));
        TestHttp.Reply field = TestHttp.call(fixture.portal, "crm.lead.userfield.add", employeeToken,
                Map.of("fields", Map.of("FIELD_NAME", "UE_X", "USER_TYPE_ID", "string")));

        assertEquals(403, placement.status());
        assertEquals("ACCESS_DENIED", placement.error());
        assertEquals(403, field.status());
        assertEquals("", field.error());
        assertEquals("Access denied.", field.body().get("error_description"));
        assertEquals(List.of(), fixture.portal.records().placements());
        assertEquals(List.of(), fixture.portal.userFields(CrmEntityType.LEAD));
    }

    @Test
    void placementsAreBoundListedAndUnbound() {
        fixture.call("placement.bind", Map.of("PLACEMENT", "CRM_DEAL_DETAIL_TAB", "HANDLER", HANDLER, "TITLE", "Экономика"));

        List<Map<String, Object>> bound = fixture.call("placement.get", Map.of()).resultRows();
        TestHttp.Reply unbound = fixture.call("placement.unbind", Map.of("PLACEMENT", "CRM_DEAL_DETAIL_TAB", "HANDLER", HANDLER));

        assertEquals("CRM_DEAL_DETAIL_TAB", bound.getFirst().get("placement"));
        assertEquals(1, unbound.resultMap().get("count"));
    }

    @Test
    void defaultPlacementCannotBeBound() {
        assertEquals("ERROR_PLACEMENT_NOT_FOUND",
                fixture.call("placement.bind", Map.of("PLACEMENT", "DEFAULT", "HANDLER", HANDLER)).error());
    }

    @Test
    void portalSideAppInfoHasNoMemberId() {
        Map<String, Object> info = fixture.call("app.info", Map.of()).resultMap();

        assertEquals(fixture.portal.seed().clientId(), info.get("CODE"));
        assertEquals(false, info.containsKey("member_id"));
    }
}
