package ru.unitecon.ui.entry;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import ru.unitecon.core.portal.Installation;
import ru.unitecon.core.portal.InstallationStatus;
import ru.unitecon.core.store.InstallationStore;
import ru.unitecon.simulator.Dataset;
import ru.unitecon.simulator.FramePost;
import ru.unitecon.simulator.PortalSeed;
import ru.unitecon.simulator.PortalSimulator;
import ru.unitecon.simulator.SimulatedPortal;
import ru.unitecon.simulator.SimulatorOptions;
import ru.unitecon.ui.TestInfrastructure;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The client tab of CRM cards enters through the same verified entry as the app's page: the portal's POST is checked
 * with the simulator's OAuth server before anything is shown, then lands on the card's client.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestInfrastructure.class)
class ClientTabEntryTest {
    private static PortalSimulator simulator;
    private static SimulatedPortal acme;
    private static SimulatedPortal other;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @LocalServerPort
    int port;

    @Autowired
    InstallationStore portals;

    @BeforeAll
    static void startPortals() {
        simulator = PortalSimulator.start(SimulatorOptions.defaults());
        acme = installedPortal();
        other = installedPortal();
    }

    @AfterAll
    static void stopPortals() {
        simulator.close();
    }

    private static SimulatedPortal installedPortal() {
        SimulatedPortal portal = simulator.createPortal(PortalSeed.of(Dataset.bundledSample())
                .withClient(TestInfrastructure.CLIENT_ID, "secret-of-" + TestInfrastructure.CLIENT_ID));
        InstallPage.acceptInstall(portal);
        return portal;
    }

    @BeforeEach
    void recordInstallations() {
        for (SimulatedPortal portal : List.of(acme, other)) {
            portals.saveInstallation(new Installation(portal.memberId(), portal.domain(),
                    portal.clientEndpoint(), portal.serverEndpoint(), portal.applicationToken(), InstallationStatus.INSTALLED,
                    TestInfrastructure.NOW, null));
        }
    }

    /** What the portal POSTs when a manager opens the tab on a card: PLACEMENT_OPTIONS {"ID":"…"}. */
    private FramePost tab(String placement, String id) {
        return acme.framePost(placement, URI.create("http://localhost:" + port + PlacementEntryFilter.PATH), "ru",
                "1", Map.of("ID", id));
    }

    private static FramePost with(FramePost post, String field, String value) {
        Map<String, String> form = new HashMap<>(post.form());
        form.put(field, value);
        return new FramePost(post.url(), form);
    }

    private HttpResponse<String> send(FramePost post) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(post.url())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(post.body())).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void assertNoSession(HttpResponse<String> response) {
        assertEquals(List.of(), response.headers().allValues("Set-Cookie"));
    }

    @Test
    void aContactsTabLandsOnThatContactsClientWithASession() throws Exception {
        HttpResponse<String> response = send(tab("CRM_CONTACT_DETAIL_TAB", "501"));

        assertEquals(303, response.statusCode());
        assertEquals("/client-card?contact=501", response.headers().firstValue("Location").orElseThrow());
        assertFalse(response.headers().allValues("Set-Cookie").isEmpty());
        assertEquals("frame-ancestors 'self' http://" + acme.domain(),
                response.headers().firstValue("Content-Security-Policy").orElseThrow());
    }

    @Test
    void aDealsTabLandsOnThatDealsClient() throws Exception {
        HttpResponse<String> response = send(tab("CRM_DEAL_DETAIL_TAB", "8061"));

        assertEquals(303, response.statusCode());
        assertEquals("/client-card?deal=8061", response.headers().firstValue("Location").orElseThrow());
    }

    @Test
    void aForgedAuthIdOnATabIsRefused() throws Exception {
        HttpResponse<String> response = send(with(tab("CRM_CONTACT_DETAIL_TAB", "501"), "AUTH_ID",
                "0123456789abcdef0123456789abcdef"));

        assertEquals(403, response.statusCode());
        assertNoSession(response);
    }

    @Test
    void aTabPostNamingAnotherPortalIsRefused() throws Exception {
        HttpResponse<String> response = send(with(tab("CRM_DEAL_DETAIL_TAB", "7"), "member_id", other.memberId()));

        assertEquals(403, response.statusCode());
        assertNoSession(response);
    }

    @Test
    void aTabWhoseOptionsNameNoNumericIdIsABadRequest() throws Exception {
        for (String options : List.of("{\"ID\":\"42abc\"}", "{\"ID\":\"-1\"}", "{}", "not json", "{\"ID\":{}}")) {
            HttpResponse<String> response = send(with(tab("CRM_CONTACT_DETAIL_TAB", "1"), "PLACEMENT_OPTIONS",
                    options));

            assertEquals(400, response.statusCode(), options);
            assertNoSession(response);
        }
    }
}
