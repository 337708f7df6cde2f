package ru.unitecon.functions;

import ru.unitecon.core.bookkeeping.LeadRecord;
import ru.unitecon.core.store.RecordStore;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * For the sync benchmarks: how long after a lead changed on the portal its new amount is in the store, which is
 * when the dashboard shows it (the record and the aggregates are written in one transaction), and optionally how
 * much of that came after the change's event was queued. The store is read every {@code every}, so that is the
 * resolution of the figures.
 */
final class FreshnessWatch implements AutoCloseable {
    private record Key(String memberId, long leadId) {
    }

    private record Expected(BigDecimal amount, long since) {
    }

    private final Map<Key, Long> queuedAt = new ConcurrentHashMap<>();
    private final List<Double> sinceQueued = new ArrayList<>();

    private final RecordStore recordStore;
    private final Map<Key, Expected> waiting = new ConcurrentHashMap<>();
    private final List<Double> seconds = new ArrayList<>();
    private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor();

    FreshnessWatch(RecordStore recordStore, Duration every) {
        this.recordStore = recordStore;
        poller.scheduleWithFixedDelay(this::poll, 0, every.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Call just before the change is made on the portal. */
    void expect(String memberId, long leadId, BigDecimal amount) {
        waiting.put(new Key(memberId, leadId), new Expected(amount, System.nanoTime()));
    }

    /** Call when the portal's event about the change has been answered, that is, queued. */
    void queued(String memberId, long leadId) {
        queuedAt.put(new Key(memberId, leadId), System.nanoTime());
    }

    private void poll() {
        Map<String, List<Key>> byPortal = waiting.keySet().stream().collect(Collectors.groupingBy(Key::memberId));
        byPortal.forEach((memberId, keys) -> {
            Map<Long, LeadRecord> leads = recordStore.records().leads(memberId).stream()
                    .collect(Collectors.toMap(LeadRecord::id, lead -> lead));
            long now = System.nanoTime();
            for (Key key : keys) {
                Expected expected = waiting.get(key);
                LeadRecord lead = leads.get(key.leadId());
                if (expected != null && lead != null && lead.amount().value().compareTo(expected.amount()) == 0) {
                    waiting.remove(key);
                    Long queued = queuedAt.remove(key);
                    synchronized (seconds) {
                        seconds.add((now - expected.since()) / 1e9);
                        if (queued != null) {
                            sinceQueued.add((now - queued) / 1e9);
                        }
                    }
                }
            }
        });
    }

    /** @return whether everything expected was seen within the limit */
    boolean awaitAll(Duration limit) throws InterruptedException {
        long until = System.nanoTime() + limit.toNanos();
        while (!waiting.isEmpty() && System.nanoTime() < until) {
            Thread.sleep(50);
        }
        return waiting.isEmpty();
    }

    int missing() {
        return waiting.size();
    }

    double[] freshness() {
        synchronized (seconds) {
            return seconds.stream().mapToDouble(Double::doubleValue).toArray();
        }
    }

    /** The part of the freshness after the change was queued: the sync's share. */
    double[] freshnessFromTheQueue() {
        synchronized (seconds) {
            return sinceQueued.stream().mapToDouble(Double::doubleValue).toArray();
        }
    }

    @Override
    public void close() throws InterruptedException {
        poller.shutdownNow();
        poller.awaitTermination(10, TimeUnit.SECONDS);
    }
}
