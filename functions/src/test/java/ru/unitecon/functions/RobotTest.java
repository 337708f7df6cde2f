package ru.unitecon.functions;

import org.junit.jupiter.api.Test;
import ru.unitecon.core.robot.RobotDefinition;
import ru.unitecon.simulator.CrmEntityType;
import ru.unitecon.simulator.Dataset;
import ru.unitecon.simulator.PortalRecords;
import ru.unitecon.simulator.SimulatedPortal;
import ru.unitecon.simulator.SimulatedRobots;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The robot end to end: an automation rule's run POSTed by the portal through the gateway, answered on the portal. */
class RobotTest {
    @Test
    void aRuleOnALeadGetsItsChannelAndClientFromTheApp() {
        try (AppOnSimulatedPortal app = AppOnSimulatedPortal.start(Dataset.bundledSample())) {
            app.installAndBackfill();
            long lead = app.portal.addLead(Map.of("TITLE", "Запись", "STATUS_ID", "NEW", "STATUS_SEMANTIC_ID", "P",
                    "UTM_SOURCE", "vk"));

            SimulatedRobots.Run run = app.portal.robots().run(RobotDefinition.CODE, CrmEntityType.LEAD, lead,
                    Map.of(), app.portal.employeeUserId());

            assertEquals(200, run.response().statusCode(), run.response().body());
            PortalRecords.RobotAnswer answer = app.portal.robots().answer(run.eventToken()).orElseThrow();
            assertEquals("vk", answer.returnValues().get(RobotDefinition.CHANNEL));
            assertEquals("0", answer.returnValues().get(RobotDefinition.CLIENT_ORDERS));
            assertTrue(answer.logMessage().contains("vk"), answer.logMessage());
            assertEquals(List.of(), app.portal.violations());
        }
    }

    @Test
    void aForgedOrMalformedRunIsRefusedAndTheRobotGetsNoAnswer() {
        try (AppOnSimulatedPortal app = AppOnSimulatedPortal.start(Dataset.bundledSample())) {
            app.installAndBackfill();
            String genuine = app.portal.robots().runBody(RobotDefinition.CODE, CrmEntityType.LEAD, 1, Map.of(),
                    app.portal.employeeUserId());
            String forged = genuine.replace(app.portal.applicationToken(), "0123456789abcdef0123456789abcdef");

            HttpResponse<String> refused = app.post("/robot", forged);
            HttpResponse<String> malformed = app.post("/robot", "code=" + RobotDefinition.CODE + "&document_id%5B2%5D=LEAD_x");

            assertEquals(401, refused.statusCode());
            assertEquals(400, malformed.statusCode());
            assertEquals(List.of(), app.portal.records().robotAnswers());
        }
    }

    @Test
    void anotherPortalsTokenAnswersNothingOnThisPortalAndEachPortalGetsItsOwnAnswer() {
        try (AppOnSimulatedPortal app = AppOnSimulatedPortal.start(Dataset.bundledSample())) {
            app.installAndBackfill();
            SimulatedPortal other = app.installAnotherPortal(Dataset.bundledSample());
            String ours = app.portal.robots().runBody(RobotDefinition.CODE, CrmEntityType.LEAD, 1, Map.of(),
                    app.portal.employeeUserId());

            HttpResponse<String> crossed = app.post("/robot",
                    ours.replace(app.portal.applicationToken(), other.applicationToken()));
            SimulatedRobots.Run theirs = other.robots().run(RobotDefinition.CODE, CrmEntityType.LEAD, 1, Map.of(),
                    other.employeeUserId());

            assertEquals(401, crossed.statusCode());
            assertEquals(List.of(), app.portal.records().robotAnswers());
            assertEquals(200, theirs.response().statusCode(), theirs.response().body());
            assertTrue(other.robots().answer(theirs.eventToken()).isPresent());
        }
    }
}
