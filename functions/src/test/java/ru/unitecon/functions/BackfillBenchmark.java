package ru.unitecon.functions;

import ru.unitecon.core.store.BackfillProgress;
import ru.unitecon.simulator.DatasetGenerator;
import ru.unitecon.simulator.SimulatorOptions;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Optional;

/**
 * The first backfill of a large portal in real time: the app is installed on a simulated portal, and the backfill
 * is worked off the queue by the event source (batching window, SyncPace.standard(): list pages chained 20 to a
 * batch request, ten seconds of backfill per run) under the simulated portal's real-time rate limit, until leads and
 * deals are both through. Prints the records, the time from the install to the last record stored, records per
 * second against the ~100 a second that 50 records per request at 2 requests a second allow, the REST calls and how
 * many of them the portal refused with 503, and whether every record was stored. Prints Markdown.
 *
 * <p>Arguments: {@code [leads] [portal burst] [portal requests per second]}, default {@code 100000 50 2}.
 */
public final class BackfillBenchmark {
    /** 50 records per request at 2 requests a second. */
    private static final double CEILING = 100;

    private BackfillBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int leads = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int burst = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        double perSecond = args.length > 2 ? Double.parseDouble(args[2]) : 2;
        SimulatorOptions options = SimulatorOptions.defaults().withRateLimit(burst, perSecond);
        try (AppOnSimulatedPortal app = AppOnSimulatedPortal.startRealTime(DatasetGenerator.generate(300, leads),
                options)) {
            long records = app.portal.leads().size() + (long) app.portal.deals().size();
            long start = System.nanoTime();
            if (app.install().statusCode() != 200) {
                throw new IllegalStateException("install failed");
            }
            app.portal.deliverInstallEvent(app.eventsUrl());
            BackfillProgress done;
            try (LocalQueue.Sources source = app.queue.startEventSources(app.syncHandler)) {
                done = awaitBackfill(app, Duration.ofMinutes(90), start);
                double seconds = (System.nanoTime() - start) / 1e9;
                long calls = app.portal.calls().count();
                long refused = app.portal.calls().all().stream()
                        .filter(call -> !call.insideBatch() && call.httpStatus() == 503).count();
                boolean all = app.liveLeads().size() == app.portal.leads().size()
                        && app.storedDeals() == app.portal.deals().size();
                System.out.println("| portal limit | records (leads + deals) | backfilled in | records/s | of the "
                        + "~100/s ceiling | REST calls (503) | sync batches (failed messages) | all stored |");
                System.out.println("|---|---|---|---|---|---|---|---|");
                System.out.printf("| %d, then %s/s | %d (%d + %d) | %.0f s | %.0f | %.0f %% | %d (%d) | %d (%d) | %s |%n",
                        burst, BigDecimal.valueOf(perSecond).stripTrailingZeros().toPlainString(), records,
                        app.portal.leads().size(), app.portal.deals().size(), seconds,
                        done.done() / seconds, 100 * done.done() / seconds / CEILING, calls, refused, source.batches(),
                        source.failures(), all ? "yes" : "NO");
            }
        }
        System.exit(0);
    }

    /** Prints the progress as the admin UI shows it every half minute; returns it once through. */
    private static BackfillProgress awaitBackfill(AppOnSimulatedPortal app, Duration limit, long start)
            throws InterruptedException {
        long until = System.nanoTime() + limit.toNanos();
        long nextReport = 0;
        while (System.nanoTime() < until) {
            Optional<BackfillProgress> progress = app.stores.backfills().load(app.memberId());
            if (progress.isPresent() && progress.get().finished()) {
                return progress.get();
            }
            if (progress.isPresent() && System.nanoTime() >= nextReport) {
                System.err.printf("%.0f s: %d of %d, time left %s%n", (System.nanoTime() - start) / 1e9,
                        progress.get().done(), progress.get().total(),
                        progress.get().timeLeft(app.time.instant()).map(Duration::toString).orElse("?"));
                nextReport = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            }
            Thread.sleep(1_000);
        }
        throw new IllegalStateException("the backfill was not through within " + limit);
    }
}
