package ru.unitecon.testsupport;

import ru.unitecon.core.bitrix.RecordingSleeper;
import ru.unitecon.core.bitrix.crm.CrmEntity;
import ru.unitecon.core.bitrix.inbound.PlacementRequest;
import ru.unitecon.core.bitrix.oauth.AppCredentials;
import ru.unitecon.core.bitrix.oauth.OAuthServer;
import ru.unitecon.core.bitrix.rest.Backoff;
import ru.unitecon.core.bitrix.rest.RateLimits;
import ru.unitecon.core.install.AppAddresses;
import ru.unitecon.core.bookkeeping.AggregateKey;
import ru.unitecon.core.bookkeeping.Counters;
import ru.unitecon.core.bookkeeping.LeadRecord;
import ru.unitecon.core.bookkeeping.Measure;
import ru.unitecon.core.store.TableDefinition;
import ru.unitecon.core.sync.ChangeMessage;
import ru.unitecon.core.sync.SyncPace;
import ru.unitecon.core.wiring.AppServices;
import ru.unitecon.simulator.Dataset;
import ru.unitecon.simulator.FramePost;
import ru.unitecon.simulator.ManualClock;
import ru.unitecon.simulator.PortalSeed;
import ru.unitecon.simulator.PortalSimulator;
import ru.unitecon.simulator.SimulatedPortal;
import ru.unitecon.simulator.SimulatorOptions;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.LongStream;

/**
 * Core's test world: the app's services as {@link AppServices} wires them, on a simulated portal and OAuth server,
 * DynamoDB Local and an {@link InMemoryChangeQueue}, with no Lambda, HTTP gateway or SQS in between. One manual
 * clock drives the portal, the rate limiter, token expiry and the queue's delays, and every wait moves it instead
 * of sleeping. The change the sync function takes from a portal's event, a test queues itself
 * ({@link #changed}, {@link #deleted}); {@link #sync()} then works the queue off as the sync function does.
 */
public final class ServicesOnSimulatedPortal implements AutoCloseable {
    /**
     * Backfills read two pages per request and make one request per run, so that a backfill of a few hundred
     * records takes several runs; checks of ids do not pause between runs.
     */
    private static final SyncPace PACE = SyncPace.standard().withScans(2, Duration.ZERO, Duration.ZERO);
    private static final Instant START = Instant.parse("2026-11-23T09:00:00Z");
    /** Months before and after any record of a test's dataset. */
    private static final YearMonth FIRST_MONTH = YearMonth.of(2000, 1);
    private static final YearMonth LAST_MONTH = YearMonth.of(2100, 12);
    /** Where the portal is told to send its events; this world queues them itself. */
    private static final URI EVENTS = URI.create("https://app.example/events");
    private static final URI APP = URI.create("https://app.example/app");
    private static final URI ROBOT = URI.create("https://app.example/robot");

    public final ManualClock clock = new ManualClock(START);
    private final RecordingSleeper sleeper = new RecordingSleeper(clock);
    public final PortalSimulator simulator;
    public final SimulatedPortal portal;
    /** A table of its own, so that the list of active portals holds only this world's portal. */
    public final String table = "services-" + UUID.randomUUID();
    public final InMemoryChangeQueue queue = new InMemoryChangeQueue(clock);
    /** The rate limiter every REST client of this world shares, as the clients of one sync function do. */
    private final RateLimits limits = new RateLimits(clock, sleeper, RateLimits.BURST,
            RateLimits.PER_SECOND);
    public final AppServices services;
    /** The connector endpoints the portal's BI Builder calls, on loopback: the install registers them. */
    public final BiConnectorEndpoint biConnector = new BiConnectorEndpoint();

    private ServicesOnSimulatedPortal(Dataset dataset, SimulatorOptions options, int maxLimitRetries) {
        TableDefinition.createIfMissing(LocalDynamo.client(), table);
        simulator = PortalSimulator.start(options.withClock(clock));
        portal = simulator.createPortal(PortalSeed.of(dataset));
        services = AppServices.on(LocalDynamo.client(), table)
                .clock(clock.withZone(ZoneOffset.UTC))
                .sleeper(sleeper)
                .pace(PACE)
                .changes(queue)
                .oauth(new OAuthServer(HttpClient.newHttpClient(),
                        new AppCredentials(portal.seed().clientId(), portal.seed().clientSecret()),
                        List.of(simulator.oauthServerUrl())))
                .addresses(new AppAddresses(EVENTS, APP, ROBOT, biConnector.url()))
                .restClients(client -> client.clock(clock).sleeper(sleeper).rateLimits(limits)
                        .backoff(new Backoff(Duration.ofMillis(500), Duration.ofSeconds(30), new SplittableRandom(7)))
                        .maxLimitRetries(maxLimitRetries).requestTimeout(Duration.ofSeconds(20)))
                .build();
        biConnector.answerWith(services.biConnector());
    }

