package ru.unitecon.local;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import ru.unitecon.functions.SyncHandler;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The local run's stand-in for Lambda's SQS event source: it gathers what the queue holds into one batch, beyond
 * the ten messages one receive returns, as the event source mapping does with template.yaml's batch size and
 * batching window, and gives back only the messages the handler reports as failed.
 */
class SqsEventSourceTest {
    private final LocalQueueServer server = LocalQueueServer.start(0);
    private final SqsClient sqs = server.newClient();
    private final List<List<String>> batches = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        sqs.close();
        server.close();
    }

    private void send(int count, String prefix) {
        for (int from = 0; from < count; from += 10) {
            List<String> bodies = IntStream.range(from, Math.min(from + 10, count)).mapToObj(i -> prefix + i).toList();
            sqs.sendMessageBatch(b -> b.queueUrl(server.queueUrl()).entries(bodies.stream()
                    .map(body -> SendMessageBatchRequestEntry.builder()
                            .id(body).messageBody(body).build()).toList()));
        }
    }

    /** Records each batch's bodies; fails the messages whose body starts with "bad". */
    private RequestHandler<SQSEvent, SQSBatchResponse> recording() {
        return (event, context) -> {
            batches.add(event.getRecords().stream().map(SQSEvent.SQSMessage::getBody).toList());
            return SQSBatchResponse.builder().withBatchItemFailures(event.getRecords().stream()
                    .filter(record -> record.getBody().startsWith("bad"))
                    .map(record -> SQSBatchResponse.BatchItemFailure.builder()
                            .withItemIdentifier(record.getMessageId()).build()).toList()).build();
        };
    }

    private void awaitPending(int expected) throws InterruptedException {
        long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (server.pending(server.queueUrl()) != expected && System.nanoTime() < until) {
            Thread.sleep(50);
        }
    }

    @Test
    void whatTheQueueHoldsGoesToTheHandlerAsOneBatchBeyondTenMessages() throws Exception {
        send(35, "change-");

        try (SqsEventSource source = new SqsEventSource(sqs, server.queueUrl(), recording())) {
            awaitPending(0);
        }

        assertEquals(1, batches.size(), batches.toString());
        assertEquals(35, batches.getFirst().size());
        assertTrue(35 <= SyncHandler.BATCH_SIZE);
    }

    @Test
    void onlyTheMessagesTheHandlerReportsAsFailedStayInTheQueue() throws Exception {
        send(12, "change-");
        send(2, "bad-");

        try (SqsEventSource source = new SqsEventSource(sqs, server.queueUrl(), recording())) {
            awaitPending(2);
        }

        List<String> handled = new ArrayList<>();
        batches.forEach(handled::addAll);
        assertEquals(14, handled.size());
        assertEquals(2, server.pending(server.queueUrl()), "the two failed messages wait to come back");
    }
}
