package ru.unitecon.core.install;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import com.fasterxml.jackson.databind.ObjectMapper;
import ru.unitecon.core.bitrix.inbound.ForgedRequest;
import ru.unitecon.core.bitrix.inbound.NotAdministrator;
import ru.unitecon.core.bitrix.inbound.PlacementRequest;
import ru.unitecon.core.bitrix.crm.AppointmentFieldMapping;
import ru.unitecon.core.bitrix.crm.CrmEntity;
import ru.unitecon.core.bitrix.oauth.AppCredentials;
import ru.unitecon.core.bitrix.oauth.OAuthServer;
import ru.unitecon.core.export.BiDataset;
import ru.unitecon.core.intake.EventIntake;
import ru.unitecon.core.intake.IntakeOutcome;
import ru.unitecon.core.portal.Installation;
import ru.unitecon.core.robot.RobotDefinition;
import ru.unitecon.core.store.InstallationStore;
import ru.unitecon.core.sync.ChangeMessage;
import ru.unitecon.core.wiring.AppServices;
import ru.unitecon.simulator.CrmEntityType;
import ru.unitecon.simulator.Dataset;
import ru.unitecon.simulator.FramePost;
import ru.unitecon.simulator.IssuedTokens;
import ru.unitecon.simulator.PortalRecords;
import ru.unitecon.simulator.PortalSeed;
import ru.unitecon.simulator.PortalSimulator;
import ru.unitecon.simulator.SimulatedPortal;
import ru.unitecon.simulator.SimulatorOptions;
import ru.unitecon.simulator.UserField;
import ru.unitecon.testsupport.BiConnectorEndpoint;
import ru.unitecon.testsupport.LocalDynamo;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Who may install, update and set the application token, checked against the simulated portal and DynamoDB Local:
 * the portal's administrator may; an employee holding genuine tokens of the same portal may not.
 */
class InstallationServiceTest {
    private static final String COLLECTOR = "https://collector.example/rest/";
    private static final URI EVENTS = URI.create("https://app.example/events");
    private static final URI APP = URI.create("https://app.example/app");
    private static final URI ROBOT = URI.create("https://app.example/robot");

    private final PortalSimulator simulator = PortalSimulator.start(SimulatorOptions.defaults());
    private final SimulatedPortal portal = simulator.createPortal(PortalSeed.of(Dataset.bundledSample()));
    private final InstallationStore portals;
    private final List<ChangeMessage> queued = new ArrayList<>();
    private final InstallationService installations;
    private final EventIntake intake;
    private final BiConnectorEndpoint biConnector = new BiConnectorEndpoint();

    InstallationServiceTest() {
        AppServices app = AppServices.on(LocalDynamo.client(), LocalDynamo.TABLE)
                .changes(queued::addAll)
                .oauth(new OAuthServer(HttpClient.newHttpClient(),
                        new AppCredentials(portal.seed().clientId(), portal.seed().clientSecret()),
                        List.of(simulator.oauthServerUrl())))
                .addresses(new AppAddresses(EVENTS, APP, ROBOT, biConnector.url()))
                .build();
        biConnector.answerWith(app.biConnector());
        portals = app.portals();
        installations = app.installations();
        intake = new EventIntake(portals, queued::addAll, installations);
    }

    @AfterEach
    void everyCallWasWellFormed() {
        try {
            assertEquals(List.of(), portal.violations());
        } finally {
            simulator.close();
            biConnector.close();
        }
    }

    @Test
    void theAdministratorsInstallStoresTheOAuthServersAddressAndNoApplicationTokenFromTheForm() {
        FramePost frame = frame(admin(), "ru");

        installations.install(PlacementRequest.parse(frame.url().getRawQuery(),
                frame.body() + "&APPLICATION_TOKEN=chosen0000000000"));

        Installation stored = portals.find(portal.memberId()).orElseThrow();
        assertEquals(portal.clientEndpoint(), stored.clientEndpoint());
        assertEquals(portal.clientEndpoint().toString(), portals.load(portal.memberId()).orElseThrow().clientEndpoint());
        assertNull(stored.applicationToken());
        assertEquals(1, portal.calls().count("user.admin"));
        assertEquals(EventBindings.EVENTS.size(), portal.records().boundEvents().size());
    }

