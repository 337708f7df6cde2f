package ru.unitecon.core.queue;

import ru.unitecon.core.sync.ChangeMessage;
import ru.unitecon.core.sync.ChangeQueue;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The changes queue on SQS: a standard queue (with a dead-letter queue), sent to ten messages per request.
 * Not FIFO: FIFO limits a Lambda batch to ten messages, and the sync fetches up to fifty records per REST call;
 * one worker per portal comes from the sync function's limited concurrency instead (see {@code SyncService}).
 */
public final class SqsChangeQueue implements ChangeQueue {
    public static final String QUEUE_URL_VARIABLE = "CHANGES_QUEUE_URL";
    static final int SQS_BATCH_LIMIT = 10;

    private final SqsClient sqs;
    private final String queueUrl;

    public SqsChangeQueue(SqsClient sqs, String queueUrl) {
        this.sqs = Objects.requireNonNull(sqs, "sqs");
        this.queueUrl = Objects.requireNonNull(queueUrl, "queueUrl");
    }

    @Override
    public void send(List<ChangeMessage> messages) {
        send(messages, Duration.ZERO);
    }

    /** SQS holds each message back for the delay, in whole seconds (rounded up, at most 15 minutes). */
    @Override
    public void send(List<ChangeMessage> messages, Duration delay) {
        int seconds = (int) Math.min(MAX_DELAY.toSeconds(),
                Math.max(0, delay.toSeconds() + (delay.toNanosPart() > 0 ? 1 : 0)));
        for (int from = 0; from < messages.size(); from += SQS_BATCH_LIMIT) {
            List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
            List<ChangeMessage> chunk = messages.subList(from, Math.min(from + SQS_BATCH_LIMIT, messages.size()));
            for (int i = 0; i < chunk.size(); i++) {
                entries.add(SendMessageBatchRequestEntry.builder().id(Integer.toString(i))
                        .messageBody(chunk.get(i).toJson()).delaySeconds(seconds).build());
            }
            sendAll(entries);
        }
    }

    /** Entries SQS refused in a batch that otherwise succeeded are sent once more, then the failure is thrown. */
    private void sendAll(List<SendMessageBatchRequestEntry> entries) {
        List<SendMessageBatchRequestEntry> pending = entries;
        for (int attempt = 1; ; attempt++) {
            List<SendMessageBatchRequestEntry> sending = pending;
            SendMessageBatchResponse response = sqs.sendMessageBatch(b -> b.queueUrl(queueUrl).entries(sending));
            if (!response.hasFailed() || response.failed().isEmpty()) {
                return;
            }
            Map<String, SendMessageBatchRequestEntry> byId = sending.stream()
                    .collect(Collectors.toMap(SendMessageBatchRequestEntry::id, Function.identity()));
            pending = response.failed().stream().map(BatchResultErrorEntry::id).map(byId::get).toList();
            if (attempt == 2) {
                throw new IllegalStateException("SQS refused " + pending.size() + " messages: "
                        + response.failed().getFirst().code());
            }
        }
    }
}
