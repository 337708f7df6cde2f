package ru.unitecon.local;

import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

import java.net.URI;
import java.util.Map;

/**
 * ElasticMQ, an SQS-compatible server, on a loopback port with the changes queue, the events queue (which the
 * gateway's events route fills, as API Gateway's SQS integration does) and a dead-letter queue for each, set up
 * as template.yaml sets them up on AWS (a message received {@value #MAX_RECEIVES} times moves to the dead-letter
 * queue). Messages live in memory: the backfill of a restarted stack queues itself again at install.
 */
public final class LocalQueueServer implements AutoCloseable {
    public static final String QUEUE_NAME = "unit-economics-changes";
    public static final String DEAD_LETTER_QUEUE_NAME = "unit-economics-changes-dlq";
    public static final String EVENTS_QUEUE_NAME = "unit-economics-events";
    static final int MAX_RECEIVES = 10;

    private final SQSRestServer server;
    private final URI endpoint;
    private final SqsClient sqs;
    private final String queueUrl;
    private final String eventsQueueUrl;

    private LocalQueueServer(SQSRestServer server, URI endpoint) {
        this.server = server;
        this.endpoint = endpoint;
        this.sqs = newClient();
        this.queueUrl = withDeadLetters(QUEUE_NAME, DEAD_LETTER_QUEUE_NAME);
        this.eventsQueueUrl = withDeadLetters(EVENTS_QUEUE_NAME, EVENTS_QUEUE_NAME + "-dlq");
    }

    private String withDeadLetters(String name, String deadLetterName) {
        String deadLetterQueueUrl = sqs.createQueue(b -> b.queueName(deadLetterName)).queueUrl();
        return sqs.createQueue(b -> b.queueName(name).attributes(Map.of(
                QueueAttributeName.VISIBILITY_TIMEOUT, "60",
                QueueAttributeName.REDRIVE_POLICY, "{\"deadLetterTargetArn\":\"" + arn(deadLetterQueueUrl)
                        + "\",\"maxReceiveCount\":\"" + MAX_RECEIVES + "\"}"))).queueUrl();
    }

    /** A queue's ARN, as Lambda names it in each record it hands over. */
    public String arn(String url) {
        return sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
    }

    /** @param port the loopback port, or 0 for any free one */
    public static LocalQueueServer start(int port) {
        SQSRestServer server = SQSRestServerBuilder.withInterface("127.0.0.1").withPort(port).start();
        int bound = server.waitUntilStarted().localAddress().getPort();
        return new LocalQueueServer(server, URI.create("http://127.0.0.1:" + bound));
    }

    public String queueUrl() {
        return queueUrl;
    }

    public String eventsQueueUrl() {
        return eventsQueueUrl;
    }

    /** A new client for this server (ElasticMQ accepts any credentials), for a part that closes its own. */
    public SqsClient newClient() {
        return SqsClient.builder().endpointOverride(endpoint).region(Region.EU_CENTRAL_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClientBuilder(UrlConnectionHttpClient.builder()).build();
    }

    /** Messages waiting or being worked on (received, not yet deleted). */
    public int pending(String url) {
        return sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNames(
                        QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                        QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE,
                        QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED))
                .attributes().values().stream().mapToInt(Integer::parseInt).sum();
    }

    @Override
    public void close() {
        sqs.close();
        server.stopAndWait();
    }
}
