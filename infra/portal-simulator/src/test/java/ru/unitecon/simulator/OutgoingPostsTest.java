package ru.unitecon.simulator;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the portal POSTs to the app: install frame, placements, events (bitrix24.md §1.2, §1.3, §5.3, §6.2, §10). */
class OutgoingPostsTest {
    private final SimulatorFixture fixture = new SimulatorFixture(Dataset.bundledSample());
    private ReceivingApp app;

    @BeforeEach
    void startApp() throws IOException {
        app = new ReceivingApp();
    }

    @AfterEach
    void stop() {
        app.close();
        fixture.close();
    }

    @Test
    void installPostCarriesPortalInQueryAndTokensInBody() {
        HttpResponse<String> response = fixture.portal.installApp(app.url("/install"), app.url("/app"));

        assertEquals(200, response.statusCode());
        ReceivingApp.Received post = app.only();
        assertEquals("application/x-www-form-urlencoded", post.contentType());
        Map<String, Object> query = FormCodec.decode(post.rawQuery());
        assertEquals(List.of("DOMAIN", "PROTOCOL", "LANG", "APP_SID"), List.copyOf(query.keySet()));
        assertEquals(fixture.portal.domain(), query.get("DOMAIN"));
        assertEquals("0", query.get("PROTOCOL"));
        assertTrue(((String) query.get("APP_SID")).matches("[0-9a-f]{32}"));
        Map<String, Object> body = FormCodec.decode(post.body());
        assertEquals(List.of("AUTH_ID", "AUTH_EXPIRES", "REFRESH_ID", "member_id", "status", "PLACEMENT", "PLACEMENT_OPTIONS"),
                List.copyOf(body.keySet()));
        assertEquals("3600", body.get("AUTH_EXPIRES"));
        assertEquals(fixture.portal.memberId(), body.get("member_id"));
        assertEquals("DEFAULT", body.get("PLACEMENT"));
        assertEquals("{}", body.get("PLACEMENT_OPTIONS"));
        assertEquals(200, TestHttp.call(fixture.portal, "profile", (String) body.get("AUTH_ID"), Map.of()).status());
        assertTrue(fixture.portal.isInstalled());
    }

    @Test
    void placementPostNamesThePlacementAndItsOptions() {
        FramePost post = fixture.portal.framePost("CRM_DEAL_DETAIL_TAB", app.url("/tab"), "en", "1", Map.of("ID", "8"));

        assertEquals("CRM_DEAL_DETAIL_TAB", post.form().get("PLACEMENT"));
        assertEquals("{\"ID\":\"8\"}", post.form().get("PLACEMENT_OPTIONS"));
        assertEquals("en", FormCodec.decode(post.url().getRawQuery()).get("LANG"));
        assertTrue(post.autoSubmitPage().contains("name=\"PLACEMENT\" value=\"CRM_DEAL_DETAIL_TAB\""));
    }

    @Test
    void aCrmTabPostGoesToTheBoundHandlerWithTheCardsIdAsAString() {
        fixture.call("placement.bind", Map.of("PLACEMENT", "CRM_CONTACT_DETAIL_TAB", "HANDLER",
                app.url("/app").toString(), "TITLE", "Юнит-экономика"));

        FramePost post = fixture.portal.crmTabPost("CRM_CONTACT_DETAIL_TAB", "501", "ru", "1");

        assertEquals(app.url("/app").getPath(), post.url().getPath());
        assertEquals("CRM_CONTACT_DETAIL_TAB", post.form().get("PLACEMENT"));
        assertEquals("{\"ID\":\"501\"}", post.form().get("PLACEMENT_OPTIONS"));
        assertEquals(fixture.portal.memberId(), post.form().get("member_id"));
        assertThrows(IllegalStateException.class,
                () -> fixture.portal.crmTabPost("CRM_DEAL_DETAIL_TAB", "7", "ru", "1"), "nothing bound to deal cards");
    }

    @Test
    void openPlacementSendsTheFramePost() {
        fixture.portal.openPlacement("CRM_ANALYTICS_MENU", app.url("/dashboard"), "ru");

        assertEquals("CRM_ANALYTICS_MENU", FormCodec.decode(app.only().body()).get("PLACEMENT"));
    }

