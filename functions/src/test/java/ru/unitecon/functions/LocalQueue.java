package ru.unitecon.functions;

import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import ru.unitecon.core.queue.SqsChangeQueue;
import ru.unitecon.core.sync.ChangeMessage;
import ru.unitecon.core.sync.ChangeQueue;
import ru.unitecon.eventsource.SqsEventSource;
import ru.unitecon.simulator.ManualClock;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * ElasticMQ, an SQS-compatible server, embedded on a loopback port once per test JVM; each test gets its own
 * queue, which redrives to a dead-letter queue after ten receives as template.yaml's does. {@link #deliverTo} plays
 * Lambda's SQS event source round by round (handing each batch over as the shared {@link SqsEventSource}
 * does): whatever is visible (up to the sync function's batch size) goes to the
 * handler as one batch, handled messages are deleted, and failed ones become visible again for the next round.
 * In a world on a manual clock ({@link #changeQueue(ManualClock)}) a message sent with a delay waits for that
 * clock: it is held until the clock has passed its time, and when nothing else is left the clock is moved on to
 * it, as SQS would deliver it that much later. {@link #startEventSource} plays the event source in real time, with
 * the batching window, for benchmarks.
 */
final class LocalQueue {
    /** template.yaml's maxReceiveCount. */
    static final int MAX_RECEIVES = 10;
    private static SQSRestServer server;
    private static URI endpoint;

    final SqsClient sqs;
    final String url;
    final String deadLetterUrl;
    private final List<Held> held = new ArrayList<>();
    private ManualClock clock;

    /** Messages sent with a delay in a manual-clock world, due at {@code due} on that clock. */
    private record Held(Instant due, List<ChangeMessage> messages) {
    }

    private LocalQueue(SqsClient sqs, String url, String deadLetterUrl) {
        this.sqs = sqs;
        this.url = url;
        this.deadLetterUrl = deadLetterUrl;
    }

    static LocalQueue create() {
        SqsClient sqs = SqsClient.builder().endpointOverride(endpoint()).region(Region.EU_CENTRAL_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClientBuilder(UrlConnectionHttpClient.builder()).build();
        String name = "changes-" + UUID.randomUUID();
        String deadLetters = sqs.createQueue(b -> b.queueName(name + "-dlq")).queueUrl();
        String deadLetterArn = sqs.getQueueAttributes(b -> b.queueUrl(deadLetters)
                .attributeNames(QueueAttributeName.QUEUE_ARN)).attributes().get(QueueAttributeName.QUEUE_ARN);
        String url = sqs.createQueue(b -> b.queueName(name).attributes(Map.of(QueueAttributeName.REDRIVE_POLICY,
                "{\"deadLetterTargetArn\":\"" + deadLetterArn + "\",\"maxReceiveCount\":\"" + MAX_RECEIVES + "\"}")))
                .queueUrl();
        return new LocalQueue(sqs, url, deadLetters);
    }

    private static synchronized URI endpoint() {
        if (server == null) {
            server = SQSRestServerBuilder.withInterface("127.0.0.1").withPort(0).start();
            endpoint = URI.create("http://127.0.0.1:" + server.waitUntilStarted().localAddress().getPort());
            Runtime.getRuntime().addShutdownHook(new Thread(server::stopAndWait));
        }
        return endpoint;
    }

    SqsChangeQueue changeQueue() {
        return new SqsChangeQueue(sqs, url);
    }

    /** The queue of a world on a manual clock, where delays pass on that clock (see the class comment). */
    ChangeQueue changeQueue(ManualClock manual) {
        this.clock = manual;
        SqsChangeQueue now = changeQueue();
        return new ChangeQueue() {
            @Override
            public void send(List<ChangeMessage> messages) {
                now.send(messages);
            }

            @Override
            public void send(List<ChangeMessage> messages, Duration delay) {
                if (delay.isPositive()) {
                    synchronized (held) {
                        held.add(new Held(manual.instant().plus(delay), List.copyOf(messages)));
                    }
                } else {
                    now.send(messages);
                }
            }
        };
    }

    /**
     * Sends the held messages that are due; when the queue has nothing else, first moves the clock on to the
     * earliest of them.
     *
     * @return whether there were any held
     */
    private boolean releaseDue(boolean queueIdle) {
        List<ChangeMessage> due = new ArrayList<>();
        synchronized (held) {
            if (held.isEmpty()) {
                return false;
            }
            if (queueIdle) {
                Instant earliest = held.stream().map(Held::due).min(Instant::compareTo).orElseThrow();
                if (earliest.isAfter(clock.instant())) {
                    clock.set(earliest);
                }
            }
            held.removeIf(message -> {
                if (message.due().isAfter(clock.instant())) {
                    return false;
                }
                due.addAll(message.messages());
                return true;
            });
        }
        changeQueue().send(due);
        return true;
    }

    /** Receives the visible messages, up to the sync function's batch size, keeping each invisible for a minute. */
    List<Message> receiveAll() {
        List<Message> all = new ArrayList<>();
        while (all.size() < SyncHandler.BATCH_SIZE) {
            List<Message> some = SqsEventSource.receive(sqs, url, 0);
            if (some.isEmpty()) {
                return all;
            }
            all.addAll(some);
        }
        return all;
    }

    /** Messages waiting: visible, in flight, delayed, and held for a manual clock. */
    int size() {
        synchronized (held) {
            return count(url) + held.stream().mapToInt(message -> message.messages().size()).sum();
        }
    }

    /** Messages given up after {@value #MAX_RECEIVES} receives. */
    int deadLetters() {
        return count(deadLetterUrl);
    }

    private int count(String queue) {
        return sqs.getQueueAttributes(b -> b.queueUrl(queue).attributeNames(
                        QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                        QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE,
                        QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED))
                .attributes().values().stream().mapToInt(Integer::parseInt).sum();
    }

    /**
     * Hands the queue's messages to the handler until the queue has nothing visible or {@code maxRounds} batches
     * were delivered. A handler that throws gets its whole batch back, like a crashed function.
     */
    Deliveries deliverTo(SyncHandler handler, int maxRounds) {
        int rounds = 0;
        int delivered = 0;
        int failed = 0;
        while (rounds < maxRounds) {
            releaseDue(false);
            List<Message> messages = receiveAll();
            if (messages.isEmpty()) {
                if (releaseDue(true)) {
                    continue;
                }
                break;
            }
            rounds++;
            delivered += messages.size();
            failed += SqsEventSource.hand(sqs, url, handler, messages, Duration.ZERO);
        }
        return new Deliveries(rounds, delivered, failed);
    }

    record Deliveries(int rounds, int messages, int failures) {
    }

    /**
     * Lambda's event source in real time, on its own thread, as the local run plays it: once a message is there,
     * messages are gathered for the batching window (or until the batch is full) and handed over as one batch;
     * failed ones come back after ten seconds.
     */
    SqsEventSource startEventSource(SyncHandler handler) {
        return SqsEventSource.start(sqs, url, handler,
                new SqsEventSource.Batching(SyncHandler.BATCHING_WINDOW, SyncHandler.BATCH_SIZE, Duration.ofSeconds(10)));
    }
}
