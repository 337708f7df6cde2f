package ru.unitecon.functions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ru.unitecon.core.bitrix.BitrixException;
import ru.unitecon.core.intake.EventInbox;
import ru.unitecon.core.sync.ChangeMessage;
import ru.unitecon.core.sync.QueuedChange;
import ru.unitecon.core.sync.SyncService;
import ru.unitecon.core.sync.UnreadableChange;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Consumes two queues and reports partial batch failures, so only the messages that failed come back. The events
 * queue holds the portals' event POSTs exactly as API Gateway queued them (no function answers the portal): each
 * is checked and parsed here ({@link EventInbox}), forged and malformed ones are dropped, and the changes of
 * genuine ones are fetched in this same run, so an event waits for one queue hop only. The changes queue holds
 * what the app queues itself (backfills, checks, recounts, the rest of a burst). Lambda names each record's queue
 * in {@code eventSourceARN}. The event source mappings gather messages for a short batching window, up to a large
 * batch, so that the sync can merge each portal's changed ids and fetch fifty records per REST batch call, and so
 * that one portal's burst is taken off the queue at once (and compacted) instead of queueing the other portals'
 * changes behind it.
 */
public final class SyncHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {
    /** template.yaml's BatchSize for both queues (Lambda also stops at 6 MB of messages). */
    public static final int BATCH_SIZE = 10_000;
    /** template.yaml's MaximumBatchingWindowInSeconds: how long messages are gathered after the first. */
    public static final Duration BATCHING_WINDOW = Duration.ofSeconds(1);

    private static final Logger LOG = LoggerFactory.getLogger(SyncHandler.class);

    private final SyncService sync;
    private final EventInbox inbox;
    private final String eventsQueueArn;

    public SyncHandler() {
        this(ProductionServices.fromEnvironment());
    }

    private SyncHandler(ProductionServices services) {
        this(services.sync(), services.inbox(), services.eventsQueueArn());
    }

    /** @param eventsQueueArn the ARN of the queue API Gateway puts the portals' event POSTs into */
    public SyncHandler(SyncService sync, EventInbox inbox, String eventsQueueArn) {
        this.sync = Objects.requireNonNull(sync, "sync");
        this.inbox = Objects.requireNonNull(inbox, "inbox");
        this.eventsQueueArn = Objects.requireNonNull(eventsQueueArn, "eventsQueueArn");
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        List<QueuedChange> changes = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        for (SQSEvent.SQSMessage message : event.getRecords()) {
            if (eventsQueueArn.equals(message.getEventSourceArn())) {
                take(message, changes, failed);
            } else {
                read(message, changes);
            }
        }
        failed.addAll(sync.process(changes));
        List<SQSBatchResponse.BatchItemFailure> failures = failed.stream()
                .map(id -> SQSBatchResponse.BatchItemFailure.builder().withItemIdentifier(id).build())
                .toList();
        return SQSBatchResponse.builder().withBatchItemFailures(failures).build();
    }

    /** An event POST: its change joins this run's, in the order the events came. */
    private void take(SQSEvent.SQSMessage message, List<QueuedChange> changes, List<String> failed) {
        try {
            inbox.take(message.getMessageId(), message.getBody()).ifPresent(changes::add);
        } catch (BitrixException e) {
            LOG.warn("event message {} comes back: {}", message.getMessageId(), e.getClass().getSimpleName());
            failed.add(message.getMessageId());
        }
    }

    private static void read(SQSEvent.SQSMessage message, List<QueuedChange> changes) {
        try {
            changes.add(new QueuedChange(message.getMessageId(), ChangeMessage.fromJson(message.getBody())));
        } catch (UnreadableChange e) {
            LOG.warn("message {} dropped: {}", message.getMessageId(), e.getMessage());
        }
    }
}
