package ru.unitecon.functions;

import ru.unitecon.core.adsapi.LocalDataKeys;
import ru.unitecon.core.adsapi.TokenSealer;
import ru.unitecon.core.adsimport.AdPlatforms;
import ru.unitecon.core.wiring.AdServices;
import ru.unitecon.core.bitrix.RecordingSleeper;
import ru.unitecon.core.bitrix.Sleeper;
import ru.unitecon.core.bitrix.oauth.AppCredentials;
import ru.unitecon.core.bitrix.oauth.OAuthServer;
import ru.unitecon.core.bitrix.rest.Backoff;
import ru.unitecon.core.bitrix.rest.RateLimits;
import ru.unitecon.core.intake.EventInbox;
import ru.unitecon.core.install.AppAddresses;
import ru.unitecon.core.bookkeeping.AggregateKey;
import ru.unitecon.core.bookkeeping.Counters;
import ru.unitecon.core.bookkeeping.LeadRecord;
import ru.unitecon.core.bookkeeping.Measure;
import ru.unitecon.core.reminders.ReminderService;
import ru.unitecon.core.store.AggregateReader;
import ru.unitecon.core.store.Keys;
import ru.unitecon.core.store.RecordStore;
import ru.unitecon.core.store.InstallationStore;
import ru.unitecon.core.store.SentReminders;
import ru.unitecon.core.store.SettingsStore;
import ru.unitecon.core.store.TableDefinition;
import ru.unitecon.core.sync.RestClients;
import ru.unitecon.core.sync.SyncPace;
import ru.unitecon.core.sync.SyncStores;
import ru.unitecon.core.wiring.AppServices;
import ru.unitecon.eventsource.SqsSendMessageIntegration;
import ru.unitecon.simulator.Dataset;
import ru.unitecon.simulator.ManualClock;
import ru.unitecon.simulator.PortalSeed;
import ru.unitecon.simulator.PortalSimulator;
import ru.unitecon.simulator.SimulatedPortal;
import ru.unitecon.simulator.SimulatorOptions;
import ru.unitecon.testsupport.LocalDynamo;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

/**
 * The functions wired as production wires them, against real parts: a simulated portal and OAuth server,
 * DynamoDB Local, ElasticMQ, and a loopback gateway the portal POSTs to, whose {@code POST /events} puts the body
 * into the events queue as API Gateway's SQS integration does, for the sync function to take. In tests one manual clock drives the
 * portal, the rate limiter and token expiry, and every wait moves it instead of sleeping; benchmarks run the same
 * world on real time ({@link #startRealTime}), where the portal's rate limit costs real seconds.
 */
final class AppOnSimulatedPortal implements AutoCloseable {
    /**
     * Backfills read two pages per request and make one request per run, so that a backfill of a few hundred
     * records takes several runs; checks of ids do not pause between runs.
     */
    static final SyncPace PACE = SyncPace.standard().withScans(2, Duration.ZERO, Duration.ZERO);

    /** Where the shared clock starts. */
    static final Instant START = Instant.parse("2026-11-23T09:00:00Z");

    /** The manual clock of a test; a real-time world has none. */
    final ManualClock clock;
    /** What everything in this world tells the time by. */
    final InstantSource time;
    final PortalSimulator simulator;
    final SimulatedPortal portal;
    final DynamoDbClient dynamo;
    /** A table of its own, so the scheduler's list of active portals holds only this test's portal. */
    final String table = "functions-" + UUID.randomUUID();
    /** The stores and services, wired as production wires them. */
    final AppServices services;
    final InstallationStore portals;
    final SettingsStore settings;
    final RecordStore recordStore;
    final SyncStores stores;
    final LocalQueue queue = LocalQueue.create();
    final LambdaGateway gateway = new LambdaGateway();
    final InstallHandler installHandler;
    /** What the sync handler takes the events queue with: it counts the messages it dropped. */
    final EventInbox inbox;
    final SyncHandler syncHandler;
    final SchedulerHandler schedulerHandler;
    final SentReminders sentReminders;
    final ReminderService reminders;
    /** REST clients with the installing admin's stored tokens, as the functions use them. */
    final RestClients clients;
    /** The rate limiter every client of this world shares, as the clients of one sync function do. */
    final RateLimits limits;
    private final HttpClient http = HttpClient.newHttpClient();

    private AppOnSimulatedPortal(Dataset dataset, SimulatorOptions options, int maxLimitRetries,
                                 DynamoDbClient dynamo) {
        this(PortalSeed.of(dataset), options, maxLimitRetries, Duration.ofSeconds(20), dynamo,
                new ManualClock(START), PACE);
    }

