package ru.unitecon.local;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import ru.unitecon.core.bookkeeping.AggregateKey;
import ru.unitecon.core.appointments.AppointmentState;
import ru.unitecon.core.install.EventBindings;
import ru.unitecon.core.bookkeeping.DealRecord;
import ru.unitecon.core.bookkeeping.LeadRecord;
import ru.unitecon.core.portal.PortalSettings;
import ru.unitecon.core.portal.InstallationStatus;
import ru.unitecon.core.store.RecordStore;
import ru.unitecon.simulator.SimulatedPortal;
import ru.unitecon.ui.entry.PortalSession;
import ru.unitecon.ui.format.Figures;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The README's local run, in memory, in this JVM: DynamoDB Local, ElasticMQ, the handlers behind the local
 * gateway, the admin UI and the simulated portal with a small demo salon, installed through the real flow.
 */
class LocalStackTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Pattern HIDDEN_INPUT = Pattern.compile("name=\"([^\"]+)\" value=\"([^\"]*)\"");
    private static final Pattern FORM_ACTION = Pattern.compile("action=\"([^\"]+)\"");

    private static DemoSalon salon;
    private static LocalStack stack;
    private static SimulatedPortal portal;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeAll
    static void startTheLocalStack() throws Exception {
        salon = new DemoSalon(7, 180, Instant.now());
        // The limit only ends a start that would otherwise never finish.
        stack = LocalStack.startDemo(null, 0, salon, Duration.ofMinutes(10));
        portal = stack.simulatedPortal().orElseThrow();
    }

    @AfterAll
    static void stopTheLocalStack() {
        URI health = stack.healthUrl();
        stack.close();
        assertThrows(ConnectException.class, () -> HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(health).build(), HttpResponse.BodyHandlers.ofString()));
    }

    @Test
    void theAppIsInstalledIntoTheSimulatedPortalAndTheBackfillIsStored() {
        RecordStore recordStore = stack.services().recordStore();

        assertEquals(InstallationStatus.INSTALLED,
                stack.services().portals().find(DemoSalon.MEMBER_ID).orElseThrow().status());
        assertTrue(portal.isInstalled());
        assertEquals(EventBindings.PLACEMENTS.stream().map(placement -> placement + " " + stack.appUrl()).toList(),
                portal.records().placements().stream()
                .map(placement -> placement.placement() + " " + placement.handler()).toList());
        assertEquals(salon.dataset().leads().size(), recordStore.records().leads(DemoSalon.MEMBER_ID).size());
        assertEquals(salon.dataset().deals().size(), recordStore.records().deals(DemoSalon.MEMBER_ID).size());
        assertEquals(List.of(), portal.violations());
    }

    @Test
    void appointmentsWithNoShowsAndUpcomingVisitsReachTheStore() {
        RecordStore recordStore = stack.services().recordStore();
        List<DealRecord> deals = recordStore.records().deals(DemoSalon.MEMBER_ID);
        List<LeadRecord> leads = recordStore.records().leads(DemoSalon.MEMBER_ID);

        Map<AppointmentState, Long> dealStates = deals.stream().filter(deal -> deal.appointment() != null)
                .collect(Collectors.groupingBy(deal -> deal.appointment().state(), Collectors.counting()));
        assertEquals(salon.dataset().deals().size(), dealStates.values().stream().mapToLong(Long::longValue).sum());
        assertTrue(dealStates.getOrDefault(AppointmentState.NO_SHOW, 0L) > 0, dealStates.toString());
        assertTrue(dealStates.getOrDefault(AppointmentState.ATTENDED, 0L) > 0, dealStates.toString());
        Instant now = Instant.now();
        long upcoming = leads.stream().map(LeadRecord::appointment).filter(appointment -> appointment != null)
                .filter(appointment -> appointment.state().isOpen() && appointment.time().isAfter(now)).count()
                + deals.stream().map(DealRecord::appointment).filter(appointment -> appointment != null)
                .filter(appointment -> appointment.state().isOpen() && appointment.time().isAfter(now)).count();
        assertTrue(upcoming > 0, "open appointments in the coming days");
    }

    @Test
    void theSalonsTypedSpendIsKeptPerMonthAndChannelBesideTheImportedSpend() {
        YearMonth first = salon.months().getFirst();
        YearMonth last = salon.months().getLast();

        Map<YearMonth, BigDecimal> typed = stack.services().spend()
                .sources(DemoSalon.MEMBER_ID, first, last).entrySet().stream()
                .filter(entry -> entry.getValue().typed() != null)
                .collect(Collectors.groupingBy(entry -> entry.getKey().month(),
                        Collectors.reducing(BigDecimal.ZERO, entry -> entry.getValue().typed(), BigDecimal::add)));

        assertEquals(salon.months().size(), typed.size());
        salon.spend().forEach((month, amounts) -> assertEquals(0,
                amounts.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add).compareTo(typed.get(month))));
        YearMonth lastMonth = YearMonth.now(DemoSalon.ZONE).minusMonths(1);
        assertEquals(0, importedDays(lastMonth, "direct").compareTo(stack.services().spend()
                .load(DemoSalon.MEMBER_ID, lastMonth, lastMonth).get(new AggregateKey(lastMonth, "yandex_direct"))),
                "the connected Direct account's days make last month's Yandex Direct spend");
    }

    /** The stored campaign days of one platform in the month, added up. */
    private static BigDecimal importedDays(YearMonth month, String platformCode) {
        return stack.services().campaignSpend().days(DemoSalon.MEMBER_ID, month.atDay(1), month.atEndOfMonth())
                .stream().filter(day -> day.campaign().platform().code().equals(platformCode))
                .map(day -> day.amount()).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    @Test
    void thePortalsBiBuilderReadsTheSalonsMetricsThroughTheGateway() throws Exception {
        HttpResponse<String> check = portal.biBuilder().check();
        HttpResponse<String> data = portal.biBuilder().data("monthly_metrics", List.of("MONTH", "CHANNEL", "LEADS"),
                null, null, null);

        assertEquals(200, check.statusCode());
        assertEquals(200, data.statusCode());
        assertTrue(data.body().startsWith("[[\"month\",\"channel\",\"leads\"],[\""), data.body());
        assertTrue(portal.records().biConnectors().getFirst().urlData().toString()
                .startsWith(stack.biConnectorUrl().toString()));
    }

    @Test
    void healthAnswersThroughTheGateway() throws Exception {
        HttpResponse<String> health = get(stack.healthUrl());

        assertEquals(200, health.statusCode());
        assertEquals("{\"status\":\"ok\"}", health.body());
    }

    @Test
    void anEventIsAnsweredByTheQueueAndAForgedOneIsDroppedByTheSync() throws Exception {
        Map<String, String> event = new LinkedHashMap<>();
        event.put("event", "ONCRMLEADADD");
        event.put("data[FIELDS][ID]", "1");
        event.put("ts", Long.toString(Instant.now().getEpochSecond()));
        event.put("auth[domain]", portal.domain());
        event.put("auth[client_endpoint]", portal.clientEndpoint().toString());
        event.put("auth[member_id]", DemoSalon.MEMBER_ID);
        event.put("auth[application_token]", "0123456789abcdef0123456789abcdef");
        String forged = formBody(event);

        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(stack.eventsUrl())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(forged)).build(), HttpResponse.BodyHandlers.ofString());

        assertEquals(200, answer.statusCode(), "the gateway queues any body, as API Gateway's SQS integration");
        assertTrue(answer.body().startsWith("{\"SendMessageResponse\":"), answer.body());
        long dropped = stack.droppedEvents();
        for (int waited = 0; stack.droppedEvents() == dropped && waited < 600; waited++) {
            Thread.sleep(100);
        }
        assertEquals(dropped + 1, stack.droppedEvents());
    }

    @Test
    void aGenuineEventReachesTheStoreThroughTheQueue() throws Exception {
        portal.updateLead(1, Map.of("OPPORTUNITY", "4321.00"));

        assertEquals(200, portal.deliverEvent("ONCRMLEADUPDATE", 1, false).statusCode());
        for (int waited = 0; storedAmountOfLead1().compareTo(new BigDecimal("4321")) != 0 && waited < 600; waited++) {
            Thread.sleep(100);
        }
        assertEquals(0, new BigDecimal("4321").compareTo(storedAmountOfLead1()));
    }

    private static BigDecimal storedAmountOfLead1() {
        return stack.services().recordStore().records().leads(DemoSalon.MEMBER_ID).stream()
                .filter(lead -> lead.id() == 1).findFirst().orElseThrow().amount().value();
    }

    @Test
    void thePortalPageOpensTheAppInItsIframeByAVerifiedFormPost() throws Exception {
        String page = get(portal.appPageUrl()).body();

        assertTrue(page.contains("<iframe name=\"app\""), page);
        Matcher action = FORM_ACTION.matcher(page);
        assertTrue(action.find(), page);
        URI target = URI.create(action.group(1).replace("&amp;", "&"));
        assertTrue(target.toString().startsWith(stack.appUrl() + "?DOMAIN="), target.toString());
        Map<String, String> form = new LinkedHashMap<>();
        Matcher input = HIDDEN_INPUT.matcher(page);
        while (input.find()) {
            form.put(input.group(1), input.group(2));
        }

        HttpResponse<String> entered = http.send(HttpRequest.newBuilder(target)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(formBody(form))).build(), HttpResponse.BodyHandlers.ofString());

        assertEquals(303, entered.statusCode(), entered.body());
        assertTrue(entered.headers().firstValue("Set-Cookie").orElseThrow().contains("Partitioned"));
        assertEquals("frame-ancestors 'self' http://" + portal.domain(),
                entered.headers().firstValue("Content-Security-Policy").orElseThrow());
    }

    @Test
    void theOverviewInsideThePortalShowsTheDemoSalonsNumbers() throws IOException {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "browser check skipped: install Debian's chromium and chromium-driver to run it");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=1400,1000", "--user-data-dir=" + Files.createTempDirectory("chromium-profile"));
        WebDriver browser = new ChromeDriver(new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).build(), options);
        try {
            browser.get(portal.appPageUrl().toString());
            // Waiting is not asserting: the limit only ends a check that would otherwise never finish.
            WebDriverWait patiently = new WebDriverWait(browser, Duration.ofSeconds(90));
            patiently.until(ExpectedConditions.frameToBeAvailableAndSwitchToIt("app"));
            String leads = patiently.until(ExpectedConditions.visibilityOfElementLocated(By.id("metric-leads")))
                    .getText();
            String spend = browser.findElement(By.id("metric-spend")).getText();

            Figures figures = Figures.of(PortalSession.RUSSIAN, PortalSettings.defaults());
            // The overview opens on the last complete month: the demo salon has leads and spend in every month.
            YearMonth lastMonth = YearMonth.now(DemoSalon.ZONE).minusMonths(1);
            long leadsLastMonth = salon.dataset().leads().stream()
                    .filter(lead -> YearMonth.from(OffsetDateTime.parse(String.valueOf(lead.get("DATE_CREATE")))
                            .atZoneSameInstant(DemoSalon.ZONE)).equals(lastMonth))
                    .count();
            // Typed spend counts, except where the connected ad accounts' import replaces it.
            Map<String, BigDecimal> typed = new java.util.HashMap<>(salon.spend().get(lastMonth));
            typed.put("yandex_direct", importedDays(lastMonth, "direct"));
            typed.put("vk", importedDays(lastMonth, "vkads"));
            BigDecimal spendLastMonth = typed.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
            assertTrue(leadsLastMonth > 0);
            // The browser reports the no-break spaces of Russian number formats as plain spaces.
            assertEquals(figures.count(leadsLastMonth).replace('\u00a0', ' '), leads);
            assertEquals(figures.money(spendLastMonth).replace('\u00a0', ' '), spend);
        } finally {
            browser.quit();
        }
    }

    private HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String formBody(Map<String, String> form) {
        return form.entrySet().stream()
                .map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
