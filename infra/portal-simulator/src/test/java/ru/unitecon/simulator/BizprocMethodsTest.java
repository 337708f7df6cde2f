package ru.unitecon.simulator;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The robot methods as their documentation states them, and a run as the portal's queue server posts it. */
class BizprocMethodsTest {
    private final SimulatorFixture fixture = new SimulatorFixture(Dataset.bundledSample());
    private final ReceivingApp app;

    BizprocMethodsTest() throws IOException {
        app = new ReceivingApp();
    }

    @AfterEach
    void stop() {
        app.close();
        fixture.close();
    }

    @Test
    void anAdministratorAddsARobotOnceAndUpdatesOrDeletesItByCode() {
        assertEquals(true, fixture.call("bizproc.robot.add", robot("client_channel")).result());

        TestHttp.Reply again = fixture.call("bizproc.robot.add", robot("client_channel"));
        TestHttp.Reply update = fixture.call("bizproc.robot.update", Map.of("CODE", "client_channel",
                "FIELDS", Map.of("HANDLER", app.url("/robot2").toString(), "NAME", "Renamed")));

        assertEquals("ERROR_ACTIVITY_ALREADY_INSTALLED", again.error());
        assertEquals(true, update.result());
        assertEquals(List.of("client_channel"), fixture.call("bizproc.robot.list", Map.of()).result());
        assertEquals(app.url("/robot2").toString(), fixture.portal.records().robots().getFirst().handler());
        assertEquals(true, fixture.call("bizproc.robot.delete", Map.of("CODE", "client_channel")).result());
        assertEquals("ERROR_ACTIVITY_NOT_FOUND",
                fixture.call("bizproc.robot.delete", Map.of("CODE", "client_channel")).error());
        assertEquals(List.of(), fixture.portal.violations());
    }

    @Test
    void badCodesHandlersAndPropertiesAreRefusedAsDocumented() {
        Map<String, Object> badKey = robot("ok");
        badKey.put("RETURN_PROPERTIES", Map.of("1st", Map.of("Name", "x", "Type", "int")));
        Map<String, Object> ftp = robot("ok");
        ftp.put("HANDLER", "ftp://app.example/robot");

        assertEquals("Wrong activity code!", fixture.call("bizproc.robot.add", robot("a b")).body().get("error_description"));
        assertEquals("Wrong property key 1st!", fixture.call("bizproc.robot.add", badKey).body().get("error_description"));
        assertEquals("ERROR_UNSUPPORTED_PROTOCOL", fixture.call("bizproc.robot.add", ftp).error());
        assertEquals("ERROR_ACTIVITY_VALIDATION_FAILURE",
                fixture.call("bizproc.robot.update", Map.of("CODE", "ok", "FIELDS", List.of())).error());
    }

    @Test
    void anEmployeeCannotRegisterAndAPortalWithoutTheScopeRefusesEveryone() {
        String employeeToken = fixture.portal.issueTokens(fixture.portal.employeeUserId()).accessToken();

        TestHttp.Reply employee = TestHttp.call(fixture.portal, "bizproc.robot.add", employeeToken, robot("x"));
        fixture.portal.appScope("crm,im,placement,user_brief,biconnector");
        TestHttp.Reply withoutScope = fixture.call("bizproc.robot.add", robot("x"));

        assertEquals("ACCESS_DENIED", employee.error());
        assertEquals(403, withoutScope.status());
        assertEquals("insufficient_scope", withoutScope.error());
        assertEquals(List.of(), fixture.portal.records().robots());
    }

    @Test
    void aRunPostsTheDocumentedFormAndTakesOneAnswerForItsToken() {
        fixture.call("bizproc.robot.add", robot("client_channel"));

        SimulatedRobots.Run run = fixture.portal.robots().run("client_channel", CrmEntityType.DEAL, 45,
                Map.of("lost_after_days", "90"), fixture.portal.employeeUserId());
        Map<String, Object> form = FormCodec.decode(app.only().body());
        String employeeToken = fixture.portal.issueTokens(fixture.portal.employeeUserId()).accessToken();
        TestHttp.Reply answer = TestHttp.call(fixture.portal, "bizproc.event.send", employeeToken,
                Map.of("EVENT_TOKEN", run.eventToken(), "RETURN_VALUES", Map.of("channel", "vk")));
        TestHttp.Reply twice = fixture.call("bizproc.event.send", Map.of("EVENT_TOKEN", run.eventToken()));

        assertEquals("client_channel", form.get("code"));
        assertEquals(List.of("crm", "CCrmDocumentDeal", "DEAL_45"), form.get("document_id"));
        assertEquals(List.of("crm", "CCrmDocumentDeal", "DEAL"), form.get("document_type"));
        assertEquals(run.eventToken(), form.get("event_token"));
        assertEquals(Map.of("lost_after_days", "90"), form.get("properties"));
        assertEquals("Y", form.get("use_subscription"));
        Map<?, ?> auth = (Map<?, ?>) form.get("auth");
        assertEquals(fixture.portal.memberId(), auth.get("member_id"));
        assertEquals(fixture.portal.applicationToken(), auth.get("application_token"));
        assertTrue(auth.get("access_token") instanceof String token && !token.isBlank());
        assertEquals(true, answer.result());
        assertEquals(Map.of("channel", "vk"), fixture.portal.robots().answer(run.eventToken()).orElseThrow()
                .returnValues());
        assertEquals("ERROR_WORKFLOW_NOT_FOUND", twice.error());
    }

    @Test
    void theAppsRobotsGoWithTheApp() {
        fixture.call("bizproc.robot.add", robot("client_channel"));

        fixture.portal.uninstall(false);

        assertEquals(List.of(), fixture.portal.records().robots());
    }

    private Map<String, Object> robot(String code) {
        Map<String, Object> robot = new LinkedHashMap<>();
        robot.put("CODE", code);
        robot.put("HANDLER", app.url("/robot").toString());
        robot.put("NAME", Map.of("ru", "Робот", "en", "Robot"));
        robot.put("USE_SUBSCRIPTION", "Y");
        robot.put("RETURN_PROPERTIES", Map.of("channel", Map.of("Name", "Канал", "Type", "string")));
        return robot;
    }
}