    @Test
    void theInstallStoresTheTokensBindsEventsAndPlacementAndQueuesTheBackfill() {
        installedByTheAdministrator();

        assertTrue(portals.load(portal.memberId()).isPresent());
        assertEquals(Set.copyOf(EventBindings.EVENTS), portal.records().boundEvents().stream()
                .filter(binding -> binding.handler().equals(EVENTS.toString()))
                .map(PortalRecords.EventBinding::event).collect(Collectors.toSet()));
        assertEquals(EventBindings.PLACEMENTS.stream().map(placement -> placement + " " + APP).toList(),
                portal.records().placements().stream()
                .map(placement -> placement.placement() + " " + placement.handler()).toList());
        // The learned zone and currencies are queued for a recount before the backfill, which then counts in them.
        assertEquals(List.of(ChangeMessage.recount(portal.memberId()),
                ChangeMessage.backfill(portal.memberId(), CrmEntity.LEAD, 0),
                ChangeMessage.backfill(portal.memberId(), CrmEntity.DEAL, 0)), queued);
    }

    @Test
    void theClientTabIsBoundToContactAndDealCardsWithItsTitleInBothLanguages() {
        installedByTheAdministrator();
        intake.receive(appEvent("ONAPPINSTALL", admin(), "v1", null));
        intake.receive(appEvent("ONAPPUPDATE", admin(), "v2", null));

        for (String tab : EventBindings.CRM_TABS) {
            List<PortalRecords.PlacementBinding> bound = portal.records().placements().stream()
                    .filter(placement -> placement.placement().equals(tab)).toList();
            assertEquals(1, bound.size(), tab + " is bound once, also after the update binds again");
            assertEquals(APP.toString(), bound.getFirst().handler());
            assertEquals("Юнит-экономика", bound.getFirst().title());
        }
        assertTrue(portal.calls().all().stream().filter(call -> call.method().equals("placement.bind"))
                .allMatch(call -> String.valueOf(call.params().get("LANG_ALL")).contains("Unit economics")),
                "the English title is sent with every binding");
        assertEquals(List.of(), portal.violations());
    }

    @Test
    void theInstallRegistersTheRobotOnceAndAReinstallUpdatesIt() {
        installedByTheAdministrator();
        installedByTheAdministrator();

        assertEquals(List.of(RobotDefinition.CODE + " " + ROBOT + " waits"), portal.records().robots().stream()
                .map(robot -> robot.code() + " " + robot.handler() + (robot.useSubscription() ? " waits" : ""))
                .toList());
        assertEquals(2, portal.calls().count("bizproc.robot.add"));
        assertEquals(1, portal.calls().count("bizproc.robot.update"));
        assertEquals(Set.of(RobotDefinition.CHANNEL, RobotDefinition.CHANNEL_CAC, RobotDefinition.CHANNEL_LTV_TO_CAC,
                        RobotDefinition.CHANNEL_LOSING_MONEY, RobotDefinition.CLIENT_ORDERS,
                        RobotDefinition.CLIENT_REVENUE, RobotDefinition.CLIENT_NO_SHOWS, RobotDefinition.CLIENT_LOST),
                portal.records().robots().getFirst().returnProperties().keySet());
    }

    @Test
    void aPortalThatDoesNotGrantAutomationRulesInstallsWithoutTheRobot() {
        portal.appScope("crm,im,placement,user_brief,biconnector");

        installedByTheAdministrator();

        assertEquals(List.of(), portal.records().robots());
        assertTrue(portals.load(portal.memberId()).isPresent());
        assertEquals(EventBindings.EVENTS.size(), portal.records().boundEvents().size());
    }

