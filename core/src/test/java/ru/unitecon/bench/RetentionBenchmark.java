package ru.unitecon.bench;

import ru.unitecon.core.attribution.ChannelRule;
import ru.unitecon.core.attribution.ChannelRules;
import ru.unitecon.core.attribution.LeadSource;
import ru.unitecon.core.attribution.MatchKind;
import ru.unitecon.core.attribution.SourceField;
import ru.unitecon.core.bookkeeping.AggregateKey;
import ru.unitecon.core.bookkeeping.Bookkeeping;
import ru.unitecon.core.bookkeeping.Contribution;
import ru.unitecon.core.bookkeeping.Counters;
import ru.unitecon.core.bookkeeping.DealRecord;
import ru.unitecon.core.bookkeeping.LeadRecord;
import ru.unitecon.core.crm.DealSnapshot;
import ru.unitecon.core.crm.LeadSnapshot;
import ru.unitecon.core.crm.Semantic;
import ru.unitecon.core.metrics.Period;
import ru.unitecon.core.metrics.ResponseSpeed;
import ru.unitecon.core.metrics.RetentionEngine;
import ru.unitecon.core.portal.PortalSettings;
import ru.unitecon.core.store.AggregateReader;
import ru.unitecon.core.store.RecordsRecount;
import ru.unitecon.testsupport.LocalDynamo;
import ru.unitecon.testsupport.Percentiles;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * The retention view's query for one portal (24 months × 20 channels × 8 masters) as it grows to each size: the
 * cohort items of every month up to the last, the {@link RetentionEngine}, and what the view shows of a quarter (by
 * channel, by master, master × channel, the months' chart), and its response section (the quarter's monthly
 * aggregates, by channel and by hour). Leads are summed with the bookkeeping's own
 * {@link Bookkeeping#recompute} and written with {@link RecordsRecount#setCounters}, as DashboardBenchmark's
 * synthetic mode does (a million leads through the apply path would take hours); a client is a contact with one to
 * four leads, each won by a random master. Prints a Markdown row per size; figures in docs/benchmarks.md.
 */
public final class RetentionBenchmark {
    private static final int CHANNELS = 20;
    private static final int MASTERS = 8;
    private static final int MONTHS = 24;
    private static final int WARMUP = 30;
    private static final int SAMPLES = 300;
    private static final int BATCH = 10_000;
    private static final YearMonth LAST_MONTH = YearMonth.of(2026, 10);
    private static final ZoneId ZONE = ZoneId.of("Europe/Moscow");

    private final Random random = new Random(18);
    private final String member = LocalDynamo.freshMemberId();
    private final PortalSettings settings = PortalSettings.defaults().withChannelRules(twentyChannels());
    private final AggregateReader reader = LocalDynamo.app().aggregates();
    private final RecordsRecount rebuild = LocalDynamo.app().rebuild();
    private final Bookkeeping bookkeeping = new Bookkeeping(settings);
    private final Contribution total = new Contribution();
    private long leads;
    private long deals;
    private long contacts;

    public static void main(String[] args) {
        int[] sizes = args.length == 0 ? new int[] {100_000, 1_000_000}
                : Arrays.stream(args).mapToInt(Integer::parseInt).toArray();
        new RetentionBenchmark().run(sizes);
    }

    private void run(int[] sizes) {
        System.out.println("| leads | won deals | cohort items read | retention view median ms | p99 ms "
                + "| of which load, median ms |");
        System.out.println("|---|---|---|---|---|---|");
        for (int size : sizes) {
            grow(size);
            int[] items = new int[1];
            double[] timings = new double[SAMPLES];
            double[] loads = new double[SAMPLES];
            Period quarter = Period.endingWith(LAST_MONTH, 3);
            for (int i = -WARMUP; i < SAMPLES; i++) {
                long start = System.nanoTime();
                Map<AggregateKey, Counters> cohorts = reader.cohortsUpTo(member, LAST_MONTH);
                long loaded = System.nanoTime();
                RetentionEngine engine = new RetentionEngine(settings, cohorts);
                engine.byChannel(quarter);
                engine.byMaster(quarter);
                engine.byMasterAndChannel(quarter);
                engine.trend(quarter, Optional.empty(), Optional.empty());
                ResponseSpeed speed = new ResponseSpeed(reader.load(member, quarter.from(), quarter.to()).counters());
                speed.byChannel(quarter);
                speed.total(quarter);
                speed.byHour(quarter, Optional.empty());
                if (i >= 0) {
                    timings[i] = (System.nanoTime() - start) / 1e6;
                    loads[i] = (loaded - start) / 1e6;
                }
                items[0] = cohorts.size();
            }
            System.out.printf("| %,d | %,d | %d | %.1f | %.1f | %.1f |%n", size, deals, items[0],
                    Percentiles.of(timings, 50), Percentiles.of(timings, 99), Percentiles.of(loads, 50));
        }
    }

    /** Adds clients until the portal has {@code size} leads, then writes the counters the bookkeeping sums. */
    private void grow(int size) {
        List<LeadRecord> leadBatch = new ArrayList<>();
        List<DealRecord> dealBatch = new ArrayList<>();
        while (leads < size) {
            long contact = ++contacts;
            int visits = 1 + random.nextInt(4);
            LocalDate day = LAST_MONTH.minusMonths(random.nextInt(MONTHS)).atDay(1 + random.nextInt(28));
            LeadSource source = LeadSource.ofUtm("src" + random.nextInt(CHANNELS), "cpc", "c");
            for (int v = 0; v < visits && leads < size; v++) {
                long id = ++leads;
                Instant created = day.atTime(10, 0).atZone(ZONE).toInstant();
                leadBatch.add(LeadRecord.from(new LeadSnapshot(id, created, created, source, Semantic.SUCCESS,
                        contact, BigDecimal.ZERO, 1L, null), null, settings));
                if (random.nextInt(4) != 0) {
                    dealBatch.add(DealRecord.from(new DealSnapshot(id, created, created.plusSeconds(60), source,
                            Semantic.SUCCESS, contact, id, BigDecimal.valueOf(800 + random.nextInt(4000)), day,
                            1L + random.nextInt(MASTERS), null), null, settings));
                    deals++;
                }
                day = day.plusDays(7 + random.nextInt(120));
            }
            // A client's records stay in one batch, so that batches can be summed apart.
            if (leadBatch.size() >= BATCH || leads >= size) {
                total.add(bookkeeping.recompute(leadBatch, dealBatch));
                leadBatch.clear();
                dealBatch.clear();
            }
        }
        rebuild.setCounters(member, total);
    }

    private static ChannelRules twentyChannels() {
        List<ChannelRule> rules = new ArrayList<>();
        for (int c = 0; c < CHANNELS; c++) {
            rules.add(new ChannelRule(SourceField.UTM_SOURCE, MatchKind.EQUALS, "src" + c, "ch" + c));
        }
        return new ChannelRules(rules);
    }
}
