package ru.unitecon.local;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ru.unitecon.functions.SyncHandler;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Plays Lambda's SQS event source mapping on one thread: long-polls the queue and, once a message is there, gathers
 * messages for the batching window (or up to the batch size), both as template.yaml sets them
 * ({@link SyncHandler#BATCHING_WINDOW}, {@link SyncHandler#BATCH_SIZE}); hands them to the handler as one
 * {@link SQSEvent}, deletes what the handler did not report as failed and leaves the failures to come back after
 * their visibility timeout, as Lambda does with {@code ReportBatchItemFailures}. One worker, like the sync
 * function's reserved concurrency of one.
 */
final class SqsEventSource implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SqsEventSource.class);
    private static final int RECEIVE_LIMIT = 10;
    /** A failed message comes back after this long, not at once, so a refusing portal is not hammered. */
    private static final int RETRY_AFTER_SECONDS = 10;

    private final SqsClient sqs;
    private final String queueUrl;
    private final RequestHandler<SQSEvent, SQSBatchResponse> handler;
    private final Thread worker;
    private volatile boolean running = true;

    SqsEventSource(SqsClient sqs, String queueUrl, RequestHandler<SQSEvent, SQSBatchResponse> handler) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
        this.handler = handler;
        this.worker = Thread.ofPlatform().name("sqs-event-source").daemon().start(this::run);
    }

    private void run() {
        while (running) {
            try {
                List<Message> batch = receiveBatch();
                if (!batch.isEmpty()) {
                    deliver(batch);
                }
            } catch (RuntimeException e) {
                if (running) {
                    LOG.warn("sync batch failed, its messages come back after their visibility timeout: {}",
                            e.toString());
                }
            }
        }
    }

    /** Waits up to a second for a first message, then gathers for the batching window, up to a full batch. */
    private List<Message> receiveBatch() {
        List<Message> batch = new ArrayList<>(receive(1));
        if (batch.isEmpty()) {
            return batch;
        }
        long until = System.nanoTime() + SyncHandler.BATCHING_WINDOW.toNanos();
        while (running && batch.size() < SyncHandler.BATCH_SIZE && System.nanoTime() < until) {
            List<Message> some = receive(0);
            batch.addAll(some);
            if (some.size() < RECEIVE_LIMIT) {
                pause();
            }
        }
        return batch;
    }

    private List<Message> receive(int waitSeconds) {
        return sqs.receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(RECEIVE_LIMIT)
                .waitTimeSeconds(waitSeconds)).messages();
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

    private void deliver(List<Message> batch) {
        SQSEvent event = new SQSEvent();
        event.setRecords(batch.stream().map(SqsEventSource::record).toList());
        SQSBatchResponse response = handler.handleRequest(event, null);
        Set<String> failed = response.getBatchItemFailures().stream()
                .map(SQSBatchResponse.BatchItemFailure::getItemIdentifier).collect(Collectors.toSet());
        List<Message> done = batch.stream().filter(message -> !failed.contains(message.messageId())).toList();
        for (int from = 0; from < done.size(); from += RECEIVE_LIMIT) {
            List<DeleteMessageBatchRequestEntry> entries = new ArrayList<>();
            List<Message> chunk = done.subList(from, Math.min(from + RECEIVE_LIMIT, done.size()));
            for (int i = 0; i < chunk.size(); i++) {
                entries.add(DeleteMessageBatchRequestEntry.builder().id(Integer.toString(i))
                        .receiptHandle(chunk.get(i).receiptHandle()).build());
            }
            sqs.deleteMessageBatch(b -> b.queueUrl(queueUrl).entries(entries));
        }
        batch.stream().filter(message -> failed.contains(message.messageId()))
                .forEach(message -> sqs.changeMessageVisibility(b -> b.queueUrl(queueUrl)
                        .receiptHandle(message.receiptHandle()).visibilityTimeout(RETRY_AFTER_SECONDS)));
    }

    private static SQSEvent.SQSMessage record(Message message) {
        SQSEvent.SQSMessage record = new SQSEvent.SQSMessage();
        record.setMessageId(message.messageId());
        record.setReceiptHandle(message.receiptHandle());
        record.setBody(message.body());
        record.setEventSource("aws:sqs");
        return record;
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        worker.join();
    }
}
