package ru.unitecon.eventsource;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.SendMessageResponse;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Plays API Gateway's first-class {@code SQS-SendMessage} integration (template.yaml's EventsIntegration) for a
 * route of the local gateway and the tests' gateway: no function runs; the request body ({@code $request.body},
 * exactly as the gateway holds it, base64 included) becomes one message of the queue, and the caller gets SQS's
 * answer as JSON with 200. A body the queue refuses (empty, or over the queue's 64 KiB MaximumMessageSize) or a
 * queue that cannot be reached gives API Gateway's 500, and nothing is queued.
 */
public final class SqsSendMessageIntegration implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    /** template.yaml's MaximumMessageSize of the events queue. */
    public static final int MAX_MESSAGE_BYTES = 64 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(SqsSendMessageIntegration.class);
    private static final Map<String, String> JSON = Map.of("Content-Type", "application/json");

    private final SqsClient sqs;
    private final String queueUrl;

    public SqsSendMessageIntegration(SqsClient sqs, String queueUrl) {
        this.sqs = Objects.requireNonNull(sqs, "sqs");
        this.queueUrl = Objects.requireNonNull(queueUrl, "queueUrl");
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        String body = event.getBody();
        if (body == null || body.isEmpty() || body.getBytes(StandardCharsets.UTF_8).length > MAX_MESSAGE_BYTES) {
            return internalServerError();
        }
        SendMessageResponse sent;
        try {
            sent = sqs.sendMessage(b -> b.queueUrl(queueUrl).messageBody(body));
        } catch (SdkException e) {
            LOG.warn("the queue refused a message: {}", e.getClass().getSimpleName());
            return internalServerError();
        }
        String answer = "{\"SendMessageResponse\":{\"ResponseMetadata\":{\"RequestId\":\"" + UUID.randomUUID()
                + "\"},\"SendMessageResult\":{\"MD5OfMessageAttributes\":null,\"MD5OfMessageBody\":\""
                + sent.md5OfMessageBody() + "\",\"MD5OfMessageSystemAttributes\":null,\"MessageId\":\""
                + sent.messageId() + "\",\"SequenceNumber\":null}}}";
        return APIGatewayV2HTTPResponse.builder().withStatusCode(200).withHeaders(JSON).withBody(answer).build();
    }

    private static APIGatewayV2HTTPResponse internalServerError() {
        return APIGatewayV2HTTPResponse.builder().withStatusCode(500).withHeaders(JSON)
                .withBody("{\"message\":\"Internal Server Error\"}").build();
    }
}