    /** @param manual the clock of the world, or null for real time */
    private AppOnSimulatedPortal(PortalSeed seed, SimulatorOptions options, int maxLimitRetries,
                                 Duration requestTimeout, DynamoDbClient dynamo, ManualClock manual, SyncPace pace) {
        this.dynamo = dynamo;
        this.clock = manual;
        this.time = manual != null ? manual : InstantSource.system();
        Sleeper sleeper = manual != null ? new RecordingSleeper(manual) : Sleeper.SYSTEM;
        TableDefinition.createIfMissing(dynamo, table);
        simulator = PortalSimulator.start(options.withClock(time));
        portal = simulator.createPortal(seed);
        limits = new RateLimits(time, sleeper, RateLimits.BURST, RateLimits.PER_SECOND);
        services = AppServices.on(dynamo, table)
                .clock(time.withZone(ZoneOffset.UTC))
                .sleeper(sleeper)
                .pace(pace)
                .changes(manual != null ? queue.changeQueue(manual) : queue.changeQueue())
                .oauth(new OAuthServer(HttpClient.newHttpClient(),
                        new AppCredentials(portal.seed().clientId(), portal.seed().clientSecret()),
                        List.of(simulator.oauthServerUrl())))
                .addresses(new AppAddresses(eventsUrl(), appUrl(), robotUrl(), gateway.url("/bi-connector")))
                .restClients(client -> client.clock(time).sleeper(sleeper).rateLimits(limits)
                        .backoff(new Backoff(Duration.ofMillis(500), Duration.ofSeconds(30), new SplittableRandom(7)))
                        .maxLimitRetries(maxLimitRetries).requestTimeout(requestTimeout))
                .build();
        portals = services.portals();
        settings = services.settings();
        recordStore = services.recordStore();
        stores = services.syncStores();
        clients = services.clients();
        installHandler = new InstallHandler(services.installations());
        gateway.route("/install", installHandler);
        gateway.route("/events", new SqsSendMessageIntegration(queue.sqs, queue.eventsUrl));
        gateway.route("/health", new HealthHandler());
        gateway.route("/robot", new RobotHandler(services.robot()));
        gateway.route("/bi-connector", new BiConnectorHandler(services.biConnector()));
        inbox = services.inbox();
        syncHandler = new SyncHandler(services.sync(), inbox, queue.eventsArn);
        sentReminders = services.sentReminders();
        reminders = services.reminders();
        // No ad platform is configured here: the import passes over every portal and finds nothing to do.
        AdPlatforms noPlatforms = new AdPlatforms(new TokenSealer(LocalDataKeys.fromBase64(
                java.util.Base64.getEncoder().encodeToString(new byte[32]))), null, null);
        schedulerHandler = new SchedulerHandler(services.portalFacts(),
                AdServices.on(dynamo, table, services, noPlatforms).importer(), services.reconciliation(), reminders,
                services.alerts());
    }

    static AppOnSimulatedPortal start(Dataset dataset) {
        return new AppOnSimulatedPortal(dataset, SimulatorOptions.defaults(), 6, LocalDynamo.client());
    }

    /** The sync working at another pace than the tests' usual one. */
    static AppOnSimulatedPortal start(Dataset dataset, SyncPace pace) {
        return new AppOnSimulatedPortal(PortalSeed.of(dataset), SimulatorOptions.defaults(), 6,
                Duration.ofSeconds(20), LocalDynamo.client(), new ManualClock(START), pace);
    }

    /** The app on another DynamoDB: a server that a test stops and restarts, or one with faults in front. */
    static AppOnSimulatedPortal start(Dataset dataset, DynamoDbClient dynamo) {
        return new AppOnSimulatedPortal(dataset, SimulatorOptions.defaults(), 6, dynamo);
    }

    /** A portal in {@code zone}, whose REST calls give up after {@code requestTimeout} (for hanging portals). */
    static AppOnSimulatedPortal start(Dataset dataset, ZoneId zone, Duration requestTimeout) {
        return new AppOnSimulatedPortal(PortalSeed.of(dataset).withTimeZone(zone), SimulatorOptions.defaults(), 6,
                requestTimeout, LocalDynamo.client(), new ManualClock(START), PACE);
    }

    /**
     * For benchmarks: the world on real time (the portal's leaky bucket drains in real seconds and waits sleep) and
     * the pace the sync function runs with.
     */
    static AppOnSimulatedPortal startRealTime(Dataset dataset, SimulatorOptions options) {
        return new AppOnSimulatedPortal(PortalSeed.of(dataset), options, 6, Duration.ofSeconds(20),
                LocalDynamo.client(), null, SyncPace.standard());
    }

    static AppOnSimulatedPortal start(Dataset dataset, SimulatorOptions options, int maxLimitRetries) {
        return new AppOnSimulatedPortal(dataset, options, maxLimitRetries, LocalDynamo.client());
    }

    String memberId() {
        return portal.memberId();
    }

    URI eventsUrl() {
        return gateway.url("/events");
    }

    URI appUrl() {
        return gateway.url("/app");
    }

    URI robotUrl() {
        return gateway.url("/robot");
    }

    HttpResponse<String> install() {
        return portal.installApp(gateway.url("/install"), appUrl());
    }

