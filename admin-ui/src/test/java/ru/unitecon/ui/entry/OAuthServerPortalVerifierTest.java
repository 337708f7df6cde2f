package ru.unitecon.ui.entry;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import ru.unitecon.core.bitrix.oauth.AppCredentials;
import ru.unitecon.core.portal.Installation;
import ru.unitecon.core.portal.InstallationStatus;
import ru.unitecon.core.store.InstallationStore;
import ru.unitecon.simulator.Dataset;
import ru.unitecon.simulator.PortalSeed;
import ru.unitecon.simulator.PortalSimulator;
import ru.unitecon.simulator.SimulatedPortal;
import ru.unitecon.simulator.SimulatorOptions;
import ru.unitecon.testsupport.LocalDynamo;
import ru.unitecon.ui.TestInfrastructure;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The entry's check of who is viewing: the portal's {@code profile}, asked with the viewer's token, decides whether
 * they administer the portal, and it is asked only at an address the OAuth server vouches for.
 */
class OAuthServerPortalVerifierTest {
    private final PortalSimulator simulator = PortalSimulator.start(SimulatorOptions.defaults());
    private final SimulatedPortal portal = simulator.createPortal(PortalSeed.of(Dataset.bundledSample())
            .withClient(TestInfrastructure.CLIENT_ID, "secret"));
    private final InstallationStore portals = LocalDynamo.app().portals();
    private final List<String> collected = new CopyOnWriteArrayList<>();
    private final HttpServer collector;
    private final OAuthServerPortalVerifier verifier;

    OAuthServerPortalVerifierTest() throws IOException {
        InstallPage.acceptInstall(portal);
        collector = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        collector.createContext("/", exchange -> {
            collected.add(exchange.getRequestURI().toString());
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        collector.start();
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        verifier = new OAuthServerPortalVerifier(http, simulator.oauthServerUrl().resolve("rest/"),
                new AppCredentials(TestInfrastructure.CLIENT_ID, "secret"), portals);
    }

    @AfterEach
    void stop() {
        collector.stop(0);
        simulator.close();
    }

    @Test
    void theAdministratorIsOneAndAnEmployeeIsNot() {
        recordInstallation(portal.clientEndpoint());

        assertEquals(new PortalVerifier.Verified(portal.memberId(), portal.domain(), true,
                        Long.parseLong(portal.seed().dataset().adminUserId())),
                verifier.verify(opening(portal.seed().dataset().adminUserId())));
        assertEquals(new PortalVerifier.Verified(portal.memberId(), portal.domain(), false,
                        Long.parseLong(portal.employeeUserId())),
                verifier.verify(opening(portal.employeeUserId())));
    }

    @Test
    void aStoredAddressOffThePortalsHostNeverReceivesTheViewersToken() {
        recordInstallation(URI.create("http://127.0.0.1:" + collector.getAddress().getPort() + "/rest/"));

        PortalVerifier.Verification verified = verifier.verify(opening(portal.seed().dataset().adminUserId()));

        assertEquals(new PortalVerifier.Verified(portal.memberId(), portal.domain(), true,
                Long.parseLong(portal.seed().dataset().adminUserId())), verified);
        assertEquals(List.of(), collected);
        assertEquals(1, portal.calls().count("profile"));
    }

    private void recordInstallation(URI clientEndpoint) {
        portals.saveInstallation(new Installation(portal.memberId(), portal.domain(), clientEndpoint,
                portal.serverEndpoint(), portal.applicationToken(), InstallationStatus.INSTALLED, TestInfrastructure.NOW,
                null));
    }

    private PlacementPost opening(String userId) {
        return new PlacementPost(portal.domain(), "0", "ru", portal.memberId(),
                portal.issueTokens(userId).accessToken(), "DEFAULT", "{}");
    }
}
