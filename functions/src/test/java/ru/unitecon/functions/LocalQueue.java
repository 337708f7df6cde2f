package ru.unitecon.functions;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * ElasticMQ, an SQS-compatible server, embedded on a loopback port once per test JVM; each test gets its own
 * queue. {@link #deliverTo} plays Lambda's SQS event source: whatever is visible goes to the handler as one
 * batch, handled messages are deleted, and failed ones become visible again for the next round.
 */
final class LocalQueue {
    private static SQSRestServer server;
    private static URI endpoint;

    final SqsClient sqs;
    final String url;

    private LocalQueue(SqsClient sqs, String url) {
        this.sqs = sqs;
        this.url = url;
    }

    static LocalQueue create() {
        SqsClient sqs = SqsClient.builder().endpointOverride(endpoint()).region(Region.EU_CENTRAL_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClientBuilder(UrlConnectionHttpClient.builder()).build();
        String url = sqs.createQueue(b -> b.queueName("changes-" + UUID.randomUUID())).queueUrl();
        return new LocalQueue(sqs, url);
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

    /** Receives every visible message, keeping each invisible for a minute. */
    List<Message> receiveAll() {
        List<Message> all = new ArrayList<>();
        while (true) {
            List<Message> some = sqs.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10)
                    .waitTimeSeconds(0).visibilityTimeout(60)).messages();
            if (some.isEmpty()) {
                return all;
            }
            all.addAll(some);
        }
    }

    int size() {
        return sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNames(
                        QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                        QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE))
                .attributes().values().stream().mapToInt(Integer::parseInt).sum();
    }

    /**
     * Hands the queue's messages to the handler until the queue is empty or {@code maxRounds} batches were
     * delivered. A handler that throws gets its whole batch back, like a crashed function.
     */
    Deliveries deliverTo(SyncHandler handler, int maxRounds) {
        int rounds = 0;
        int delivered = 0;
        int failed = 0;
        while (rounds < maxRounds) {
            List<Message> messages = receiveAll();
            if (messages.isEmpty()) {
                break;
            }
            rounds++;
            delivered += messages.size();
            SQSEvent event = new SQSEvent();
            event.setRecords(messages.stream().map(LocalQueue::record).toList());
            Set<String> failedIds;
            try {
                failedIds = handler.handleRequest(event, null).getBatchItemFailures().stream()
                        .map(SQSBatchResponse.BatchItemFailure::getItemIdentifier).collect(Collectors.toSet());
            } catch (RuntimeException crashed) {
                // A function that fails returns its whole batch to the queue, as Lambda's event source does.
                failedIds = messages.stream().map(Message::messageId).collect(Collectors.toSet());
            }
            failed += failedIds.size();
            for (Message message : messages) {
                if (failedIds.contains(message.messageId())) {
                    sqs.changeMessageVisibility(b -> b.queueUrl(url).receiptHandle(message.receiptHandle())
                            .visibilityTimeout(0));
                } else {
                    sqs.deleteMessage(b -> b.queueUrl(url).receiptHandle(message.receiptHandle()));
                }
            }
        }
        return new Deliveries(rounds, delivered, failed);
    }

    record Deliveries(int rounds, int messages, int failures) {
    }

    private static SQSEvent.SQSMessage record(Message message) {
        SQSEvent.SQSMessage record = new SQSEvent.SQSMessage();
        record.setMessageId(message.messageId());
        record.setReceiptHandle(message.receiptHandle());
        record.setBody(message.body());
        record.setEventSource("aws:sqs");
        return record;
    }
}