    /** Install page, ONAPPINSTALL, then the backfill worked off the queue. */
    LocalQueue.Deliveries installAndBackfill() {
        HttpResponse<String> page = install();
        if (page.statusCode() != 200) {
            throw new AssertionError("install answered " + page.statusCode() + ": " + page.body());
        }
        portal.deliverInstallEvent(eventsUrl());
        return sync();
    }

    /** A second portal of the same app, installed through the same gateway into the same table, backfilled. */
    SimulatedPortal installAnotherPortal(Dataset dataset) {
        return installAnotherPortal(dataset, PortalSeed.of(dataset).timeZone());
    }

    /** As {@link #installAnotherPortal(Dataset)}, for a portal in {@code zone}. */
    SimulatedPortal installAnotherPortal(Dataset dataset, ZoneId zone) {
        SimulatedPortal other = simulator.createPortal(PortalSeed.of(dataset).withTimeZone(zone)
                .withClient(portal.seed().clientId(), portal.seed().clientSecret()));
        HttpResponse<String> page = other.installApp(gateway.url("/install"), appUrl());
        if (page.statusCode() != 200) {
            throw new AssertionError("install answered " + page.statusCode() + ": " + page.body());
        }
        other.deliverInstallEvent(eventsUrl());
        sync();
        return other;
    }

    LocalQueue.Deliveries sync() {
        return queue.deliverTo(syncHandler, 200);
    }

    HttpResponse<String> post(String path, String formBody) {
        HttpRequest request = HttpRequest.newBuilder(gateway.url(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(formBody)).build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * POSTs an event body to the events URL as a portal would, has the sync take it, and tells whether the sync
     * dropped it as no genuine event (the gateway answers 200 either way).
     */
    boolean eventDropped(String formBody) {
        long before = inbox.dropped();
        HttpResponse<String> answer = post("/events", formBody);
        if (answer.statusCode() != 200) {
            throw new AssertionError("the gateway answered " + answer.statusCode() + ": " + answer.body());
        }
        sync();
        return inbox.dropped() == before + 1;
    }

    /** Changes leads 1..count in the portal a minute later and delivers an update event for each. */
    Instant editEveryLead(int count) {
        clock.advance(Duration.ofMinutes(1));
        Instant at = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        LongStream.rangeClosed(1, count).forEach(id -> portal.updateLead(id, Map.of("OPPORTUNITY", "777.00")));
        LongStream.rangeClosed(1, count).forEach(id -> portal.deliverEvent("ONCRMLEADUPDATE", id, false));
        return at;
    }

    /** An {@code application/x-www-form-urlencoded} body, fields in the given order, as a portal sends it. */
    static String formBody(Map<String, String> form) {
        return form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    /** Every item in both of a portal's partitions, as text: equal before and after means nothing changed. */
    String itemsOf(String memberId) {
        StringBuilder items = new StringBuilder();
        for (String partition : List.of(Keys.partition(memberId), Keys.monthlyPartition(memberId))) {
            items.append(dynamo.query(q -> q.tableName(table).consistentRead(true)
                    .keyConditionExpression("PK = :pk")
                    .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(partition)))).items());
        }
        return items.toString();
    }

    List<LeadRecord> liveLeads() {
        return recordStore.records().leads(memberId()).stream().filter(lead -> !lead.deleted()).toList();
    }

    long storedDeals() {
        return recordStore.records().deals(memberId()).stream().filter(deal -> !deal.deleted()).count();
    }

    /** Every stored monthly and cohort counter of a portal, the cohort counters merged into their cells. */
    Map<AggregateKey, Counters> storedAggregates(String member) {
        AggregateReader reader = services.aggregates();
        Map<AggregateKey, Counters> cells = new TreeMap<>(reader.load(member, YearMonth.of(2000, 1),
                YearMonth.of(2100, 12)).counters());
        reader.cohorts(member, YearMonth.of(2000, 1), YearMonth.of(2100, 12))
                .forEach((cell, cohort) -> cells.merge(cell, cohort, Counters::plus));
        cells.values().removeIf(Counters::isZero);
        return cells;
    }

    /** What the portal's stored records add up to, computed from scratch. */
    Map<AggregateKey, Counters> recomputedAggregates(String member) {
        Map<AggregateKey, Counters> cells = new TreeMap<>(
                recordStore.recompute(member, settings.load(member)).cells());
        cells.values().removeIf(Counters::isZero);
        return cells;
    }

    /** The LEADS counters of every stored monthly aggregate, added up. */
    long aggregateLeads() {
        return services.aggregates()
                .load(memberId(), YearMonth.of(2015, 1), YearMonth.of(2030, 12))
                .counters().values().stream().mapToLong(counters -> counters.count(Measure.LEADS)).sum();
    }

    @Override
    public void close() {
        gateway.close();
        simulator.close();
        dynamo.deleteTable(b -> b.tableName(table));
    }
}