    @Test
    void openAppPostsTheDefaultFrameToTheAppUrl() {
        fixture.portal.installApp(app.url("/install"), app.url("/app"));

        fixture.portal.openApp("ru");

        ReceivingApp.Received post = app.received().getLast();
        assertEquals("/app", post.path());
        assertEquals("DEFAULT", FormCodec.decode(post.body()).get("PLACEMENT"));
    }

    @Test
    void installEventCarriesTokensAndApplicationToken() {
        fixture.portal.installApp(app.url("/install"), app.url("/app"));

        fixture.portal.deliverInstallEvent(app.url("/events"));

        Map<String, String> form = FormCodec.flatten(FormCodec.decode(app.received().getLast().body()));
        assertEquals(List.of("event", "data[VERSION]", "data[ACTIVE]", "data[INSTALLED]", "data[LANGUAGE_ID]", "ts",
                "auth[access_token]", "auth[expires]", "auth[expires_in]", "auth[scope]", "auth[domain]",
                "auth[server_endpoint]", "auth[status]", "auth[client_endpoint]", "auth[member_id]", "auth[user_id]",
                "auth[refresh_token]", "auth[application_token]"), List.copyOf(form.keySet()));
        assertEquals("ONAPPINSTALL", form.get("event"));
        assertEquals(fixture.portal.applicationToken(), form.get("auth[application_token]"));
        assertEquals(String.valueOf(fixture.clock.instant().getEpochSecond()), form.get("ts"));
        assertEquals(fixture.simulator.oauthServerUrl() + "rest/", form.get("auth[server_endpoint]"));
    }

    @Test
    void entityEventWithUserTokenMatchesTheWireFormat() {
        installAndBind("ONCRMDEALUPDATE");

        fixture.portal.deliverEvent("ONCRMDEALUPDATE", 7, true);

        ReceivingApp.Received post = app.received().getLast();
        assertEquals("application/x-www-form-urlencoded", post.contentType());
        assertTrue(post.body().startsWith("event=ONCRMDEALUPDATE&event_handler_id="));
        assertTrue(post.body().contains("&data%5BFIELDS%5D%5BID%5D=7&ts="));
        Map<String, String> form = FormCodec.flatten(FormCodec.decode(post.body()));
        assertEquals(List.of("event", "event_handler_id", "data[FIELDS][ID]", "ts",
                "auth[access_token]", "auth[expires]", "auth[expires_in]", "auth[scope]", "auth[domain]",
                "auth[server_endpoint]", "auth[status]", "auth[client_endpoint]", "auth[member_id]", "auth[user_id]",
                "auth[application_token]"), List.copyOf(form.keySet()));
        assertEquals(String.valueOf(fixture.portal.records().boundEvents().getFirst().id()), form.get("event_handler_id"));
        assertEquals(fixture.portal.clientEndpoint().toString(), form.get("auth[client_endpoint]"));
        assertEquals("1", form.get("auth[user_id]"));
    }

    @Test
    void entityEventWithoutUserCarriesOnlyThePortalsIdentity() {
        installAndBind("ONCRMLEADADD");

        fixture.portal.deliverEvent("ONCRMLEADADD", 3, false);

        Map<String, String> form = FormCodec.flatten(FormCodec.decode(app.received().getLast().body()));
        assertEquals(List.of("event", "event_handler_id", "data[FIELDS][ID]", "ts", "auth[domain]",
                "auth[server_endpoint]", "auth[client_endpoint]", "auth[member_id]", "auth[application_token]"),
                List.copyOf(form.keySet()));
    }

    @Test
    void eventsWaitForTheInstallToFinish() {
        fixture.call("event.bind", Map.of("event", "ONCRMLEADADD", "handler", app.url("/events").toString()));

        assertThrows(IllegalStateException.class, () -> fixture.portal.deliverEvent("ONCRMLEADADD", 1, true));
    }

