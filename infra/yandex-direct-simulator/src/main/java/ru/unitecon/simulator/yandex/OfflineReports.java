package ru.unitecon.simulator.yandex;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The offline report queue ("Online and offline reports"): a report is identified by the advertiser and its
 * ReportName; a new one is queued (201), polled with the same parameters until ready (202, then 200), and kept for a
 * while after. At most {@code offlineQueueLimit} reports per advertiser wait at once; the next is error 9000. A name
 * reused with other parameters while the first report is queued or kept is refused (the ReportName rule).
 */
final class OfflineReports {
    private final YandexSimulatorOptions options;
    private final Map<Key, Entry> reports = new ConcurrentHashMap<>();

    private record Key(String advertiser, String name) {
    }

    private static final class Entry {
        final JsonNode params;
        final ReportTable table;
        final Instant queuedAt;
        int polls;

        Entry(JsonNode params, ReportTable table, Instant queuedAt) {
            this.params = params;
            this.table = table;
            this.queuedAt = queuedAt;
        }
    }

    /** What the API answers to one request for an offline report. */
    record Outcome(int httpStatus, ReportTable table, long retryInSeconds, int reportsInQueue) {
    }

    OfflineReports(YandexSimulatorOptions options) {
        this.options = options;
    }

    boolean known(String advertiser, String name) {
        return reports.containsKey(new Key(advertiser, name));
    }

    synchronized Outcome request(String advertiser, ReportSpec spec, Supplier<ReportTable> build, Instant now) {
        reports.values().removeIf(entry -> !now.isBefore(entry.queuedAt.plus(options.offlineReportRetention())));
        Key key = new Key(advertiser, spec.name());
        Entry entry = reports.get(key);
        if (entry != null && !entry.params.equals(spec.params())) {
            throw DirectApiError.badRequest(DirectApiError.Code.INVALID_REQUEST_PARAMETERS,
                    "A report named " + spec.name() + " with other parameters is already queued or built");
        }
        if (entry == null) {
            if (queued(advertiser, now) >= options.offlineQueueLimit()) {
                throw DirectApiError.badRequest(DirectApiError.Code.REPORT_QUEUE_LIMIT,
                        "At most " + options.offlineQueueLimit() + " offline reports can be queued; wait for one to finish");
            }
            reports.put(key, new Entry(spec.params(), build.get(), now));
            return new Outcome(201, null, retryIn(reports.get(key), now), queued(advertiser, now));
        }
        entry.polls++;
        if (ready(entry, now)) {
            return new Outcome(200, entry.table, 0, queued(advertiser, now));
        }
        return new Outcome(202, null, retryIn(entry, now), queued(advertiser, now));
    }

    private int queued(String advertiser, Instant now) {
        return (int) reports.entrySet().stream()
                .filter(e -> e.getKey().advertiser().equals(advertiser) && !built(e.getValue(), now)).count();
    }

    /** Built on the server's time: it leaves the queue then, whether or not anyone has asked. */
    private boolean built(Entry entry, Instant now) {
        return !now.isBefore(entry.queuedAt.plus(options.offlineReadyAfter()));
    }

    private boolean ready(Entry entry, Instant now) {
        return built(entry, now) && entry.polls >= options.offlinePollsBeforeReady();
    }

    /** Whole seconds until built, rounded up; at least 1 so a client that honours it always waits. */
    private long retryIn(Entry entry, Instant now) {
        long millis = Duration.between(now, entry.queuedAt.plus(options.offlineReadyAfter())).toMillis();
        return Math.max(1, (millis + 999) / 1000);
    }
}