    @Test
    void appointmentFieldsAreCreatedOnceAcrossReinstalls() {
        installedByTheAdministrator();
        installedByTheAdministrator();

        for (CrmEntityType type : List.of(CrmEntityType.LEAD, CrmEntityType.DEAL)) {
            assertEquals(List.of(AppointmentFieldMapping.TIME_FIELD, AppointmentFieldMapping.STATE_FIELD,
                            AppointmentFieldMapping.REMINDER_FIELD),
                    portal.userFields(type).stream().map(UserField::fieldName).toList());
        }
        UserField state = portal.userFields(CrmEntityType.LEAD).get(1);
        assertEquals("enumeration", state.userTypeId());
        assertEquals(List.of("BOOKED", "CONFIRMED", "ATTENDED", "NO_SHOW", "CANCELLED"),
                ((List<?>) state.definition().get("LIST")).stream()
                        .map(item -> ((Map<?, ?>) item).get("XML_ID")).toList());
        assertEquals("string", portal.userFields(CrmEntityType.DEAL).get(2).userTypeId());
        assertEquals(EventBindings.EVENTS.size(), portal.records().boundEvents().size());
    }

    @Test
    void anInstallWithATokenTheOAuthServerDoesNotKnowIsRefusedBeforeAnythingIsStored() {
        FramePost frame = frame(admin(), "en");
        Map<String, String> forged = new HashMap<>(frame.form());
        forged.put("AUTH_ID", "0123456789abcdef0123456789abcdef");

        assertThrows(ForgedRequest.class, () -> installations.install(PlacementRequest.parse(
                frame.url().getRawQuery(), new FramePost(frame.url(), forged).body())));

        assertTrue(portals.find(portal.memberId()).isEmpty());
        assertEquals(List.of(), queued);
    }

    @Test
    void anEmployeesInstallIsRefusedInTheirLanguageBeforeAnythingIsStoredOrBound() {
        FramePost frame = frame(employee(), "en");

        NotAdministrator refused = assertThrows(NotAdministrator.class,
                () -> installations.install(PlacementRequest.parse(frame.url().getRawQuery(), frame.body())));

        assertEquals("en", refused.language());
        assertTrue(portals.find(portal.memberId()).isEmpty());
        assertEquals(List.of(), queued);
        assertEquals(0, portal.calls().count("event.bind") + portal.calls().count("batch"));
    }

    @Test
    void anEmployeesInstallEventSetsNoTokenAndTheAdministratorsIgnoresItsClientEndpoint() {
        installedByTheAdministrator();

        assertThrows(NotAdministrator.class,
                () -> intake.receive(appEvent("ONAPPINSTALL", employee(), "employee-chosen", COLLECTOR)));
        assertNull(portals.find(portal.memberId()).orElseThrow().applicationToken());

        assertEquals(IntakeOutcome.ACCEPTED,
                intake.receive(appEvent("ONAPPINSTALL", admin(), "genuine", COLLECTOR)).outcome());
        Installation stored = portals.find(portal.memberId()).orElseThrow();
        assertEquals("genuine", stored.applicationToken());
        assertEquals(portal.clientEndpoint(), stored.clientEndpoint());
        assertEquals(portal.clientEndpoint().toString(), portals.load(portal.memberId()).orElseThrow().clientEndpoint());
    }

    @Test
    void anInstallEventWhileATokenIsStoredChangesNothing() {
        installedByTheAdministrator();
        intake.receive(appEvent("ONAPPINSTALL", admin(), "first", null));

        IntakeOutcome second = intake.receive(appEvent("ONAPPINSTALL", admin(), "second", null)).outcome();

        assertEquals(IntakeOutcome.IGNORED, second);
        assertEquals("first", portals.find(portal.memberId()).orElseThrow().applicationToken());
    }