    @Test
    void uninstallSendsOnAppUninstallAndRevokesEverything() {
        installAndBind("ONAPPUNINSTALL");
        String refreshToken = fixture.portal.issueTokens("1").refreshToken();
        String applicationToken = fixture.portal.applicationToken();

        Optional<HttpResponse<String>> response = fixture.portal.uninstall(true);

        assertEquals(200, response.orElseThrow().statusCode());
        Map<String, String> form = FormCodec.flatten(FormCodec.decode(app.received().getLast().body()));
        assertEquals("ONAPPUNINSTALL", form.get("event"));
        assertEquals("1", form.get("data[CLEAN]"));
        assertNull(form.get("auth[access_token]"));
        assertEquals(applicationToken, form.get("auth[application_token]"));
        assertNotEquals(applicationToken, fixture.portal.applicationToken(), "a reinstall gets a new one");
        assertFalse(fixture.portal.isInstalled());
        assertEquals("invalid_token", fixture.call("profile", Map.of()).error());
        assertTrue(fixture.portal.records().boundEvents().isEmpty());
        assertEquals("invalid_grant", TestHttp.get(fixture.simulator.oauthServerUrl().resolve(
                "oauth/token/?grant_type=refresh_token&client_id=" + fixture.portal.seed().clientId()
                        + "&client_secret=" + fixture.portal.seed().clientSecret() + "&refresh_token=" + refreshToken)).error());
    }

    @Test
    void updateRenewsTheApplicationTokenDropsTheEventHandlersAndSendsOnAppUpdate() {
        installAndBind("ONAPPUPDATE");
        String before = fixture.portal.applicationToken();

        Optional<HttpResponse<String>> response = fixture.portal.updateApp();

        assertEquals(200, response.orElseThrow().statusCode());
        Map<String, String> form = FormCodec.flatten(FormCodec.decode(app.received().getLast().body()));
        assertEquals(List.of("event", "event_handler_id", "data[VERSION]", "data[PREVIOUS_VERSION]",
                "data[LANGUAGE_ID]", "ts", "auth[domain]", "auth[scope]", "auth[access_token]", "auth[refresh_token]",
                "auth[expires_in]", "auth[server_endpoint]", "auth[status]", "auth[client_endpoint]",
                "auth[member_id]", "auth[application_token]"), List.copyOf(form.keySet()));
        assertEquals("2", form.get("data[VERSION]"));
        assertEquals("1", form.get("data[PREVIOUS_VERSION]"));
        assertNotEquals(before, form.get("auth[application_token]"));
        assertEquals(fixture.portal.applicationToken(), form.get("auth[application_token]"));
        assertEquals(true, TestHttp.call(fixture.portal, "user.admin", form.get("auth[access_token]"), Map.of()).result());
        assertEquals(List.of(), fixture.portal.records().boundEvents());
    }

    @Test
    void updateWithoutAnUpdateHandlerSendsNothing() {
        installAndBind("ONCRMLEADADD");
        int received = app.received().size();

        assertTrue(fixture.portal.updateApp().isEmpty());
        assertEquals(received, app.received().size());
    }

    @Test
    void bindingsAndMessagesAreRecorded() {
        fixture.call("placement.bind", Map.of("PLACEMENT", "CRM_ANALYTICS_MENU", "HANDLER", app.url("/dashboard").toString(),
                "TITLE", "Юнит-экономика"));
        fixture.call("im.notify.system.add", Map.of("USER_ID", 1, "MESSAGE", "Отчёт готов", "TAG", "report"));
        fixture.call("crm.timeline.comment.add", Map.of("fields", Map.of("ENTITY_ID", 3, "ENTITY_TYPE", "deal", "COMMENT", "Неявка")));
        TestHttp.Reply todo = fixture.call("crm.activity.todo.add",
                Map.of("ownerTypeId", 2, "ownerId", 3, "deadline", "2026-08-20T10:00:00+03:00", "title", "Перезвонить"));

        PortalRecords records = fixture.portal.records();
        assertEquals("CRM_ANALYTICS_MENU", records.placements().getFirst().placement());
        assertEquals("report", records.notifications().getFirst().tag());
        assertEquals(CrmEntityType.DEAL, records.timelineComments().getFirst().entityType());
        assertEquals(records.todos().getFirst().id(), ((Number) todo.resultMap().get("id")).longValue());
        assertEquals(List.of(), fixture.portal.violations());
    }

    private void installAndBind(String event) {
        fixture.portal.installApp(app.url("/install"), app.url("/app"));
        TestHttp.Reply bound = fixture.call("event.bind", Map.of("event", event, "handler", app.url("/events").toString()));
        assertEquals(true, bound.result());
    }
}
