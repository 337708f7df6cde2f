package ru.unitecon.ui.views;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import ru.unitecon.core.appointments.AppointmentState;
import ru.unitecon.core.attribution.LeadSource;
import ru.unitecon.core.metrics.Period;
import ru.unitecon.core.metrics.WhatIf;
import ru.unitecon.core.metrics.WhatIfOutcome;
import ru.unitecon.core.portal.PortalSettings;
import ru.unitecon.core.portal.PortalStatus;
import ru.unitecon.simulator.Dataset;
import ru.unitecon.simulator.FramePost;
import ru.unitecon.simulator.PortalSeed;
import ru.unitecon.simulator.PortalSimulator;
import ru.unitecon.simulator.SimulatedPortal;
import ru.unitecon.simulator.SimulatorOptions;
import ru.unitecon.ui.TestInfrastructure;
import ru.unitecon.ui.entry.InstallPage;
import ru.unitecon.ui.entry.PlacementEntryFilter;
import ru.unitecon.ui.entry.PortalSession;
import ru.unitecon.ui.format.Figures;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static ru.unitecon.ui.views.SeededPortal.MARCH;

/**
 * The real thing in headless Chromium: a portal page on another site POSTs into its iframe, the app verifies the
 * POST with the simulator's OAuth server, and the overview renders inside the frame with the stored numbers.
 * Skipped (not failed) where Debian's chromium and chromium-driver are not installed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestInfrastructure.class)
class PortalIframeBrowserTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private static PortalSimulator simulator;
    private static SimulatedPortal portal;
    /**
     * The simulated portal's page. The simulator serves the portal's REST API at the portal's address, not a page,
     * so Chromium is sent through this server as a proxy for that one address; the app is reached directly.
     */
    private static HttpServer portalPage;
    private static volatile String portalPageHtml = "";

    @LocalServerPort
    int port;
    private WebDriver browser;

    @BeforeAll
    static void startPortal() throws IOException {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "headless browser test skipped: install Debian's chromium and chromium-driver to run it");
        simulator = PortalSimulator.start(SimulatorOptions.defaults());
        portal = simulator.createPortal(
                PortalSeed.of(Dataset.bundledSample()).withClient(TestInfrastructure.CLIENT_ID, "secret"));
        portalPage = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        portalPage.createContext("/", exchange -> {
            byte[] page = portalPageHtml.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, page.length);
            try (OutputStream body = exchange.getResponseBody()) {
                body.write(page);
            }
        });
        portalPage.start();
        InstallPage.acceptInstall(portal);
    }

    @AfterAll
    static void stopPortal() {
        if (portalPage != null) {
            portalPage.stop(0);
        }
        if (simulator != null) {
            simulator.close();
        }
    }

    @BeforeEach
    void startBrowser() throws IOException {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=1400,1000",
                "--user-data-dir=" + Files.createTempDirectory("chromium-profile"),
                "--proxy-server=http://127.0.0.1:" + portalPage.getAddress().getPort(),
                "--proxy-bypass-list=<-loopback>;localhost:" + port);
        browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .build(), options);
    }

    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    /** Seeds the store for the simulated portal, then lets its page open the app; ends inside the app's frame. */
    private SeededPortal openFromThePortal() {
        SeededPortal salon = OverviewViewTest.salon(new SeededPortal(portal.memberId(), portal.domain(),
                portal.serverEndpoint(), PortalStatus.INSTALLED));
        FramePost opening = portal.framePost("DEFAULT",
                URI.create("http://localhost:" + port + PlacementEntryFilter.PATH), "ru", "1", Map.of());
        portalPageHtml = portalPage(opening);
        browser.get("http://" + portal.domain() + "/marketplace/app/1/");
        patiently().until(ExpectedConditions.frameToBeAvailableAndSwitchToIt("app"));
        return salon;
    }

    /** Waiting is not asserting: the generous limit only ends a test that would otherwise never finish. */
    private WebDriverWait patiently() {
        return new WebDriverWait(browser, Duration.ofSeconds(60));
    }

    private void screenshot(String name) throws IOException {
        browser.switchTo().defaultContent();
        Files.createDirectories(SCREENSHOTS);
        File shot = ((ChromeDriver) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SCREENSHOTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void theOverviewRendersInsideThePortalsIframe() throws IOException {
        SeededPortal salon = openFromThePortal();

        String cac = patiently().until(ExpectedConditions.visibilityOfElementLocated(By.id("metric-cac"))).getText();
        screenshot("overview-in-portal-ru.png");

        // The browser reports the no-break spaces of Russian number formats as plain spaces.
        assertEquals(Figures.of(PortalSession.RUSSIAN, PortalSettings.defaults())
                .money(salon.engine().total(Period.month(MARCH)).cac()).replace('\u00a0', ' '), cac);
    }

    @Test
    void theChannelsTableRendersInsideThePortalsIframe() throws IOException {
        openFromThePortal();
        patiently().until(ExpectedConditions.elementToBeClickable(By.linkText("Каналы"))).click();

        String table = patiently().until(ExpectedConditions.visibilityOfElementLocated(By.id("channels"))).getText();
        screenshot("channels-in-portal-ru.png");

        assertTrue(table.contains("Убыточный канал"), table);
    }

    @Test
    void theSpendTableAndItsImportRenderInsideThePortalsIframe() throws IOException {
        openFromThePortal();
        patiently().until(ExpectedConditions.elementToBeClickable(By.linkText("Расходы"))).click();

        WebElement march = patiently().until(ExpectedConditions.visibilityOfElementLocated(
                By.id(SpendView.cellId(MARCH, "instagram"))));
        patiently().until(ExpectedConditions.visibilityOfElementLocated(By.id("spend-upload")));
        String shown = march.getDomProperty("value");
        Object componentsDefined = ((JavascriptExecutor) browser).executeScript(
                "return !!customElements.get('vaadin-upload') && !!customElements.get('vaadin-big-decimal-field')");
        screenshot("spend-in-portal-ru.png");

        assertEquals("12000", shown);
        assertEquals(Boolean.TRUE, componentsDefined);
    }

    @Test
    void theIntegrationsViewRendersInsideThePortalsIframe() throws IOException {
        openFromThePortal();
        patiently().until(ExpectedConditions.elementToBeClickable(By.linkText("Интеграции"))).click();

        String state = patiently().until(ExpectedConditions.visibilityOfElementLocated(By.id("bi-state"))).getText();
        screenshot("integrations-in-portal-ru.png");

        assertEquals("Не создан", state);
    }

    void theAppointmentsViewRendersInsideThePortalsIframe() throws IOException {
        openFromThePortal()
                .leadWithVisit(31, LeadSource.ofUtm("vk", null, null), Instant.parse("2026-03-21T07:00:00Z"),
                        AppointmentState.BOOKED)
                .leadWithVisit(32, LeadSource.ofUtm("instagram", null, null), Instant.parse("2026-03-20T14:00:00Z"),
                        AppointmentState.CONFIRMED)
                .leadWithVisit(33, LeadSource.ofUtm("instagram", null, null), Instant.parse("2026-03-20T06:00:00Z"),
                        AppointmentState.NO_SHOW);
        patiently().until(ExpectedConditions.elementToBeClickable(By.linkText("Записи"))).click();

        String upcoming = patiently().until(ExpectedConditions.visibilityOfElementLocated(By.id("upcoming"))).getText();
        patiently().until(ExpectedConditions.visibilityOfElementLocated(By.id("no-show-rates")));
        screenshot("appointments-in-portal-ru.png");

        assertTrue(upcoming.contains("Лид 32"), upcoming);
    }

    @Test
    void theWhatIfViewRendersInsideThePortalsIframe() throws IOException {
        SeededPortal salon = openFromThePortal();
        patiently().until(ExpectedConditions.elementToBeClickable(By.linkText("Что если"))).click();
        String asNow = patiently().until(ExpectedConditions.visibilityOfElementLocated(
                By.id("whatif-ltvToCac-projected"))).getText();

        browser.findElement(By.cssSelector("#whatif-cac input")).sendKeys("1500", Keys.TAB);
        patiently().until(ExpectedConditions.not(ExpectedConditions.textToBe(By.id("whatif-ltvToCac-projected"),
                asNow)));
        screenshot("what-if-in-portal-ru.png");

        WhatIfOutcome expected = salon.engine().whatIf(Period.month(MARCH), Optional.empty(),
                WhatIf.cac(new BigDecimal("1500")));
        browser.switchTo().frame("app");
        assertEquals(Figures.of(PortalSession.RUSSIAN, PortalSettings.defaults())
                        .decimal(expected.projected().ltvToCac()).replace('\u00a0', ' '),
                browser.findElement(By.id("whatif-ltvToCac-projected")).getText());
    }

    @Test
    void theSettingsViewRendersInsideThePortalsIframe() throws IOException {
        openFromThePortal();
        patiently().until(ExpectedConditions.elementToBeClickable(By.linkText("Настройки"))).click();

        String preview = patiently().until(ExpectedConditions.visibilityOfElementLocated(
                By.id("rules-preview-summary"))).getText();
        screenshot("settings-in-portal-ru.png");

        assertEquals("Последних лидов: 5; сменят канал: 0.", preview);
    }

    /** The portal's page: a header, and the app's iframe filled by a form POST, as Bitrix24 opens apps. */
    private static String portalPage(FramePost opening) {
        String form = opening.autoSubmitPage()
                .replace("<form method=\"post\"", "<form target=\"app\" method=\"post\"")
                .replace("<!DOCTYPE html><html><body onload=\"document.forms[0].submit()\">", "")
                .replace("</body></html>", "");
        return "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Битрикс24</title></head>"
                + "<body style=\"margin:0;font-family:sans-serif;background:#eef2f4\" onload=\"document.forms[0].submit()\">"
                + "<div style=\"background:#2fc6f6;color:white;padding:12px 20px;font-size:18px\">Битрикс24 · Салон</div>"
                + form
                + "<iframe name=\"app\" style=\"border:0;width:100%;height:900px;background:white\"></iframe>"
                + "</body></html>";
    }
}
