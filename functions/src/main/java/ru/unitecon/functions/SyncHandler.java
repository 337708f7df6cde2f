package ru.unitecon.functions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ru.unitecon.core.sync.ChangeMessage;
import ru.unitecon.core.sync.QueuedChange;
import ru.unitecon.core.sync.SyncService;
import ru.unitecon.core.sync.UnreadableChange;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Consumes the changes queue and reports partial batch failures, so only the changes that failed come back.
 * The event source mapping gathers messages for a short batching window, up to a large batch, so that the sync can
 * merge each portal's changed ids and fetch fifty records per REST batch call, and so that one portal's burst is
 * taken off the queue at once (and compacted) instead of queueing the other portals' changes behind it.
 */
public final class SyncHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {
    /** template.yaml's BatchSize for the changes queue (Lambda also stops at 6 MB of messages). */
    public static final int BATCH_SIZE = 10_000;
    /** template.yaml's MaximumBatchingWindowInSeconds: how long messages are gathered after the first. */
    public static final Duration BATCHING_WINDOW = Duration.ofSeconds(1);

    private static final Logger LOG = LoggerFactory.getLogger(SyncHandler.class);

    private final SyncService sync;

    public SyncHandler() {
        this(ProductionServices.fromEnvironment().sync());
    }

    public SyncHandler(SyncService sync) {
        this.sync = sync;
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        List<QueuedChange> changes = new ArrayList<>();
        for (SQSEvent.SQSMessage message : event.getRecords()) {
            try {
                changes.add(new QueuedChange(message.getMessageId(), ChangeMessage.fromJson(message.getBody())));
            } catch (UnreadableChange e) {
                LOG.warn("message {} dropped: {}", message.getMessageId(), e.getMessage());
            }
        }
        List<SQSBatchResponse.BatchItemFailure> failures = sync.process(changes).stream()
                .map(id -> SQSBatchResponse.BatchItemFailure.builder().withItemIdentifier(id).build())
                .toList();
        return SQSBatchResponse.builder().withBatchItemFailures(failures).build();
    }
}
