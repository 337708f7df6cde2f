package ru.unitecon.functions;

import ru.unitecon.simulator.DatasetGenerator;
import ru.unitecon.simulator.SimulatorOptions;
import ru.unitecon.testsupport.Percentiles;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.locks.LockSupport;

/**
 * A trickle of changes through the whole data path in real time: leads changed one after another, each twice in
 * a row (a manager's save moves it to another channel, then an automation rule sets its amount), so two events per
 * lead at a steady rate, as a mass edit or an automation produces them. The portal POSTs each event to the events
 * handler behind the loopback gateway, which queues it in ElasticMQ; the sync handler takes the queue as Lambda's
 * event source does, with the batching window, under the simulated portal's real-time rate limit. Prints the REST
 * calls the trickle cost and the lead → dashboard freshness (from the second change on the portal to its amount in
 * the store) as Markdown.
 *
 * <p>Arguments: {@code [leads] [events per second]}, default {@code 200 60}.
 */
public final class SyncTrickleBenchmark {
    private SyncTrickleBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int leads = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        double perSecond = args.length > 1 ? Double.parseDouble(args[1]) : 60;
        try (AppOnSimulatedPortal app = AppOnSimulatedPortal.startRealTime(DatasetGenerator.generate(31, leads),
                SimulatorOptions.defaults())) {
            app.installAndBackfill();
            Thread.sleep(25_000);
            app.portal.calls().clear();
            long start = System.nanoTime();
            long gap = (long) (1e9 / perSecond);
            // The portal POSTs its events concurrently; a slow answer does not hold up the next event.
            try (LocalQueue.Sources source = app.queue.startEventSources(app.syncHandler);
                 FreshnessWatch watch = new FreshnessWatch(app.recordStore, Duration.ofMillis(100));
                 ExecutorService portalPosts = Executors.newFixedThreadPool(8)) {
                long next = System.nanoTime();
                for (long id = 1; id <= leads; id++) {
                    long lead = id;
                    app.portal.updateLead(lead, Map.of("UTM_SOURCE", "telegram"));
                    portalPosts.submit(() -> app.portal.deliverEvent("ONCRMLEADUPDATE", lead, false));
                    next = pace(next, gap);
                    BigDecimal amount = BigDecimal.valueOf(10_000 + lead);
                    watch.expect(app.memberId(), lead, amount);
                    app.portal.updateLead(lead, Map.of("OPPORTUNITY", amount.toPlainString()));
                    portalPosts.submit(() -> app.portal.deliverEvent("ONCRMLEADUPDATE", lead, false));
                    next = pace(next, gap);
                }
                double sent = (System.nanoTime() - start) / 1e9;
                boolean all = watch.awaitAll(Duration.ofMinutes(2));
                Thread.sleep(5_000);
                double[] fresh = watch.freshness();
                long calls = app.portal.calls().count();
                System.out.println("| leads | events | sent in | REST calls | per changed lead | sync batches "
                        + "(failed messages) | stored | freshness p50 | p95 | max |");
                System.out.println("|---|---|---|---|---|---|---|---|---|---|");
                System.out.printf("| %d | %d | %.1f s | %d | %.3f | %d (%d) | %s | %.2f s | %.2f s | %.2f s |%n",
                        leads, 2 * leads, sent, calls, calls / (double) leads, source.batches(), source.failures(),
                        all ? "all" : (leads - watch.missing()) + " of " + leads, Percentiles.of(fresh, 50),
                        Percentiles.of(fresh, 95), Arrays.stream(fresh).max().orElse(0));
                System.out.println("sync batches (messages in handler time): " + source.handled());
            }
        }
        System.exit(0);
    }

    /** Waits for the next slot of a steady rate; returns the slot after it. */
    private static long pace(long slot, long gap) {
        long wait = slot + gap - System.nanoTime();
        if (wait > 0) {
            LockSupport.parkNanos(wait);
        }
        return slot + gap;
    }
}
