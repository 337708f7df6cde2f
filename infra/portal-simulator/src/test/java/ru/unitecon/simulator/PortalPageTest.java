package ru.unitecon.simulator;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The portal's page that opens the installed app in its iframe by form POST. */
class PortalPageTest {
    private static final Pattern AUTH_ID = Pattern.compile("name=\"AUTH_ID\" value=\"([^\"]+)\"");

    private final SimulatorFixture fixture = new SimulatorFixture(Dataset.bundledSample());
    private final HttpClient http = HttpClient.newHttpClient();
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

    private HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void pageOfAnInstalledAppPostsAFreshFrameFormIntoItsIframe() throws Exception {
        fixture.portal.installApp(app.url("/install"), app.url("/app"));

        HttpResponse<String> first = get(fixture.portal.appPageUrl());
        HttpResponse<String> second = get(fixture.portal.appPageUrl());

        assertEquals(200, first.statusCode());
        assertEquals("http://" + fixture.portal.domain() + "/marketplace/app/", fixture.portal.appPageUrl().toString());
        String page = first.body();
        assertTrue(page.contains("<iframe name=\"app\""), page);
        assertTrue(page.contains("target=\"app\" method=\"post\" action=\"" + app.url("/app") + "?DOMAIN="
                + fixture.portal.domain().replace(":", "%3A") + "&amp;PROTOCOL=0&amp;LANG=ru"), page);
        assertTrue(page.contains("name=\"member_id\" value=\"" + fixture.portal.memberId() + "\""), page);
        assertNotEquals(authId(page), authId(second.body()), "every load issues fresh tokens");
    }

    @Test
    void englishIsAskedForInTheQuery() throws Exception {
        fixture.portal.installApp(app.url("/install"), app.url("/app"));

        String page = get(URI.create(fixture.portal.appPageUrl() + "?lang=en")).body();

        assertTrue(page.contains("LANG=en"), page);
    }

    @Test
    void withoutTheAppInstalledThePageSaysSo() throws Exception {
        HttpResponse<String> page = get(fixture.portal.appPageUrl());

        assertEquals(404, page.statusCode());
        assertTrue(page.body().contains("не установлено"));
    }

    private static String authId(String page) {
        Matcher matcher = AUTH_ID.matcher(page);
        assertTrue(matcher.find(), page);
        return matcher.group(1);
    }
}
