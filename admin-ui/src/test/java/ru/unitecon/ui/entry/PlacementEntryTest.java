package ru.unitecon.ui.entry;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import ru.unitecon.core.install.EventBindings;
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
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The entry against the running app and the portal simulator's OAuth server: a POST is trusted only when
 * app.info confirms it, and only then does a session exist.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestInfrastructure.class)
class PlacementEntryTest {
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
        acme = installedPortal(TestInfrastructure.CLIENT_ID);
        other = installedPortal(TestInfrastructure.CLIENT_ID);
    }

    @AfterAll
    static void stopPortals() {
        simulator.close();
    }

    private static SimulatedPortal installedPortal(String clientId) {
        SimulatedPortal portal = simulator.createPortal(
                PortalSeed.of(Dataset.bundledSample()).withClient(clientId, "secret-of-" + clientId));
        InstallPage.acceptInstall(portal);
        return portal;
    }

    private void recordInstallation(SimulatedPortal portal) {
        portals.saveInstallation(new Installation(portal.memberId(), portal.domain(), portal.clientEndpoint(),
                portal.serverEndpoint(), portal.applicationToken(), InstallationStatus.INSTALLED, TestInfrastructure.NOW,
                null));
    }

    private FramePost opening(SimulatedPortal portal) {
        return portal.framePost("DEFAULT", URI.create("http://localhost:" + port + PlacementEntryFilter.PATH), "ru",
                "1", Map.of());
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

    private static String encoded(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String sessionCookie(HttpResponse<?> response) {
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
                .findFirst().orElseThrow(() -> new AssertionError("no session cookie"));
    }

    private static void assertRefusedWithoutSession(HttpResponse<String> response) {
        assertEquals(403, response.statusCode());
        assertTrue(response.body().contains("Откройте приложение заново из Битрикс24"), response.body());
        assertTrue(response.body().contains("Please reopen the app from Bitrix24"), response.body());
        assertEquals(List.of(), response.headers().allValues("Set-Cookie"));
    }

    @Test
    void verifiedPostGetsASessionAndASeeOtherToTheOverview() throws Exception {
        recordInstallation(acme);

        HttpResponse<String> response = send(opening(acme));

        assertEquals(303, response.statusCode());
        assertEquals("/", response.headers().firstValue("Location").orElseThrow());
    }

    @Test
    void anAlertsLinkOpensTheViewItNamesAndNothingElse() throws Exception {
        recordInstallation(acme);
        URI entry = URI.create("http://localhost:" + port + PlacementEntryFilter.PATH);

        HttpResponse<String> channels = send(acme.framePost(EventBindings.LINK_PLACEMENT, entry, "ru", "1",
                Map.of("view", "channels")));
        HttpResponse<String> retention = send(acme.framePost(EventBindings.LINK_PLACEMENT, entry, "ru", "1",
                Map.of("view", "retention")));
        HttpResponse<String> elsewhere = send(acme.framePost(EventBindings.LINK_PLACEMENT, entry, "ru", "1",
                Map.of("view", "//evil.example/")));

        assertEquals(303, channels.statusCode());
        assertEquals("/channels", channels.headers().firstValue("Location").orElseThrow());
        assertEquals("/retention", retention.headers().firstValue("Location").orElseThrow(),
                "the slow-response alert's link");
        assertEquals("/", elsewhere.headers().firstValue("Location").orElseThrow(),
                "a view that is not on the list opens the overview");
    }

    @Test
    void sessionCookieIsCrossSiteAndPartitioned() throws Exception {
        recordInstallation(acme);

        String cookie = sessionCookie(send(opening(acme)));

        assertTrue(cookie.contains("SameSite=None"), cookie);
        assertTrue(cookie.contains("Secure"), cookie);
        assertTrue(cookie.contains("Partitioned"), cookie);
        assertTrue(cookie.contains("HttpOnly"), cookie);
    }

    @Test
    void onlyTheVerifiedPortalMayFrameTheApp() throws Exception {
        recordInstallation(acme);

        HttpResponse<String> response = send(opening(acme));

        assertEquals("frame-ancestors 'self' http://" + acme.domain(),
                response.headers().firstValue("Content-Security-Policy").orElseThrow());
    }

    @Test
    void theSessionKeepsItsPortalForTheNextRequests() throws Exception {
        recordInstallation(acme);
        String cookie = sessionCookie(send(opening(acme))).split(";")[0];

        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/"))
                .header("Cookie", cookie).GET().build(), HttpResponse.BodyHandlers.ofString());

        assertEquals("frame-ancestors 'self' http://" + acme.domain(),
                page.headers().firstValue("Content-Security-Policy").orElseThrow());
    }

    @Test
    void reopeningStartsAFreshSession() throws Exception {
        recordInstallation(acme);
        recordInstallation(other);
        String first = sessionCookie(send(opening(acme))).split(";")[0];

        FramePost reopening = opening(other);
        HttpResponse<String> second = http.send(HttpRequest.newBuilder(reopening.url())
                .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", first)
                .POST(HttpRequest.BodyPublishers.ofString(reopening.body())).build(), HttpResponse.BodyHandlers.ofString());

        assertNotEquals(first, sessionCookie(second).split(";")[0]);
        assertEquals("frame-ancestors 'self' http://" + other.domain(),
                second.headers().firstValue("Content-Security-Policy").orElseThrow());
    }

    @Test
    void aPageWithoutAPortalMayNotBeFramedByAnyone() throws Exception {
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/"))
                .GET().build(), HttpResponse.BodyHandlers.ofString());

        assertEquals("frame-ancestors 'self'", page.headers().firstValue("Content-Security-Policy").orElseThrow());
    }

    @Test
    void forgedAuthIdIsRefused() throws Exception {
        recordInstallation(acme);

        assertRefusedWithoutSession(send(with(opening(acme), "AUTH_ID", "0123456789abcdef0123456789abcdef")));
    }

    @Test
    void aTokenOfOnePortalCannotOpenAnother() throws Exception {
        recordInstallation(acme);
        recordInstallation(other);

        assertRefusedWithoutSession(send(with(opening(acme), "member_id", other.memberId())));
    }

    @Test
    void domainOtherThanTheTokensPortalIsRefused() throws Exception {
        recordInstallation(acme);
        FramePost post = opening(acme);
        URI elsewhere = URI.create(post.url().toString().replace("DOMAIN=" + encoded(acme.domain()),
                "DOMAIN=" + encoded(other.domain())));
        assertNotEquals(post.url(), elsewhere);

        assertRefusedWithoutSession(send(new FramePost(elsewhere, post.form())));
    }

    @Test
    void aTokenIssuedToAnotherApplicationIsRefused() throws Exception {
        SimulatedPortal foreign = installedPortal("local.someone.else");
        recordInstallation(foreign);

        assertRefusedWithoutSession(send(opening(foreign)));
    }

    @Test
    void aPortalNotInstalledHereIsRefused() throws Exception {
        SimulatedPortal stranger = installedPortal(TestInfrastructure.CLIENT_ID);

        assertRefusedWithoutSession(send(opening(stranger)));
    }

    @Test
    void anUninstalledPortalIsRefused() throws Exception {
        recordInstallation(other);
        portals.markUninstalled(other.memberId());

        assertRefusedWithoutSession(send(opening(other)));
    }

    @Test
    void aGetIsNotAnOpening() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + PlacementEntryFilter.PATH)).GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertEquals(405, response.statusCode());
        assertEquals(List.of(), response.headers().allValues("Set-Cookie"));
    }
}
