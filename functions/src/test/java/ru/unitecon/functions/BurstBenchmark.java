package ru.unitecon.functions;

import ru.unitecon.simulator.DatasetGenerator;
import ru.unitecon.simulator.SimulatedPortal;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;

/**
 * Bursts of lead changes through the whole data path (portal events → the gateway's SQS integration → events
 * queue → sync function → DynamoDB Local) under the simulated portal's rate limit: 10 000 changes on one portal, then 1 000 on each of ten
 * portals at once. Prints REST calls per changed lead, the time to store everything, what was lost, and when each
 * portal's last change was stored (a starved portal would finish far behind the others). Prints Markdown.
 *
 * <p>Arguments: {@code [leads on the single portal] [portals] [leads per portal]}, default {@code 10000 10 1000}.
 */
public final class BurstBenchmark {
    private BurstBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int single = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int portals = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        int perPortal = args.length > 2 ? Integer.parseInt(args[2]) : 1_000;
        System.out.println("| burst | changed leads | REST calls | per changed lead | messages (failed) | lost | "
                + "all stored after | each portal's last change stored after |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        burst(1, single);
        burst(portals, perPortal);
        // The simulator's and the queue's threads would keep the JVM alive.
        System.exit(0);
    }

    private static void burst(int portalCount, int leadsEach) throws Exception {
        try (AppOnSimulatedPortal app = AppOnSimulatedPortal.start(DatasetGenerator.generate(100, leadsEach))) {
            app.installAndBackfill();
            List<SimulatedPortal> portals = new ArrayList<>(List.of(app.portal));
            for (int i = 1; i < portalCount; i++) {
                portals.add(app.installAnotherPortal(DatasetGenerator.generate(100 + i, leadsEach)));
            }
            app.clock.advance(Duration.ofMinutes(1));
            Instant editedAt = app.clock.instant().truncatedTo(ChronoUnit.SECONDS);
            for (SimulatedPortal portal : portals) {
                LongStream.rangeClosed(1, leadsEach).forEach(id -> portal.updateLead(id, Map.of("OPPORTUNITY", "777.00")));
            }
            // Interleaved, as events of several portals arrive at the same queue.
            for (long id = 1; id <= leadsEach; id++) {
                for (SimulatedPortal portal : portals) {
                    portal.deliverEvent("ONCRMLEADUPDATE", id, false);
                }
            }
            portals.forEach(portal -> portal.calls().clear());

            Map<String, Double> storedAfter = new ConcurrentHashMap<>();
            long start = System.nanoTime();
            ScheduledExecutorService watcher = Executors.newSingleThreadScheduledExecutor();
            watcher.scheduleWithFixedDelay(() -> portals.forEach(portal -> {
                if (!storedAfter.containsKey(portal.memberId())
                        && stored(app, portal, editedAt) == leadsEach) {
                    storedAfter.put(portal.memberId(), (System.nanoTime() - start) / 1e9);
                }
            }), 0, 250, TimeUnit.MILLISECONDS);
            LocalQueue.Deliveries deliveries = app.sync();
            double seconds = (System.nanoTime() - start) / 1e9;
            watcher.shutdown();
            watcher.awaitTermination(1, TimeUnit.MINUTES);

            long calls = portals.stream().mapToLong(portal -> portal.calls().count()).sum();
            long changed = (long) portalCount * leadsEach;
            long lost = portals.stream().mapToLong(portal -> leadsEach - stored(app, portal, editedAt)).sum();
            Map<String, String> each = new LinkedHashMap<>();
            portals.forEach(portal -> each.put(portal.memberId().substring(0, 6),
                    String.format("%.1f s", storedAfter.getOrDefault(portal.memberId(), seconds))));
            System.out.printf("| %d × %d | %d | %d | %.4f | %d (%d) | %d | %.1f s | %s |%n", portalCount, leadsEach,
                    changed, calls, calls / (double) changed, deliveries.messages(), deliveries.failures(), lost,
                    seconds, portalCount == 1 ? "—" : String.join(", ", each.values()));
        }
    }

    private static long stored(AppOnSimulatedPortal app, SimulatedPortal portal, Instant editedAt) {
        return app.recordStore.records().leads(portal.memberId()).stream()
                .filter(lead -> !lead.deleted() && lead.modified().equals(editedAt)).count();
    }
}
