package ru.unitecon.bench;

import ru.unitecon.core.appointments.AppointmentState;
import ru.unitecon.core.attribution.ChannelRule;
import ru.unitecon.core.attribution.ChannelRules;
import ru.unitecon.core.attribution.LeadSource;
import ru.unitecon.core.attribution.MatchKind;
import ru.unitecon.core.attribution.SourceField;
import ru.unitecon.core.crm.AppointmentObservation;
import ru.unitecon.core.crm.DealSnapshot;
import ru.unitecon.core.crm.LeadSnapshot;
import ru.unitecon.core.crm.Semantic;
import ru.unitecon.core.bookkeeping.AggregateKey;
import ru.unitecon.core.bookkeeping.Contribution;
import ru.unitecon.core.bookkeeping.Counters;
import ru.unitecon.core.bookkeeping.DealRecord;
import ru.unitecon.core.bookkeeping.LeadRecord;
import ru.unitecon.core.bookkeeping.Bookkeeping;
import ru.unitecon.core.metrics.MetricsEngine;
import ru.unitecon.core.metrics.Period;
import ru.unitecon.core.portal.PortalSettings;
import ru.unitecon.core.store.AggregateReader;
import ru.unitecon.core.store.RecordsRecount;
import ru.unitecon.core.store.RecordStore;
import ru.unitecon.core.store.SpendStore;
import ru.unitecon.core.store.StoredAggregates;
import ru.unitecon.testsupport.LocalDynamo;
import ru.unitecon.testsupport.Percentiles;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Dashboard query time for one portal (24 months × 20 channels) after ingesting leads through the real apply path
 * into DynamoDB Local, first up to the first size, then on to the next, so the same portal grows between
 * measurements. Run it with the command in docs/benchmarks.md; it prints a Markdown table row per size.
 *
 * <p>With {@code synthetic} as first argument the leads and deals are not applied one by one (a million would take
 * hours): the same generated records are summed in memory with the bookkeeping's own {@link Bookkeeping#recompute} and the
 * resulting monthly and cohort counters are written by {@link RecordsRecount#setCounters}, the code a rebuild uses.
 */
public final class DashboardBenchmark {
    private static final int CHANNELS = 20;
    private static final int MONTHS = 24;
    private static final int WARMUP = 30;
    private static final int SAMPLES = 300;
    private static final YearMonth LAST_MONTH = YearMonth.of(2026, 10);
    private static final ZoneId ZONE = ZoneId.of("Europe/Moscow");

    private final Random random = new Random(42);
    private final String member = LocalDynamo.freshMemberId();
    private final PortalSettings settings = PortalSettings.defaults().withChannelRules(twentyChannels());
    private final RecordStore recordStore = LocalDynamo.app().recordStore();
    private final AggregateReader reader = LocalDynamo.app().aggregates();
    private final RecordsRecount rebuild = LocalDynamo.app().rebuild();
    private final Bookkeeping pureBookkeeping = new Bookkeeping(settings);
    private final Contribution syntheticTotal = new Contribution();
    private final boolean synthetic;
    private final AtomicLong nextLeadId = new AtomicLong(1);
    private int itemsRead;

    private DashboardBenchmark(boolean synthetic) {
        this.synthetic = synthetic;
    }

    public static void main(String[] args) throws Exception {
        boolean synthetic = args.length > 0 && args[0].equals("synthetic");
        String[] sizeArgs = synthetic ? Arrays.copyOfRange(args, 1, args.length) : args;
        int[] sizes = sizeArgs.length == 0 ? new int[] {10_000, 100_000}
                : Arrays.stream(sizeArgs).mapToInt(Integer::parseInt).toArray();
        new DashboardBenchmark(synthetic).run(sizes);
    }

    private void run(int[] sizes) throws Exception {
        seedSpend();
        System.out.println("| leads | deals | ingest (changes/s) | cells read | dashboard median ms | p99 ms "
                + "| of which load, median ms | cohort view median ms | p99 ms |");
        System.out.println("|---|---|---|---|---|---|---|---|---|");
        long deals = 0;
        for (int size : sizes) {
            long start = System.nanoTime();
            long added = size - (nextLeadId.get() - 1);
            deals += synthetic ? writeSynthetic(added) : ingest(added);
            double seconds = (System.nanoTime() - start) / 1e9;
            double[][] timings = measureDashboard();
            double[] cohorts = measureCohortView();
            System.out.printf("| %,d | %,d | %.0f | %d | %.1f | %.1f | %.1f | %.1f | %.1f |%n", size, deals,
                    (added + added / 4) / seconds, itemsRead, Percentiles.of(timings[0], 50),
                    Percentiles.of(timings[0], 99), Percentiles.of(timings[1], 50), Percentiles.of(cohorts, 50),
                    Percentiles.of(cohorts, 99));
        }
    }

    /** One dashboard: the 24 months of aggregates and spend, then every metric the overview and channels show. */
    /** Timings in ms: the overview, channels and trend views (whole, then loading alone). */
    private double[][] measureDashboard() {
        Period period = Period.endingWith(LAST_MONTH, 12);
        double[][] timings = new double[2][SAMPLES];
        for (int i = -WARMUP; i < SAMPLES; i++) {
            long start = System.nanoTime();
            StoredAggregates data = reader.load(member, LAST_MONTH.minusMonths(MONTHS - 1), LAST_MONTH);
            long loaded = System.nanoTime();
            MetricsEngine engine = new MetricsEngine(settings, data.counters(), data.spend(), Instant.now());
            engine.compare(period, Optional.empty());
            engine.byChannel(period);
            engine.trend(period, Optional.empty());
            long computed = System.nanoTime();
            if (i >= 0) {
                timings[0][i] = (computed - start) / 1e6;
                timings[1][i] = (loaded - start) / 1e6;
            }
            itemsRead = data.counters().size();
        }
        return timings;
    }

    /** Timings in ms of the cohort view: 12 acquisition months with their cohort counters and CAC. */
    private double[] measureCohortView() {
        Period acquired = Period.endingWith(LAST_MONTH, 12);
        double[] timings = new double[SAMPLES];
        for (int i = -WARMUP; i < SAMPLES; i++) {
            long start = System.nanoTime();
            StoredAggregates data = reader.load(member, acquired.from(), acquired.to());
            Map<AggregateKey, Counters> counters = new HashMap<>(data.counters());
            reader.cohorts(member, acquired.from(), acquired.to())
                    .forEach((cell, cohort) -> counters.merge(cell, cohort, Counters::plus));
            new MetricsEngine(settings, counters, data.spend(), Instant.now()).cohorts(acquired, Optional.empty(), LAST_MONTH);
            if (i >= 0) {
                timings[i] = (System.nanoTime() - start) / 1e6;
            }
        }
        return timings;
    }

    /** Adds leads (a quarter of them with a won deal) through two workers, as the sync function would. */
    private long ingest(long leads) throws Exception {
        AtomicLong remaining = new AtomicLong(leads);
        AtomicLong deals = new AtomicLong();
        try (ExecutorService workers = Executors.newFixedThreadPool(2)) {
            List<Future<?>> running = new ArrayList<>();
            for (int w = 0; w < 2; w++) {
                Random own = new Random(random.nextLong());
                running.add(workers.submit(() -> {
                    while (remaining.getAndDecrement() > 0) {
                        long id = nextLeadId.getAndIncrement();
                        if (addLead(own, id)) {
                            deals.incrementAndGet();
                        }
                    }
                }));
            }
            for (Future<?> worker : running) {
                worker.get();
            }
        }
        return deals.get();
    }

    /**
     * Generates leads as {@link #addLead} does, adds what they and their clients contribute to the running total, and
     * sets the stored counters to that total. Every lead is its own client, so batches can be recomputed apart.
     */
    private long writeSynthetic(long leads) {
        long deals = 0;
        List<LeadRecord> leadBatch = new ArrayList<>();
        List<DealRecord> dealBatch = new ArrayList<>();
        for (long n = 0; n < leads; n++) {
            long id = nextLeadId.getAndIncrement();
            LeadSnapshot lead = leadSnapshot(random, id);
            leadBatch.add(LeadRecord.from(lead, null, settings));
            wonDeal(random, lead).ifPresent(deal -> dealBatch.add(DealRecord.from(deal, null, settings)));
            if (leadBatch.size() == 10_000 || n == leads - 1) {
                syntheticTotal.add(pureBookkeeping.recompute(leadBatch, dealBatch));
                deals += dealBatch.size();
                leadBatch.clear();
                dealBatch.clear();
            }
        }
        rebuild.setCounters(member, syntheticTotal);
        return deals;
    }

    private boolean addLead(Random own, long id) {
        LeadSnapshot lead = leadSnapshot(own, id);
        recordStore.apply(member, settings, lead);
        Optional<DealSnapshot> deal = wonDeal(own, lead);
        deal.ifPresent(won -> recordStore.apply(member, settings, won));
        return deal.isPresent();
    }

    private static LeadSnapshot leadSnapshot(Random own, long id) {
        YearMonth month = LAST_MONTH.minusMonths(own.nextInt(MONTHS));
        Instant created = month.atDay(1 + own.nextInt(28)).atTime(9 + own.nextInt(10), 0).atZone(ZONE).toInstant();
        LeadSource source = LeadSource.ofUtm("src" + own.nextInt(CHANNELS), "cpc", "campaign" + own.nextInt(5));
        long contact = id;
        AppointmentObservation visit = own.nextInt(3) == 0 ? null : new AppointmentObservation(
                created.plus(Duration.ofDays(1 + own.nextInt(5))),
                AppointmentState.values()[own.nextInt(AppointmentState.values().length)]);
        return new LeadSnapshot(id, created, created.plusSeconds(60), source, Semantic.SUCCESS, contact,
                BigDecimal.ZERO, 1L, visit);
    }

    /** A won deal for a quarter of the leads. */
    private static Optional<DealSnapshot> wonDeal(Random own, LeadSnapshot lead) {
        if (own.nextInt(4) != 0) {
            return Optional.empty();
        }
        Instant won = lead.created().plus(Duration.ofDays(own.nextInt(10)));
        return Optional.of(new DealSnapshot(lead.id(), lead.created(), won.plusSeconds(60), lead.source(),
                Semantic.SUCCESS, lead.contactId(), lead.id(), BigDecimal.valueOf(800 + own.nextInt(4000)), LocalDate.ofInstant(won, ZONE), 1L,
                null));
    }

    private void seedSpend() {
        SpendStore spend = LocalDynamo.app().spend();
        for (int m = 0; m < MONTHS; m++) {
            Map<String, BigDecimal> amounts = new HashMap<>();
            for (int c = 0; c < CHANNELS; c++) {
                amounts.put("ch" + c, BigDecimal.valueOf(5_000 + random.nextInt(50_000)));
            }
            spend.replaceMonths(member, Map.of(LAST_MONTH.minusMonths(m), amounts));
        }
    }

    private static ChannelRules twentyChannels() {
        List<ChannelRule> rules = new ArrayList<>();
        for (int c = 0; c < CHANNELS; c++) {
            rules.add(new ChannelRule(SourceField.UTM_SOURCE, MatchKind.EQUALS, "src" + c, "ch" + c));
        }
        return new ChannelRules(rules);
    }
}
