package ru.unitecon.ui.bench;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import ru.unitecon.core.attribution.LeadSource;
import ru.unitecon.core.crm.DealSnapshot;
import ru.unitecon.core.crm.LeadSnapshot;
import ru.unitecon.core.crm.Semantic;
import ru.unitecon.core.portal.Installation;
import ru.unitecon.core.portal.PortalSettings;
import ru.unitecon.core.portal.InstallationStatus;
import ru.unitecon.core.store.RecordStore;
import ru.unitecon.simulator.Dataset;
import ru.unitecon.simulator.FramePost;
import ru.unitecon.simulator.PortalSeed;
import ru.unitecon.simulator.PortalSimulator;
import ru.unitecon.simulator.SimulatedPortal;
import ru.unitecon.simulator.SimulatorOptions;
import ru.unitecon.testsupport.LocalDynamo;
import ru.unitecon.testsupport.Percentiles;
import ru.unitecon.ui.AdminUiApplication;
import ru.unitecon.ui.TestInfrastructure;
import ru.unitecon.ui.entry.InstallPage;
import ru.unitecon.ui.entry.PlacementEntryFilter;

import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Memory per open admin UI session and time from the portal's placement POST to the overview rendered, with the
 * app booted as in the tests (DynamoDB Local in-process, the portal simulator's OAuth server verifying the POST).
 * Each session is opened as a browser would: the verified POST (303 to the overview), the bootstrap page, and
 * Vaadin's {@code ?v-r=init} request, which creates the UI on the server, then the client's first UIDL request
 * ({@code ui-navigate}), which navigates to the overview and returns its rendered components, figures included. The server keeps every session (30 minutes' timeout) while the heap is
 * measured; each count's sessions come on top of the earlier ones.
 * Run with the command in docs/benchmarks.md; prints one Markdown table row per session count.
 */
public final class SessionBenchmark {
    private static final YearMonth MARCH = YearMonth.of(2026, 3);
    /** The overview's "data as of" line, shown with the figures; its empty state says "no data yet" instead. */
    private static final String OVERVIEW_DATA = "Данные на";
    private static final String NO_DATA = "Данных пока нет";
    private static final Pattern UI_ID = Pattern.compile("\"v-uiId\":(\\d+)");
    private static final Pattern SECURITY_KEY = Pattern.compile("\"Vaadin-Security-Key\":\"([^\"]+)\"");
    /** The client's first UIDL request after init: its router asks the server to navigate to the page's route. */
    private static final String NAVIGATE = """
            {"csrfToken":"%s","rpc":[{"type":"event","node":1,"event":"ui-navigate","data":{"route":"%s",\
            "query":"","appShellTitle":"","historyState":{"idx":0},"trigger":""}}],"syncId":0,"clientId":0}""";

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private SimulatedPortal portal;
    private int port;

    public static void main(String[] args) throws Exception {
        int[] counts = args.length == 0 ? new int[] {50, 200}
                : Arrays.stream(args).mapToInt(Integer::parseInt).toArray();
        new SessionBenchmark().run(counts);
    }

    private void run(int[] counts) throws Exception {
        try (PortalSimulator simulator = PortalSimulator.start(SimulatorOptions.defaults());
             ConfigurableApplicationContext app = new SpringApplicationBuilder(AdminUiApplication.class,
                     TestInfrastructure.class).properties("server.port=0").run()) {
            port = ((WebServerApplicationContext) app).getWebServer().getPort();
            portal = simulator.createPortal(PortalSeed.of(Dataset.bundledSample())
                    .withClient(TestInfrastructure.CLIENT_ID, "secret-of-" + TestInfrastructure.CLIENT_ID));
            InstallPage.acceptInstall(portal);
            LocalDynamo.app().portals().saveInstallation(new Installation(
                    portal.memberId(), portal.domain(), portal.clientEndpoint(), portal.serverEndpoint(),
                    portal.applicationToken(), InstallationStatus.INSTALLED, TestInfrastructure.NOW, null));
            seedData(portal.memberId());
            for (int i = 0; i < 20; i++) {
                openSession();
            }
            System.out.println("| sessions | heap before MiB | heap after MiB | retained per session KiB "
                    + "| POST to overview rendered, median ms | p95 ms | of which POST (verify) median ms "
                    + "| of which UI init and overview render, median ms |");
            System.out.println("|---|---|---|---|---|---|---|---|");
            for (int count : counts) {
                long before = settledHeap();
                double[][] timings = new double[3][count];
                for (int i = 0; i < count; i++) {
                    double[] one = openSession();
                    for (int t = 0; t < 3; t++) {
                        timings[t][i] = one[t];
                    }
                }
                long after = settledHeap();
                System.out.printf("| %d | %.1f | %.1f | %.1f | %.1f | %.1f | %.1f | %.1f |%n", count,
                        before / 1048576.0, after / 1048576.0, (after - before) / 1024.0 / count,
                        Percentiles.of(timings[0], 50), Percentiles.of(timings[0], 95),
                        Percentiles.of(timings[1], 50), Percentiles.of(timings[2], 50));
            }
        }
        System.exit(0);
    }

    /** @return ms: the whole chain, the verified POST alone, the UI init alone */
    private double[] openSession() throws Exception {
        FramePost post = portal.framePost("DEFAULT",
                URI.create("http://localhost:" + port + PlacementEntryFilter.PATH), "ru", "1", Map.of());
        long start = System.nanoTime();
        HttpResponse<String> entry = http.send(HttpRequest.newBuilder(post.url())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(post.body())).build(), HttpResponse.BodyHandlers.ofString());
        long posted = System.nanoTime();
        if (entry.statusCode() != 303) {
            throw new IllegalStateException("entry answered " + entry.statusCode());
        }
        String cookie = entry.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
                .findFirst().orElseThrow().split(";")[0];
        String location = entry.headers().firstValue("Location").orElseThrow();
        get(location, cookie);
        long bootstrapped = System.nanoTime();
        HttpResponse<String> init = get("/?v-r=init&location=" + location.substring(1) + "&query=", cookie);
        Matcher ui = UI_ID.matcher(init.body());
        Matcher key = SECURITY_KEY.matcher(init.body());
        if (init.statusCode() != 200 || !ui.find() || !key.find()) {
            throw new IllegalStateException("no UI created: " + init.statusCode() + " " + init.body());
        }
        HttpResponse<String> navigated = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/?v-r=uidl&v-uiId=" + ui.group(1))).header("Cookie", cookie)
                .header("Content-Type", "application/json; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(NAVIGATE.formatted(key.group(1), location.substring(1))))
                .build(), HttpResponse.BodyHandlers.ofString());
        long rendered = System.nanoTime();
        if (navigated.statusCode() != 200 || !navigated.body().contains(OVERVIEW_DATA)
                || navigated.body().contains(NO_DATA)) {
            throw new IllegalStateException("overview not rendered: " + navigated.statusCode() + " "
                    + navigated.body().substring(0, Math.min(3000, navigated.body().length())));
        }
        return new double[] {(rendered - start) / 1e6, (posted - start) / 1e6, (rendered - bootstrapped) / 1e6};
    }

    private HttpResponse<String> get(String path, String cookie) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Cookie", cookie)
                .GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static long settledHeap() throws InterruptedException {
        for (int i = 0; i < 5; i++) {
            System.gc();
            Thread.sleep(200);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** Two months of leads, won deals and spend in two channels, so the overview has figures to show. */
    private static void seedData(String memberId) {
        PortalSettings settings = PortalSettings.defaults();
        RecordStore recordStore = LocalDynamo.app(Clock.fixed(TestInfrastructure.NOW, ZoneOffset.UTC)).recordStore();
        for (long id = 1; id <= 200; id++) {
            YearMonth month = MARCH.minusMonths(id % 2);
            Instant created = month.atDay(1 + (int) (id % 19)).atTime(9, 0).toInstant(ZoneOffset.UTC);
            LeadSource source = LeadSource.ofUtm(id % 3 == 0 ? "yandex" : "vk", "cpc", "spring");
            recordStore.apply(memberId, settings, new LeadSnapshot(id, created, created, source, Semantic.SUCCESS, id,
                    BigDecimal.ZERO, 1L, null));
            if (id % 4 == 0) {
                recordStore.apply(memberId, settings, new DealSnapshot(id, created, created, source, Semantic.SUCCESS, id, id,
                        BigDecimal.valueOf(2500), LocalDate.ofInstant(created, ZoneOffset.UTC), 1L, null));
            }
        }
        Map<String, BigDecimal> spend = new HashMap<>(Map.of("yandex", new BigDecimal("30000"),
                "vk", new BigDecimal("20000")));
        LocalDynamo.app().spend().replaceMonths(memberId,
                Map.of(MARCH, spend, MARCH.minusMonths(1), spend));
    }
}
