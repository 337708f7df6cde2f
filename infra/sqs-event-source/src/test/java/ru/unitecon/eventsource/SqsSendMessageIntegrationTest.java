package ru.unitecon.eventsource;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
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
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * API Gateway's SQS-SendMessage integration as the local gateway plays it: the portal's answer is SQS's, and the
 * body is the queue's message; a body the queue refuses gets 500 and leaves the queue as it was.
 */
class SqsSendMessageIntegrationTest {
    private final SQSRestServer server = SQSRestServerBuilder.withInterface("127.0.0.1").withPort(0).start();
    private final SqsClient sqs = SqsClient.builder()
            .endpointOverride(URI.create("http://127.0.0.1:" + server.waitUntilStarted().localAddress().getPort()))
            .region(Region.EU_CENTRAL_1)
            .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
            .httpClientBuilder(UrlConnectionHttpClient.builder()).build();
    private final String queueUrl = sqs.createQueue(b -> b.queueName("events")).queueUrl();
    private final SqsSendMessageIntegration integration = new SqsSendMessageIntegration(sqs, queueUrl);

    @AfterEach
    void stop() {
        sqs.close();
        server.stopAndWait();
    }

    private static APIGatewayV2HTTPEvent post(String body) {
        return APIGatewayV2HTTPEvent.builder().withRawPath("/events").withBody(body).build();
    }

    @Test
    void theBodyBecomesOneMessageAndTheAnswerIsSqssWithItsId() {
        APIGatewayV2HTTPResponse answer = integration.handleRequest(post("event=ONCRMLEADUPDATE&ts=1"), null);

        List<Message> queued = SqsEventSource.receive(sqs, queueUrl, 0);
        assertEquals(200, answer.getStatusCode());
        assertEquals(1, queued.size());
        assertEquals("event=ONCRMLEADUPDATE&ts=1", queued.getFirst().body());
        assertTrue(answer.getBody().startsWith("{\"SendMessageResponse\":"), answer.getBody());
        assertTrue(answer.getBody().contains("\"MessageId\":\"" + queued.getFirst().messageId() + "\""));
    }

    @Test
    void aBodyOverTheQueuesMessageSizeOrAnEmptyOneGets500AndNothingIsQueued() {
        String tooLarge = "event=ONCRMLEADUPDATE&pad=" + "x".repeat(SqsSendMessageIntegration.MAX_MESSAGE_BYTES);

        assertEquals(500, integration.handleRequest(post(tooLarge), null).getStatusCode());
        assertEquals(500, integration.handleRequest(post(""), null).getStatusCode());
        assertEquals(0, SqsEventSource.receive(sqs, queueUrl, 0).size());
    }

    @Test
    void theEventSourceNamesTheQueueEachRecordCameFrom() {
        integration.handleRequest(post("event=ONCRMLEADUPDATE&ts=1"), null);
        String arn = sqs.getQueueAttributes(b -> b.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
        List<String> sources = new ArrayList<>();

        SqsEventSource.hand(sqs, queueUrl, (SQSEvent event, com.amazonaws.services.lambda.runtime.Context context) -> {
            event.getRecords().forEach(record -> sources.add(record.getEventSourceArn()));
            return SQSBatchResponse.builder().withBatchItemFailures(List.of()).build();
        }, SqsEventSource.receive(sqs, queueUrl, 0), Duration.ZERO);

        assertEquals(List.of(arn), sources);
    }
}
