package ru.unitecon.functions;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
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
 * changes queue and events queue (which API Gateway's SQS integration fills with the portal's event POSTs), each
 * redriving to a dead-letter queue after ten receives as template.yaml's do. {@link #deliverTo} plays Lambda's two
 * SQS event sources of the sync function round by round (handing each batch over as the shared
 * {@link SqsEventSource} does): whatever is visible in the events queue, else in the changes queue (up to the sync
 * function's batch size), goes to the handler as one batch, handled messages are deleted, and failed ones become
 * visible again for the next round.
 * In a world on a manual clock ({@link #changeQueue(ManualClock)}) a message sent with a delay waits for that
 * clock: it is held until the clock has passed its time, and when nothing else is left the clock is moved on to
 * it, as SQS would deliver it that much later. {@link #startEventSources} plays both event sources in real time, with
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
    /** The queue of the portals' event POSTs, as template.yaml's EventsQueue. */
    final String eventsUrl;
    final String eventsArn;
    private final String eventsDeadLetterUrl;
    private final List<Held> held = new ArrayList<>();
    private ManualClock clock;

    /** Messages sent with a delay in a manual-clock world, due at {@code due} on that clock. */
    private record Held(Instant due, List<ChangeMessage> messages) {
    }

    private LocalQueue(SqsClient sqs, String[] changes, String[] events) {
        this.sqs = sqs;
        this.url = changes[0];
        this.deadLetterUrl = changes[1];
        this.eventsUrl = events[0];
        this.eventsDeadLetterUrl = events[1];
        this.eventsArn = arn(sqs, eventsUrl);
    }

    static LocalQueue create() {
        SqsClient sqs = SqsClient.builder().endpointOverride(endpoint()).region(Region.EU_CENTRAL_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClientBuilder(UrlConnectionHttpClient.builder()).build();
        String test = UUID.randomUUID().toString();
        return new LocalQueue(sqs, withDeadLetters(sqs, "changes-" + test), withDeadLetters(sqs, "events-" + test));
    }

    /** A queue and its dead-letter queue: their URLs. */
    private static String[] withDeadLetters(SqsClient sqs, String name) {
        String deadLetters = sqs.createQueue(b -> b.queueName(name + "-dlq")).queueUrl();
        String url = sqs.createQueue(b -> b.queueName(name).attributes(Map.of(QueueAttributeName.REDRIVE_POLICY,
                "{\"deadLetterTargetArn\":\"" + arn(sqs, deadLetters) + "\",\"maxReceiveCount\":\"" + MAX_RECEIVES
                        + "\"}"))).queueUrl();
        return new String[] {url, deadLetters};
    }

    private static String arn(SqsClient sqs, String queueUrl) {
        return sqs.getQueueAttributes(b -> b.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
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
    private List<Message> receiveAll(String queue) {
        List<Message> all = new ArrayList<>();
        while (all.size() < SyncHandler.BATCH_SIZE) {
            List<Message> some = SqsEventSource.receive(sqs, queue, 0);
            if (some.isEmpty()) {
                return all;
            }
            all.addAll(some);
        }
        return all;
    }

    /** Messages waiting in both queues: visible, in flight, delayed, and held for a manual clock. */
    int size() {
        synchronized (held) {
            return count(url) + count(eventsUrl) + held.stream().mapToInt(message -> message.messages().size()).sum();
        }
    }

    /** Event POSTs waiting for the sync function. */
    int events() {
        return count(eventsUrl);
    }

    /** Messages of both queues given up after {@value #MAX_RECEIVES} receives. */
    int deadLetters() {
        return count(deadLetterUrl) + count(eventsDeadLetterUrl);
    }

    private int count(String queue) {
        return sqs.getQueueAttributes(b -> b.queueUrl(queue).attributeNames(
                        QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                        QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE,
                        QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED))
                .attributes().values().stream().mapToInt(Integer::parseInt).sum();
    }

    /**
     * Hands the queues' messages to the handler until neither has anything visible or {@code maxRounds} batches
     * were delivered: the events queue's first, each queue's messages as batches of their own, as Lambda's two
     * event sources hand them to one function. A handler that throws gets its whole batch back, like a crashed
     * function.
     */
    Deliveries deliverTo(SyncHandler handler, int maxRounds) {
        int rounds = 0;
        int delivered = 0;
        int failed = 0;
        while (rounds < maxRounds) {
            releaseDue(false);
            String queue = eventsUrl;
            List<Message> messages = receiveAll(eventsUrl);
            if (messages.isEmpty()) {
                queue = url;
                messages = receiveAll(url);
            }
            if (messages.isEmpty()) {
                if (releaseDue(true)) {
                    continue;
                }
                break;
            }
            rounds++;
            delivered += messages.size();
            failed += SqsEventSource.hand(sqs, queue, handler, messages, Duration.ZERO);
        }
        return new Deliveries(rounds, delivered, failed);
    }

    record Deliveries(int rounds, int messages, int failures) {
    }

    /**
     * Lambda's two event sources in real time, each on its own thread, as the local run plays them: once a message
     * is there, messages are gathered for the batching window (or until the batch is full) and handed over as one
     * batch; failed ones come back after ten seconds. They share one handler one batch at a time, as the sync
     * function's reserved concurrency of one has it.
     */
    Sources startEventSources(SyncHandler handler) {
        RequestHandler<SQSEvent, SQSBatchResponse> shared = SqsEventSource.oneAtATime(handler);
        SqsEventSource.Batching batching = new SqsEventSource.Batching(SyncHandler.BATCHING_WINDOW,
                SyncHandler.BATCH_SIZE, Duration.ofSeconds(10));
        return new Sources(SqsEventSource.start(sqs, eventsUrl, shared, batching),
                SqsEventSource.start(sqs, url, shared, batching));
    }

    /** The events queue's and the changes queue's event sources. */
    record Sources(SqsEventSource events, SqsEventSource changes) implements AutoCloseable {
        int batches() {
            return events.batches() + changes.batches();
        }

        int failures() {
            return events.failures() + changes.failures();
        }

        /** Each batch's size and how long the handler took with it: the events queue's, then the changes queue's. */
        List<String> handled() {
            List<String> both = new ArrayList<>(events.handled().stream().map(batch -> "events " + batch).toList());
            both.addAll(changes.handled());
            return both;
        }

        @Override
        public void close() throws InterruptedException {
            events.close();
            changes.close();
        }
    }
}
