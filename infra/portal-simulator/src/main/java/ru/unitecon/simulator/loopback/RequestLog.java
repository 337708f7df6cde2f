package ru.unitecon.simulator.loopback;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Every request a simulator answered, in order, so tests can count and inspect calls. */
public final class RequestLog {
    private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();

    public void add(RecordedRequest request) {
        requests.add(request);
    }

    public List<RecordedRequest> all() {
        return List.copyOf(requests);
    }

    /** Requests to one path, e.g. {@code /json/v5/reports}. */
    public long count(String path) {
        return requests.stream().filter(request -> request.path().equals(path)).count();
    }

    /** Requests to one path that were answered with one HTTP status. */
    public long count(String path, int status) {
        return requests.stream().filter(request -> request.path().equals(path) && request.status() == status).count();
    }

    public void clear() {
        requests.clear();
    }
}