    @Test
    void onlyTheAdministratorsUpdateRenewsTheTokenAndBindsAgain() {
        installedByTheAdministrator();
        intake.receive(appEvent("ONAPPINSTALL", admin(), "v1", null));
        long bindsBefore = portal.calls().count("event.bind");

        assertThrows(NotAdministrator.class, () -> intake.receive(appEvent("ONAPPUPDATE", employee(), "v2", null)));
        assertEquals("v1", portals.find(portal.memberId()).orElseThrow().applicationToken());
        assertEquals(bindsBefore, portal.calls().count("event.bind"));

        assertEquals(IntakeOutcome.ACCEPTED,
                intake.receive(appEvent("ONAPPUPDATE", admin(), "v3", COLLECTOR)).outcome());
        assertEquals("v3", portals.find(portal.memberId()).orElseThrow().applicationToken());
        assertEquals(bindsBefore + EventBindings.EVENTS.size(), portal.calls().count("event.bind"));
        assertEquals(portal.clientEndpoint(), portals.find(portal.memberId()).orElseThrow().clientEndpoint());
        assertThrows(ForgedRequest.class, () -> intake.receive(leadEvent("v1")));
        assertEquals(IntakeOutcome.ACCEPTED, intake.receive(leadEvent("v3")).outcome());
    }

    @Test
    void anUpdateWithoutAUsersTokenOrOfAnUnknownPortalIsRefused() {
        String withoutUser = appEvent("ONAPPUPDATE", admin(), "v2", null)
                .replaceAll("&auth%5Baccess_token%5D=[^&]*", "");

        assertThrows(ForgedRequest.class, () -> intake.receive(withoutUser));
        assertThrows(ForgedRequest.class, () -> intake.receive(appEvent("ONAPPUPDATE", admin(), "v2", null)));
        assertTrue(portals.find(portal.memberId()).isEmpty());
    }

    @Test
    void theVerifiedUninstallClearsTheTokenSoTheReinstallsIsTaken() {
        installedByTheAdministrator();
        intake.receive(appEvent("ONAPPINSTALL", admin(), "before", null));

        assertEquals(IntakeOutcome.ACCEPTED, intake.receive(uninstallEvent("before")).outcome());
        assertNull(portals.find(portal.memberId()).orElseThrow().applicationToken());
        assertThrows(ForgedRequest.class, () -> intake.receive(uninstallEvent("before")));

        installedByTheAdministrator();
        assertEquals(IntakeOutcome.ACCEPTED,
                intake.receive(appEvent("ONAPPINSTALL", admin(), "after", null)).outcome());
        assertEquals("after", portals.find(portal.memberId()).orElseThrow().applicationToken());
    }

    @Test
    void theInstallRegistersTheBiBuilderConnectorItsSourceAndDatasetOnceAcrossReinstallsAndUpdates()
            throws Exception {
        installedByTheAdministrator();
        intake.receive(appEvent("ONAPPINSTALL", admin(), "v1", null));
        installedByTheAdministrator();
        intake.receive(appEvent("ONAPPUPDATE", admin(), "v2", null));

        PortalRecords.BiConnector connector = portal.records().biConnectors().getFirst();
        assertEquals(1, portal.records().biConnectors().size());
        assertEquals(BiConnectorRegistration.TITLE, connector.title());
        assertEquals(List.of(biConnector.url() + "/check", biConnector.url() + "/tables",
                        biConnector.url() + "/describe", biConnector.url() + "/data"),
                List.of(connector.urlCheck().toString(), connector.urlTableList().toString(),
                        connector.urlTableDescription().toString(), connector.urlData().toString()));
        PortalRecords.BiSource source = portal.records().biSources().getFirst();
        assertEquals(1, portal.records().biSources().size());
        assertEquals(connector.id(), source.connectorId());
        assertEquals(portal.memberId(), source.settings().get("member_id"));
        assertEquals(BiDataset.ALL.size(), portal.records().biDatasets().size(), "one dataset per table, once");
        for (int i = 0; i < BiDataset.ALL.size(); i++) {
            PortalRecords.BiDataset dataset = portal.records().biDatasets().get(i);
            assertEquals(source.id(), dataset.sourceId());
            assertEquals(BiDataset.ALL.get(i).datasetName(), dataset.name());
            assertEquals(BiDataset.ALL.get(i).fields().stream().map(field -> field.name() + " "
                            + field.code() + " " + field.type()).toList(),
                    dataset.fields().stream().map(field -> field.name() + " " + field.externalCode() + " "
                            + field.type()).toList());
        }
        assertEquals(1, portal.calls().count("biconnector.connector.add"));
        // The token the source holds is the one the connector admits.
        assertEquals(200, portal.biBuilder().check().statusCode());
        assertEquals("monthly_metrics", new ObjectMapper().readTree(portal.biBuilder().tableList("").body())
                .get(0).get("code").asText());
    }

