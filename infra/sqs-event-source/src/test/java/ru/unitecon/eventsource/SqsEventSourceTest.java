package ru.unitecon.eventsource;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The stand-in for Lambda's SQS event source that the local run and the functions' tests share: it gathers what the
 * queue holds into one batch, beyond the ten messages one receive returns, as the event source mapping does with
 * template.yaml's batch size and batching window, and gives back only the messages the handler reports as failed.
 */
class SqsEventSourceTest {
    /** template.yaml's batching: a second's window, up to 10 000 messages. */
    private static final SqsEventSource.Batching BATCHING =
            new SqsEventSource.Batching(Duration.ofSeconds(1), 10_000, Duration.ofSeconds(10));

    private final SQSRestServer server = SQSRestServerBuilder.withInterface("127.0.0.1").withPort(0).start();
    private final SqsClient sqs = SqsClient.builder()
            .endpointOverride(URI.create("http://127.0.0.1:" + server.waitUntilStarted().localAddress().getPort()))
            .region(Region.EU_CENTRAL_1)
            .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
            .httpClientBuilder(UrlConnectionHttpClient.builder()).build();
    private final String queueUrl = sqs.createQueue(b -> b.queueName("changes")).queueUrl();
    private final List<List<String>> batches = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        sqs.close();
        server.stopAndWait();
    }

    private void send(int count, String prefix) {
        for (int from = 0; from < count; from += 10) {
            List<String> bodies = IntStream.range(from, Math.min(from + 10, count)).mapToObj(i -> prefix + i).toList();
            sqs.sendMessageBatch(b -> b.queueUrl(queueUrl).entries(bodies.stream()
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
        while (pending() != expected && System.nanoTime() < until) {
            Thread.sleep(50);
        }
    }

    /** Messages waiting or being worked on (received, not yet deleted). */
    private int pending() {
        return sqs.getQueueAttributes(b -> b.queueUrl(queueUrl).attributeNames(
                        QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                        QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE))
                .attributes().values().stream().mapToInt(Integer::parseInt).sum();
    }

    @Test
    void whatTheQueueHoldsGoesToTheHandlerAsOneBatchBeyondTenMessages() throws Exception {
        send(35, "change-");

        try (SqsEventSource source = SqsEventSource.start(sqs, queueUrl, recording(), BATCHING)) {
            awaitPending(0);
        }

        assertEquals(1, batches.size(), batches.toString());
        assertEquals(35, batches.getFirst().size());
    }

    @Test
    void onlyTheMessagesTheHandlerReportsAsFailedStayInTheQueue() throws Exception {
        send(12, "change-");
        send(2, "bad-");

        try (SqsEventSource source = SqsEventSource.start(sqs, queueUrl, recording(), BATCHING)) {
            awaitPending(2);
        }

        List<String> handled = new ArrayList<>();
        batches.forEach(handled::addAll);
        assertEquals(14, handled.size());
        assertEquals(2, pending(), "the two failed messages wait to come back");
    }
}
