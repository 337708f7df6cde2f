package ru.unitecon.simulator;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Every REST call a portal received, in order. */
public final class CallLog {
    private final List<RecordedCall> calls = new CopyOnWriteArrayList<>();

    void add(RecordedCall call) {
        calls.add(call);
    }

    public List<RecordedCall> all() {
        return List.copyOf(calls);
    }

    /** HTTP requests that reached the REST endpoint (a batch counts once). */
    public long count() {
        return calls.stream().filter(call -> !call.insideBatch()).count();
    }

    /** Calls of one method, also inside batches; the name is compared ignoring case. */
    public long count(String method) {
        return calls.stream().filter(call -> call.method().equalsIgnoreCase(method)).count();
    }

    public void clear() {
        calls.clear();
    }
}