    public static ServicesOnSimulatedPortal start(Dataset dataset) {
        return new ServicesOnSimulatedPortal(dataset, SimulatorOptions.defaults(), 6);
    }

    /** A portal with other limits, and REST clients that retry a refusal at most {@code maxLimitRetries} times. */
    public static ServicesOnSimulatedPortal start(Dataset dataset, SimulatorOptions options, int maxLimitRetries) {
        return new ServicesOnSimulatedPortal(dataset, options, maxLimitRetries);
    }

    public String memberId() {
        return portal.memberId();
    }

    /** The portal's administrator opens the app's install page; the installation service takes it. */
    public void install() {
        FramePost frame = portal.framePost("DEFAULT", URI.create("https://app.example/install"), "ru",
                portal.seed().dataset().adminUserId(), Map.of());
        services.installations().install(PlacementRequest.parse(frame.url().getRawQuery(), frame.body()));
    }

    /** The install, then the backfill it queued worked off. */
    public InMemoryChangeQueue.Deliveries installAndBackfill() {
        install();
        return sync();
    }

    /** Works the queue off as the sync function does. */
    public InMemoryChangeQueue.Deliveries sync() {
        return queue.deliverTo(services.sync(), 200);
    }

    /** The change an add or update event of the record brings. */
    public void changed(CrmEntity entity, long id) {
        queue.send(List.of(ChangeMessage.upsert(memberId(), entity, id, clock.instant())));
    }

    /** The change a delete event of the record brings. */
    public void deleted(CrmEntity entity, long id) {
        queue.send(List.of(ChangeMessage.delete(memberId(), entity, id, clock.instant())));
    }

    /** Changes leads 1..count in the portal a minute later and queues an update for each, as their events would. */
    public Instant editEveryLead(int count) {
        clock.advance(Duration.ofMinutes(1));
        Instant at = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        LongStream.rangeClosed(1, count).forEach(id -> portal.updateLead(id, Map.of("OPPORTUNITY", "777.00")));
        LongStream.rangeClosed(1, count).forEach(id -> changed(CrmEntity.LEAD, id));
        return at;
    }

    public List<LeadRecord> liveLeads() {
        return services.recordStore().records().leads(memberId()).stream().filter(lead -> !lead.deleted()).toList();
    }

    public long storedDeals() {
        return services.recordStore().records().deals(memberId()).stream().filter(deal -> !deal.deleted()).count();
    }

    /** The LEADS counters of every stored monthly aggregate, added up. */
    public long aggregateLeads() {
        return services.aggregates().load(memberId(), FIRST_MONTH, LAST_MONTH).counters().values().stream()
                .mapToLong(counters -> counters.count(Measure.LEADS)).sum();
    }

    /** Every stored monthly and cohort counter of the portal, the cohort counters merged into their cells. */
    public Map<AggregateKey, Counters> storedAggregates() {
        Map<AggregateKey, Counters> cells = new TreeMap<>(services.aggregates()
                .load(memberId(), FIRST_MONTH, LAST_MONTH).counters());
        services.aggregates().cohorts(memberId(), FIRST_MONTH, LAST_MONTH).forEach((cell, cohort) ->
                cells.merge(cell, cohort, Counters::plus));
        cells.values().removeIf(Counters::isZero);
        return cells;
    }

    /** What the portal's stored records add up to, computed from scratch. */
    public Map<AggregateKey, Counters> recomputedAggregates() {
        Map<AggregateKey, Counters> cells = new TreeMap<>(services.recordStore()
                .recompute(memberId(), services.settings().load(memberId())).cells());
        cells.values().removeIf(Counters::isZero);
        return cells;
    }

    /** Closes the world after asserting that every call the app made matched Bitrix24's method table. */
    @Override
    public void close() {
        try {
            if (!portal.violations().isEmpty()) {
                throw new AssertionError("calls Bitrix24 would refuse: " + portal.violations());
            }
        } finally {
            simulator.close();
            biConnector.close();
            LocalDynamo.client().deleteTable(b -> b.tableName(table));
        }
    }
}
