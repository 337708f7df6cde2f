package ru.unitecon.eventsource;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * Plays Lambda's SQS event source mapping for the local run and the tests: hands a batch of messages to the handler
 * as one {@link SQSEvent}, deletes what the handler did not report as failed and lets the failures come back after
 * {@link Batching#retryAfter}, as Lambda does with {@code ReportBatchItemFailures}; a handler that throws gives its
 * whole batch back, like a crashed function. {@link #start} runs it in real time on one thread (one worker, like
 * the sync function's reserved concurrency of one): it long-polls the queue and, once a message is there, gathers
 * messages for the batching window or up to the batch size, both as template.yaml sets them. {@link #hand} hands
 * over one batch a caller received itself (a test's round-by-round delivery).
 */
public final class SqsEventSource implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SqsEventSource.class);
    /** The most one receive (and one delete batch) takes. */
    private static final int RECEIVE_LIMIT = 10;
    /** How long a received message stays hidden while its batch is worked on. */
    private static final int VISIBILITY_SECONDS = 60;
    /** Each queue's ARN by its URL: asked once per queue, not once per batch. */
    private static final Map<String, String> ARNS = new ConcurrentHashMap<>();

    /**
     * @param window     how long messages are gathered after the first one
     * @param size       the most messages a batch holds
     * @param retryAfter how long a failed message stays hidden before it comes back
     */
    public record Batching(Duration window, int size, Duration retryAfter) {
        public Batching {
            Objects.requireNonNull(window, "window");
            Objects.requireNonNull(retryAfter, "retryAfter");
            if (size < 1) {
                throw new IllegalArgumentException("a batch holds at least one message");
            }
        }
    }

    private final SqsClient sqs;
    private final String queueUrl;
    private final RequestHandler<SQSEvent, SQSBatchResponse> handler;
    private final Batching batching;
    private final Thread worker;
    private final AtomicInteger batches = new AtomicInteger();
    private final AtomicInteger failures = new AtomicInteger();
    private final List<String> handled = new ArrayList<>();
    private volatile boolean running = true;

    private SqsEventSource(SqsClient sqs, String queueUrl, RequestHandler<SQSEvent, SQSBatchResponse> handler,
                           Batching batching) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
        this.handler = handler;
        this.batching = batching;
        this.worker = Thread.ofPlatform().name("sqs-event-source").daemon().start(this::run);
    }

    /** Starts delivering the queue's messages to the handler in real time, until closed. */
    public static SqsEventSource start(SqsClient sqs, String queueUrl,
                                       RequestHandler<SQSEvent, SQSBatchResponse> handler, Batching batching) {
        return new SqsEventSource(Objects.requireNonNull(sqs, "sqs"), Objects.requireNonNull(queueUrl, "queueUrl"),
                Objects.requireNonNull(handler, "handler"), Objects.requireNonNull(batching, "batching"));
    }

    /**
     * The handler taking one batch at a time, as a function with a reserved concurrency of one does when two event
     * sources (two queues) feed it: give each source this same wrapper.
     */
    public static RequestHandler<SQSEvent, SQSBatchResponse> oneAtATime(
            RequestHandler<SQSEvent, SQSBatchResponse> handler) {
        Object worker = new Object();
        return (event, context) -> {
            synchronized (worker) {
                return handler.handleRequest(event, context);
            }
        };
    }

    /** Receives up to the most one receive returns, waiting up to {@code waitSeconds} for the first. */
    public static List<Message> receive(SqsClient sqs, String queueUrl, int waitSeconds) {
        return sqs.receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(RECEIVE_LIMIT)
                .waitTimeSeconds(waitSeconds).visibilityTimeout(VISIBILITY_SECONDS)).messages();
    }

    /**
     * Hands these received messages to the handler as one batch, deletes the handled ones and hides the failed
     * ones for {@code retryAfter}.
     *
     * @return how many failed
     */
    public static int hand(SqsClient sqs, String queueUrl, RequestHandler<SQSEvent, SQSBatchResponse> handler,
                           List<Message> messages, Duration retryAfter) {
        String queueArn = queueArn(sqs, queueUrl);
        SQSEvent event = new SQSEvent();
        event.setRecords(messages.stream().map(message -> record(message, queueArn)).toList());
        Set<String> failed;
        try {
            failed = handler.handleRequest(event, null).getBatchItemFailures().stream()
                    .map(SQSBatchResponse.BatchItemFailure::getItemIdentifier).collect(Collectors.toSet());
        } catch (RuntimeException crashed) {
            LOG.warn("a batch of {} failed as a whole: {}", messages.size(), crashed.toString());
            failed = messages.stream().map(Message::messageId).collect(Collectors.toSet());
        }
        Set<String> failedIds = failed;
        List<Message> done = messages.stream().filter(message -> !failedIds.contains(message.messageId())).toList();
        for (int from = 0; from < done.size(); from += RECEIVE_LIMIT) {
            List<Message> chunk = done.subList(from, Math.min(from + RECEIVE_LIMIT, done.size()));
            sqs.deleteMessageBatch(b -> b.queueUrl(queueUrl).entries(chunk.stream().map(message ->
                    DeleteMessageBatchRequestEntry.builder().id(message.messageId())
                            .receiptHandle(message.receiptHandle()).build()).toList()));
        }
        messages.stream().filter(message -> failedIds.contains(message.messageId()))
                .forEach(message -> sqs.changeMessageVisibility(b -> b.queueUrl(queueUrl)
                        .receiptHandle(message.receiptHandle()).visibilityTimeout((int) retryAfter.toSeconds())));
        return failedIds.size();
    }

    private void run() {
        while (running) {
            try {
                List<Message> batch = receiveBatch();
                if (batch.isEmpty()) {
                    continue;
                }
                batches.incrementAndGet();
                long handed = System.nanoTime();
                failures.addAndGet(hand(sqs, queueUrl, handler, batch, batching.retryAfter()));
                synchronized (handled) {
                    handled.add(batch.size() + " in " + Math.round((System.nanoTime() - handed) / 1e6) + " ms");
                }
            } catch (RuntimeException e) {
                if (running) {
                    LOG.warn("the queue could not be read, its messages come back after their visibility timeout: {}",
                            e.toString());
                }
            }
        }
    }

    /** Waits up to a second for a first message, then gathers for the batching window, up to a full batch. */
    private List<Message> receiveBatch() {
        List<Message> batch = new ArrayList<>(receive(sqs, queueUrl, 1));
        if (batch.isEmpty()) {
            return batch;
        }
        long until = System.nanoTime() + batching.window().toNanos();
        while (running && batch.size() < batching.size() && System.nanoTime() < until) {
            List<Message> some = receive(sqs, queueUrl, 0);
            batch.addAll(some);
            if (some.size() < RECEIVE_LIMIT) {
                pause();
            }
        }
        return batch;
    }

    /** The queue had no more for now: look again shortly, within the window. */
    private void pause() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    /** The queue's ARN, which Lambda puts in each record so that a function fed by two queues tells them apart. */
    private static String queueArn(SqsClient sqs, String queueUrl) {
        return ARNS.computeIfAbsent(queueUrl, url -> sqs.getQueueAttributes(b -> b.queueUrl(url)
                .attributeNames(QueueAttributeName.QUEUE_ARN)).attributes().get(QueueAttributeName.QUEUE_ARN));
    }

    private static SQSEvent.SQSMessage record(Message message, String queueArn) {
        SQSEvent.SQSMessage record = new SQSEvent.SQSMessage();
        record.setMessageId(message.messageId());
        record.setReceiptHandle(message.receiptHandle());
        record.setBody(message.body());
        record.setEventSource("aws:sqs");
        record.setEventSourceArn(queueArn);
        return record;
    }

    /** Batches handed over so far. */
    public int batches() {
        return batches.get();
    }

    /** Messages the handler failed so far. */
    public int failures() {
        return failures.get();
    }

    /** Each batch's size and how long the handler took with it, in order. */
    public List<String> handled() {
        synchronized (handled) {
            return List.copyOf(handled);
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        worker.join();
    }
}
