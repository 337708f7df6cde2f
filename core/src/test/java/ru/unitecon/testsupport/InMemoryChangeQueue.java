package ru.unitecon.testsupport;

import ru.unitecon.core.sync.ChangeMessage;
import ru.unitecon.core.sync.ChangeQueue;
import ru.unitecon.core.sync.QueuedChange;
import ru.unitecon.core.sync.SyncService;
import ru.unitecon.simulator.ManualClock;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The changes queue of core's test world, in memory on the world's manual clock. {@link #deliverTo} plays the sync
 * function's event source round by round as SQS does it: whatever is visible (up to the sync function's batch size)
 * is one batch, the failed messages become visible again for the next round, and a message received
 * {@value #MAX_RECEIVES} times goes to the dead letters (template.yaml's redrive policy). A message sent with a
 * delay waits until the clock has passed its time; when nothing else is left the clock is moved on to it, as SQS
 * would deliver it that much later. Every message goes through its JSON form, as it does on SQS.
 */
public final class InMemoryChangeQueue implements ChangeQueue {
    /** template.yaml's maxReceiveCount. */
    public static final int MAX_RECEIVES = 10;
    /** template.yaml's BatchSize for the changes queue. */
    public static final int BATCH_SIZE = 10_000;

    private final ManualClock clock;
    private final List<Waiting> waiting = new ArrayList<>();
    private final List<ChangeMessage> deadLetters = new ArrayList<>();

    /** A message on the queue: visible from {@code due}, received {@code receives} times so far. */
    private record Waiting(String json, Instant due, int receives) {
    }

    /** What {@link #deliverTo} handed over: batches, messages (counting each redelivery) and failures. */
    public record Deliveries(int rounds, int messages, int failures) {
    }

    public InMemoryChangeQueue(ManualClock clock) {
        this.clock = clock;
    }

    @Override
    public void send(List<ChangeMessage> messages) {
        send(messages, Duration.ZERO);
    }

    @Override
    public synchronized void send(List<ChangeMessage> messages, Duration delay) {
        Instant due = clock.instant().plus(delay);
        messages.forEach(message -> waiting.add(new Waiting(message.toJson(), due, 0)));
    }

    /** Messages waiting, visible or delayed. */
    public synchronized int size() {
        return waiting.size();
    }

    public synchronized List<ChangeMessage> messages() {
        return waiting.stream().map(message -> ChangeMessage.fromJson(message.json())).toList();
    }

    /** Messages given up after {@value #MAX_RECEIVES} receives. */
    public synchronized List<ChangeMessage> deadLetters() {
        return List.copyOf(deadLetters);
    }

    /** Hands the queue's messages to the sync until none is left or {@code maxRounds} batches were delivered. */
    public Deliveries deliverTo(SyncService sync, int maxRounds) {
        int rounds = 0;
        int delivered = 0;
        int failed = 0;
        while (rounds < maxRounds) {
            List<Waiting> batch = receive();
            if (batch.isEmpty()) {
                break;
            }
            rounds++;
            delivered += batch.size();
            List<QueuedChange> changes = new ArrayList<>();
            for (Waiting message : batch) {
                changes.add(new QueuedChange(UUID.randomUUID().toString(), ChangeMessage.fromJson(message.json())));
            }
            Set<String> failures = Set.copyOf(sync.process(changes));
            failed += failures.size();
            for (int i = 0; i < batch.size(); i++) {
                if (failures.contains(changes.get(i).deliveryId())) {
                    back(batch.get(i));
                }
            }
        }
        return new Deliveries(rounds, delivered, failed);
    }

    /** The visible messages, up to a batch; when none is visible, the clock moves on to the earliest delayed one. */
    private synchronized List<Waiting> receive() {
        if (waiting.isEmpty()) {
            return List.of();
        }
        Instant earliest = waiting.stream().map(Waiting::due).min(Instant::compareTo).orElseThrow();
        if (earliest.isAfter(clock.instant())) {
            clock.set(earliest);
        }
        List<Waiting> batch = new ArrayList<>();
        List<Waiting> left = new ArrayList<>();
        for (Waiting message : waiting) {
            (batch.size() < BATCH_SIZE && !message.due().isAfter(clock.instant()) ? batch : left).add(message);
        }
        waiting.clear();
        waiting.addAll(left);
        return batch;
    }

    private synchronized void back(Waiting message) {
        if (message.receives() + 1 >= MAX_RECEIVES) {
            deadLetters.add(ChangeMessage.fromJson(message.json()));
        } else {
            waiting.add(new Waiting(message.json(), clock.instant(), message.receives() + 1));
        }
    }
}
