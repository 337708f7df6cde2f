package ru.unitecon.functions;

import ru.unitecon.simulator.DatasetGenerator;
import ru.unitecon.simulator.SimulatedPortal;
import ru.unitecon.simulator.SimulatorOptions;
import ru.unitecon.testsupport.Percentiles;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Ten portals share the sync function in real time: one bursts lead changes (a mass edit of 10 000 leads, one event
 * each, posted as fast as the portal sends them) while the nine others change a single lead now and then. Each
 * change goes the whole way (portal event → the gateway's SQS integration → the events queue in ElasticMQ → its
 * event source with the batching window → sync → DynamoDB Local) under the simulated portals' real-time rate limits. Prints the burst's REST calls and
 * the time until all of it was stored, and the quiet portals' freshness: from the change on the portal to its amount
 * in the store, which the dashboards read. Prints Markdown.
 *
 * <p>Arguments: {@code [burst leads] [quiet portals] [changes per quiet portal]}, default {@code 10000 9 10}.
 */
public final class SyncFairnessBenchmark {
    private SyncFairnessBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int burst = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int quietPortals = args.length > 1 ? Integer.parseInt(args[1]) : 9;
        int changesEach = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        try (AppOnSimulatedPortal app = AppOnSimulatedPortal.startRealTime(DatasetGenerator.generate(200, burst),
                SimulatorOptions.defaults())) {
            app.installAndBackfill();
            List<SimulatedPortal> quiet = new ArrayList<>();
            for (int i = 1; i <= quietPortals; i++) {
                quiet.add(app.installAnotherPortal(DatasetGenerator.generate(200 + i, 50)));
            }
            // The install and backfill used the portals' buckets: let them fill up again (50 at 2 a second).
            Thread.sleep(25_000);
            app.portal.calls().clear();
            quiet.forEach(portal -> portal.calls().clear());

            long start = System.nanoTime();
            double burstStored;
            try (LocalQueue.Sources source = app.queue.startEventSources(app.syncHandler);
                 FreshnessWatch watch = new FreshnessWatch(app.recordStore, Duration.ofMillis(100));
                 ExecutorService portalPosts = Executors.newFixedThreadPool(16)) {
                Future<?> burstPosted = portalPosts.submit(() -> {
                    for (long id = 1; id <= burst; id++) {
                        long lead = id;
                        app.portal.updateLead(lead, Map.of("OPPORTUNITY", "777.00"));
                        portalPosts.submit(() -> app.portal.deliverEvent("ONCRMLEADUPDATE", lead, false));
                    }
                });
                // The quiet portals take turns: one change a second, each on a lead of its own.
                for (int round = 0; round < changesEach; round++) {
                    for (SimulatedPortal portal : quiet) {
                        long lead = round + 1L;
                        BigDecimal amount = BigDecimal.valueOf(10_000 + round);
                        watch.expect(portal.memberId(), lead, amount);
                        portal.updateLead(lead, Map.of("OPPORTUNITY", amount.toPlainString()));
                        portal.deliverEvent("ONCRMLEADUPDATE", lead, false);
                        watch.queued(portal.memberId(), lead);
                        Thread.sleep(1_000L * 9 / quietPortals);
                    }
                }
                burstPosted.get();
                burstStored = awaitBurst(app, burst, Duration.ofMinutes(20), start);
                watch.awaitAll(Duration.ofMinutes(1));
                double[] fresh = watch.freshness();
                double[] fromQueue = watch.freshnessFromTheQueue();
                long burstCalls = app.portal.calls().count();
                long quietCalls = quiet.stream().mapToLong(portal -> portal.calls().count()).sum();
                long refused = app.portal.calls().all().stream().filter(call -> call.httpStatus() == 503).count();
                System.out.println("| burst | its REST calls (503) | per lead | all stored after | quiet changes "
                        + "| their REST calls | freshness p50 | p95 | max | of which after queued: p50 | p95 "
                        + "| sync batches (failed messages) |");
                System.out.println("|---|---|---|---|---|---|---|---|---|---|---|---|");
                System.out.printf("| %d | %d (%d) | %.4f | %.1f s | %d of %d | %d | %.2f s | %.2f s | %.2f s "
                                + "| %.2f s | %.2f s | %d (%d) |%n",
                        burst, burstCalls, refused, burstCalls / (double) burst, burstStored, fresh.length,
                        quietPortals * changesEach, quietCalls, Percentiles.of(fresh, 50), Percentiles.of(fresh, 95),
                        Arrays.stream(fresh).max().orElse(0), Percentiles.of(fromQueue, 50),
                        Percentiles.of(fromQueue, 95), source.batches(), source.failures());
                System.err.println("sync batches (messages in handler time): " + source.handled());
            }
        }
        System.exit(0);
    }

    /** @return seconds from {@code start} until every lead of the burst is stored with its new amount */
    private static double awaitBurst(AppOnSimulatedPortal app, int burst, Duration limit, long start)
            throws InterruptedException {
        long until = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < until) {
            long stored = app.liveLeads().stream()
                    .filter(lead -> lead.amount().value().compareTo(new BigDecimal("777")) == 0).count();
            if (stored == burst) {
                return (System.nanoTime() - start) / 1e9;
            }
            Thread.sleep(2_000);
        }
        throw new IllegalStateException("the burst was not stored within " + limit);
    }
}
