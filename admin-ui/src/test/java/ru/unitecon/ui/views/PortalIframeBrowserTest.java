package ru.unitecon.ui.views;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import ru.unitecon.core.attribution.Channel;
import ru.unitecon.core.clients.ClientCard;
import ru.unitecon.core.bookkeeping.DealRecord;
import ru.unitecon.core.metrics.Action;
import ru.unitecon.core.metrics.MetricValue;
import ru.unitecon.core.metrics.MetricsEngine;
import ru.unitecon.core.metrics.Period;
import ru.unitecon.core.metrics.PeriodMetrics;
import ru.unitecon.core.metrics.WhatIf;
import ru.unitecon.core.metrics.WhatIfOutcome;
import ru.unitecon.core.store.StoredAggregates;
import ru.unitecon.simulator.FramePost;
import ru.unitecon.simulator.PortalSimulator;
import ru.unitecon.simulator.SimulatorOptions;
import ru.unitecon.testsupport.LocalDynamo;
import ru.unitecon.ui.TestInfrastructure;
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
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The real thing in headless Chromium against the production build: a portal page on another site POSTs into its
 * iframe, the app verifies the POST with the simulator's OAuth server, and the views render inside the frame with
 * the figures of a salon the simulator generated and the app backfilled. Saves a screenshot of every view in the
 * navigation (to {@code target/screenshots}, or where {@code -Dunitecon.screenshots=...} says, e.g.
 * {@code ../docs/screenshots}). Skipped (not failed) where Debian's chromium and chromium-driver are not installed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestInfrastructure.class)
class PortalIframeBrowserTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of(System.getProperty("unitecon.screenshots", "target/screenshots"));
    /** A portal page on a 1920-pixel screen leaves the app a frame about this wide. */
    private static final int WIDTH = 1600;
    /** The portal's header above the app's frame, in CSS pixels. */
    private static final int PORTAL_HEADER = 46;
    private static final YearMonth MARCH = YearMonth.of(2026, 3);
    /** The month the overview opens on: the last complete one before the clock's March. */
    private static final YearMonth FEBRUARY = YearMonth.of(2026, 2);
    /** Enough for every channel to have clients most months; the backfill reads it in a few seconds. */
    private static final int LEADS = 900;

    private static PortalSimulator simulator;
    private static SimulatedSalon salon;
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
        salon = SimulatedSalon.installOn(simulator, LEADS);
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
                "--hide-scrollbars", "--window-size=" + WIDTH + ",1000", "--lang=ru",
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

    @Test
    void theOverviewShowsTheSimulatedSalonsFigures() throws IOException {
        openFromThePortal("ru", opening -> opening);

        String leads = patiently().until(ExpectedConditions.visibilityOfElementLocated(By.id("metric-leads")))
                .getText();
        String cac = browser.findElement(By.id("metric-cac")).getText();
        String spend = browser.findElement(By.id("metric-spend")).getText();

        // Counted from the generated dataset itself, not from anything the app stored.
        assertTrue(salon.leadsCreatedIn(FEBRUARY) > 0);
        assertEquals(russian().count(salon.leadsCreatedIn(FEBRUARY)), plain(leads));
        PeriodMetrics february = engine().total(Period.month(FEBRUARY));
        assertEquals(plain(russian().money(february.spend())), plain(spend));
        assertEquals(plain(russian().money(february.cac())), plain(cac));
        assertTrue(february.cac().isDefined());
    }

    /** The first thing on the first screen: the actions worth the most money, the engine's, with their sums. */
    @Test
    void theOverviewOpensWithWhatToDo() throws IOException {
        openFromThePortal("ru", opening -> opening);

        String first = patiently().until(ExpectedConditions.visibilityOfElementLocated(By.id("action-1"))).getText();
        waitUntilSettled();

        List<Action> expected = engine().actions(Period.month(FEBRUARY));
        assertFalse(expected.isEmpty());
        assertTrue(plain(first).contains(plain(russian().money(expected.getFirst().money()))), first);
        assertEquals(expected.size(), browser.findElements(By.cssSelector("[id^=action-][id$=-link]")).size());
        assertTrue(browser.findElement(By.id("actions-title")).getText().startsWith("Что сделать"));
        screenshot("overview-actions.png");
    }

    @Test
    void aForgedAuthIdIsRefused() {
        openFromThePortal("ru", opening -> {
            Map<String, String> forged = new LinkedHashMap<>(opening.form());
            forged.put("AUTH_ID", "forged" + opening.form().get("AUTH_ID").substring(6));
            return new FramePost(opening.url(), forged);
        });

        String refusal = patiently().until(ExpectedConditions.visibilityOfElementLocated(By.id("reopen-ru")))
                .getText();

        assertEquals("Откройте приложение заново из Битрикс24", refusal);
        assertTrue(browser.findElements(By.id("metric-cac")).isEmpty());
        assertFalse(browser.getPageSource().contains(russian().money(engine().total(Period.month(MARCH)).spend())));
    }

    @Test
    void anEnglishPortalReadsEnglish() throws IOException {
        openFromThePortal("en", opening -> opening);

        String cac = patiently().until(ExpectedConditions.visibilityOfElementLocated(By.id("metric-cac"))).getText();
        assertEquals("Overview", browser.findElement(By.tagName("h2")).getText());
        assertEquals(plain(Figures.of(Locale.ENGLISH, salon.settings())
                        .money(engine().total(Period.month(FEBRUARY)).cac())),
                plain(cac));
        screenshot("overview-en.png");

        navigateTo("trends");
        assertEquals("Trends by month", browser.findElement(By.tagName("h2")).getText());
        screenshot("trends-en.png");
    }

    @Test
    void clickingAChannelDrawsItsTrendWithChartJs() throws IOException {
        openFromThePortal("ru", opening -> opening);
        navigateTo("channels");

        patiently().until(ExpectedConditions.elementToBeClickable(
                By.xpath("//vaadin-grid-cell-content[normalize-space()='Instagram']"))).click();
        patiently().until(driver -> appAddress().equals("/trends?channel=instagram"));
        waitUntilSettled();

        List<PeriodMetrics> trend = engine().trend(Period.endingWith(MARCH, 12), Optional.of(Channel.INSTAGRAM));
        assertDrawn(trend.stream().map(PeriodMetrics::cac).toList(), drawnPoints("trend-costs", 0));
        assertDrawn(trend.stream().map(PeriodMetrics::ltv).toList(), drawnPoints("trend-costs", 2));
        assertTrue(trend.stream().anyMatch(month -> month.cac().isDefined()));
        assertTrue(canvasHasInk("trend-costs"), "the CAC chart's canvas is blank");
        screenshot("trends-instagram-ru.png");
    }

    /** The salon's booked visits give a no-show rate, so a lower target shows what the fewer no-shows bring. */
    @Test
    void whatIfShowsTheRevenueOfFewerNoShows() throws IOException {
        openFromThePortal("ru", opening -> opening);
        navigateTo("what-if");
        WhatIfOutcome expected = engine().whatIf(Period.month(MARCH), Optional.empty(),
                WhatIf.noShowRate(new BigDecimal("0.05")));
        assertTrue(expected.revenueUplift().isDefined() && expected.revenueUplift().value().signum() > 0,
                expected.toString());

        // With no target the projection repeats the actual revenue; typing one redraws it.
        String unchanged = browser.findElement(By.id("whatif-revenue-projected")).getText();
        browser.findElement(By.cssSelector("#whatif-no-show input")).sendKeys("5", Keys.TAB);
        patiently().until(driver -> !driver.findElements(By.id("whatif-revenue-projected")).isEmpty()
                && !driver.findElement(By.id("whatif-revenue-projected")).getText().equals(unchanged));
        waitUntilSettled();
        String projected = browser.findElement(By.id("whatif-revenue-projected")).getText();

        assertEquals(plain(russian().money(expected.projected().revenue())), plain(projected));
        assertEquals(plain(russian().money(expected.actual().revenue())),
                plain(browser.findElement(By.id("whatif-revenue-actual")).getText()));
        screenshot("what-if-scenario-ru.png");
    }

    /**
     * The campaigns view in the portal's frame: the imported campaigns with their rows, the generated leads' tag no
     * campaign has among the values without a campaign, and the rules' preview.
     */
    @Test
    void theCampaignsViewShowsTheImportedCampaignsAndTheTagsWithoutOne() throws IOException {
        openFromThePortal("ru", opening -> opening);
        patiently().until(ExpectedConditions.visibilityOfElementLocated(By.id("metric-cac")));

        navigateTo("campaigns");

        assertEquals("Кампании", browser.findElement(By.tagName("h2")).getText());
        String page = browser.getPageSource();
        assertTrue(page.contains("Поиск — маникюр (Директ)"), "the Direct campaign's row");
        assertTrue(page.contains("Окрашивание — лето (VK Реклама)"), "the VK Ads campaign's row");
        // This month's leads tagged with something no campaign is named, counted from the portal's raw leads.
        List<String> untagged = salon.dataset.leads().stream()
                .filter(lead -> YearMonth.from(OffsetDateTime.parse((String) lead.get("DATE_CREATE"))
                        .atZoneSameInstant(ZoneId.of("Europe/Moscow"))).equals(YearMonth.of(2026, 3)))
                .map(lead -> (String) lead.get("UTM_CAMPAIGN"))
                .filter(value -> value != null && !value.equals("Поиск — маникюр") && !value.equals("Окрашивание — лето"))
                .map(value -> value.strip().toLowerCase(Locale.ROOT)).distinct().toList();
        if (untagged.isEmpty()) {
            assertTrue(browser.findElement(By.id("campaigns-all-matched")).isDisplayed());
        } else {
            assertTrue(browser.findElement(By.id("campaigns-unmatched")).isDisplayed());
            untagged.forEach(value -> assertTrue(page.contains(value), value));
        }
        assertTrue(browser.findElement(By.id("campaign-rules-preview-summary")).getText()
                .startsWith("Новых лидов с меткой"));
        screenshot("campaigns-ru.png");
    }

    /**
     * Every view the navigation offers, in Russian, as a salon owner sees it: views added to the navigation later
     * are photographed too, with no change here.
     */
    @Test
    void everyViewInTheNavigationRendersWithTheSalonsData() throws IOException {
        openFromThePortal("ru", opening -> opening);
        patiently().until(ExpectedConditions.visibilityOfElementLocated(By.id("metric-cac")));
        Map<String, String> routes = new LinkedHashMap<>();
        for (WebElement link : browser.findElements(By.cssSelector("nav a"))) {
            routes.put(routeOf(link.getDomAttribute("href")), link.getText());
        }
        assertTrue(routes.keySet().containsAll(List.of("", "channels", "trends", "cohorts")), routes.toString());

        List<String> failed = new ArrayList<>();
        for (Map.Entry<String, String> route : routes.entrySet()) {
            navigateTo(route.getKey());
            String heading = browser.findElement(By.tagName("h2")).getText();
            if (heading.isBlank() || browser.getPageSource().contains("Internal error")) {
                failed.add(route.getValue());
            }
            screenshot((route.getKey().isEmpty() ? "overview" : route.getKey()) + "-ru.png");
        }
        assertEquals(List.of(), failed);
    }

    /**
     * A manager opens the client tab on the card of the salon's most frequent buyer: the portal POSTs the tab to the
     * handler the install bound, the app verifies it and shows that contact's client from the store.
     */
    @Test
    void theCrmClientTabShowsTheContactsClient() throws IOException {
        String memberId = salon.portal.memberId();
        long contact = LocalDynamo.app().records().deals(memberId).stream()
                .filter(deal -> !deal.deleted() && deal.isWon() && deal.contactId() != null)
                .collect(Collectors.groupingBy(DealRecord::contactId, Collectors.counting())).entrySet().stream()
                .max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        ClientCard expected = LocalDynamo.app(Clock.fixed(TestInfrastructure.NOW, ZoneOffset.UTC)).clientCards()
                .forContact(memberId, contact).orElseThrow();
        FramePost tab = salon.portal.crmTabPost("CRM_CONTACT_DETAIL_TAB", String.valueOf(contact), "ru",
                salon.portal.employeeUserId());
        // The install bound the tab to a stand-in address; the POST goes to the running app at the same path.
        openInThePortalPage(new FramePost(URI.create("http://localhost:" + port + URI.create(tab.url().toString())
                .getRawPath() + "?" + tab.url().getRawQuery()), tab.form()));

        String revenue = patiently().until(ExpectedConditions.visibilityOfElementLocated(By.id("client-revenue")))
                .getText();
        waitUntilSettled();

        assertTrue(expected.orders() > 1, expected.toString());
        assertEquals(plain(russian().money(expected.revenue())), plain(revenue));
        assertEquals(russian().count(expected.orders()), browser.findElement(By.id("client-orders")).getText());
        assertEquals(russian().count(expected.visits()), browser.findElement(By.id("client-visits")).getText());
        assertEquals(plain(russian().money(expected.observedLtv())),
                plain(browser.findElement(By.id("client-ltv")).getText()));
        screenshot("crm-client-tab.png");
    }

    /** Seeds nothing: the salon was installed and backfilled once; opens the app as the portal's page does. */
    private void openFromThePortal(String lang, UnaryOperator<FramePost> tamper) {
        openInThePortalPage(tamper.apply(salon.portal.framePost("DEFAULT",
                URI.create("http://localhost:" + port + PlacementEntryFilter.PATH), lang, "1", Map.of())));
    }

    private void openInThePortalPage(FramePost opening) {
        portalPageHtml = portalPage(opening);
        browser.get("http://" + salon.portal.domain() + "/marketplace/app/1/");
        patiently().until(ExpectedConditions.frameToBeAvailableAndSwitchToIt("app"));
    }

    /** Follows a navigation link as a user would, then waits for the server's answer and the charts. */
    private void navigateTo(String route) {
        WebElement link = patiently().until(driver -> driver.findElements(By.cssSelector("nav a")).stream()
                .filter(a -> routeOf(a.getDomAttribute("href")).equals(route)).findFirst().orElse(null));
        link.click();
        patiently().until(driver -> routeOf(appAddress()).equals(route));
        waitUntilSettled();
    }

    /** The app frame's own path and query (the driver's current URL is the portal page's). */
    private String appAddress() {
        return (String) ((JavascriptExecutor) browser).executeScript(
                "return window.location.pathname + window.location.search;");
    }

    /** "channels" for "channels", "/channels" or "http://host:port/channels"; "" for the overview. */
    private static String routeOf(String href) {
        String path = href.contains("://") ? URI.create(href).getPath() : href;
        return path.replaceFirst("^/+", "").replaceFirst("\\?.*$", "");
    }

    /** No request to the server in flight, and every chart on the page drawn. */
    private void waitUntilSettled() {
        patiently().until(driver -> (Boolean) ((JavascriptExecutor) driver).executeScript("""
                const clients = Object.values(window.Vaadin?.Flow?.clients ?? {});
                const idle = clients.length > 0 && clients.every(client => !client.isActive());
                const charts = [...document.querySelectorAll('monthly-chart')].filter(chart => !chart.closest('[hidden]'));
                return idle && charts.every(chart => chart.hasAttribute('rendered'));
                """));
    }

    @SuppressWarnings("unchecked")
    private List<Object> drawnPoints(String chartId, int series) {
        return (List<Object>) ((JavascriptExecutor) browser).executeScript(
                "return document.getElementById(arguments[0]).chart.data.datasets[arguments[1]].data;",
                chartId, series);
    }

    /** The chart draws the engine's values, and a gap (null), never a zero, where a value is undefined. */
    private static void assertDrawn(List<MetricValue> expected, List<Object> drawn) {
        assertEquals(expected.size(), drawn.size());
        for (int month = 0; month < expected.size(); month++) {
            MetricValue value = expected.get(month);
            if (value.isDefined()) {
                assertEquals(value.value().doubleValue(), ((Number) drawn.get(month)).doubleValue(), 1e-6,
                        "month " + month);
            } else {
                assertEquals(null, drawn.get(month), "month " + month);
            }
        }
    }

    private boolean canvasHasInk(String chartId) {
        return (Boolean) ((JavascriptExecutor) browser).executeScript("""
                const canvas = document.getElementById(arguments[0]).querySelector('canvas');
                const pixels = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
                for (let i = 3; i < pixels.length; i += 4) { if (pixels[i] !== 0) { return true; } }
                return false;
                """, chartId);
    }

    /** Waiting is not asserting: the generous limit only ends a test that would otherwise never finish. */
    private WebDriverWait patiently() {
        return new WebDriverWait(browser, Duration.ofSeconds(60));
    }

    /** The whole app, not only what fits the window: the frame and the window grow to the app's height first. */
    private void screenshot(String name) throws IOException {
        long height = (Long) ((JavascriptExecutor) browser).executeScript(
                "return Math.ceil(document.documentElement.scrollHeight);");
        browser.switchTo().defaultContent();
        ((JavascriptExecutor) browser).executeScript(
                "document.querySelector('iframe[name=app]').style.height = arguments[0] + 'px';", height);
        browser.manage().window().setSize(new Dimension(WIDTH, (int) height + PORTAL_HEADER + 140));
        browser.switchTo().frame("app");
        waitUntilSettled();
        ((JavascriptExecutor) browser).executeAsyncScript(
                "const done = arguments[0]; requestAnimationFrame(() => requestAnimationFrame(() => done()));");
        browser.switchTo().defaultContent();
        Files.createDirectories(SCREENSHOTS);
        File shot = ((ChromeDriver) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SCREENSHOTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
        browser.manage().window().setSize(new Dimension(WIDTH, 1000));
        ((JavascriptExecutor) browser).executeScript(
                "document.querySelector('iframe[name=app]').style.height = '900px';");
        browser.switchTo().frame("app");
    }

    private static MetricsEngine engine() {
        StoredAggregates all = LocalDynamo.app().aggregates()
                .load(salon.portal.memberId(), YearMonth.of(2024, 1), YearMonth.of(2026, 12));
        return new MetricsEngine(salon.settings(), all.counters(), all.spend(), TestInfrastructure.NOW);
    }

    private static Figures russian() {
        return Figures.of(PortalSession.RUSSIAN, salon.settings());
    }

    /** The browser reports the no-break spaces of Russian number formats as plain spaces. */
    private static String plain(String text) {
        return text.replace('\u00a0', ' ').replace('\u202f', ' ');
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
                + "<iframe name=\"app\" style=\"border:0;width:100%;height:900px;background:white;display:block\"></iframe>"
                + "</body></html>";
    }
}