    @Test
    void aPortalThatRefusesBiBuilderStillInstallsAndTheNextUpdateRegisters() {
        portal.appScope("crm,im,placement,user_brief");

        installedByTheAdministrator();
        intake.receive(appEvent("ONAPPINSTALL", admin(), "v1", null));

        assertTrue(portals.load(portal.memberId()).isPresent());
        assertEquals(EventBindings.EVENTS.size(), portal.records().boundEvents().size());
        assertEquals(List.of(), portal.records().biConnectors());
        assertEquals(3, queued.size(), "the backfill is queued all the same");

        portal.appScope("crm,im,placement,user_brief,biconnector");
        assertEquals(IntakeOutcome.ACCEPTED, intake.receive(appEvent("ONAPPUPDATE", admin(), "v2", null)).outcome());

        assertEquals(1, portal.records().biConnectors().size());
        assertEquals(1, portal.records().biSources().size());
        assertEquals(BiDataset.ALL.size(), portal.records().biDatasets().size());
    }

    @Test
    void aSourceWhoseCheckFailsIsAddedLaterToTheSameConnector() {
        biConnector.close();

        installedByTheAdministrator();
        intake.receive(appEvent("ONAPPINSTALL", admin(), "v1", null));

        assertEquals(1, portal.records().biConnectors().size());
        assertEquals(List.of(), portal.records().biSources());
        assertTrue(portals.load(portal.memberId()).isPresent(), "installed all the same");
    }

    private void installedByTheAdministrator() {
        FramePost frame = frame(admin(), "ru");
        installations.install(PlacementRequest.parse(frame.url().getRawQuery(), frame.body()));
    }

    private String admin() {
        return portal.seed().dataset().adminUserId();
    }

    private String employee() {
        return portal.employeeUserId();
    }

    private FramePost frame(String userId, String lang) {
        return portal.framePost("DEFAULT", URI.create("https://app.example/install"), lang, userId, Map.of());
    }

    /** ONAPPINSTALL or ONAPPUPDATE with the user's fresh tokens, as the portal's wire format has them. */
    private String appEvent(String name, String userId, String applicationToken, String clientEndpoint) {
        IssuedTokens tokens = portal.issueTokens(userId);
        Map<String, String> form = new LinkedHashMap<>();
        form.put("event", name);
        form.put("data[VERSION]", "2");
        form.put("data[LANGUAGE_ID]", "ru");
        form.put("ts", Long.toString(System.currentTimeMillis() / 1000));
        form.put("auth[access_token]", tokens.accessToken());
        form.put("auth[refresh_token]", tokens.refreshToken());
        form.put("auth[expires]", Long.toString(tokens.expiresAt().getEpochSecond()));
        form.put("auth[domain]", portal.domain());
        form.put("auth[server_endpoint]", portal.serverEndpoint().toString());
        form.put("auth[client_endpoint]", clientEndpoint == null ? portal.clientEndpoint().toString() : clientEndpoint);
        form.put("auth[member_id]", portal.memberId());
        form.put("auth[user_id]", userId);
        form.put("auth[application_token]", applicationToken);
        return encoded(form);
    }

    private String leadEvent(String applicationToken) {
        return encoded(Map.of("event", "ONCRMLEADUPDATE", "data[FIELDS][ID]", "3", "ts", "1700000000",
                "auth[domain]", portal.domain(), "auth[member_id]", portal.memberId(),
                "auth[application_token]", applicationToken));
    }

    private String uninstallEvent(String applicationToken) {
        return encoded(Map.of("event", "ONAPPUNINSTALL", "data[CLEAN]", "0", "ts", "1700000000",
                "auth[domain]", portal.domain(), "auth[member_id]", portal.memberId(),
                "auth[application_token]", applicationToken));
    }

    private static String encoded(Map<String, String> form) {
        return form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }
}
