package ru.unitecon.functions;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;

/**
 * What a Lambda runtime does on a cold start, as a process of its own: build the handler with its no-arg
 * constructor, handle one event, say so. {@link EventsBenchmark} times it from process start against a bare
 * handler on the same classpath.
 */
public final class ColdStartProbe {
    static final String BODY_VARIABLE = "BENCH_EVENT_BODY";
    /** Followed by the milliseconds spent in the handler's constructor and in its first event. */
    static final String PHASES = "phases ";

    /** The bare handler the events function is compared with. */
    public static final class HelloHandler
            implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
        @Override
        public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event,
                                                      com.amazonaws.services.lambda.runtime.Context context) {
            return APIGatewayV2HTTPResponse.builder().withStatusCode(200).withBody("hello").build();
        }
    }

    private ColdStartProbe() {
    }

    public static void main(String[] args) {
        long start = System.nanoTime();
        RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler =
                "events".equals(args[0]) ? new EventsHandler() : new HelloHandler();
        long constructed = System.nanoTime();
        APIGatewayV2HTTPEvent event = APIGatewayV2HTTPEvent.builder()
                .withBody(System.getenv(BODY_VARIABLE)).withIsBase64Encoded(false).build();
        int status = handler.handleRequest(event, null).getStatusCode();
        long handled = System.nanoTime();
        // Printed before the line the benchmark times, so the split costs it nothing it does not already count.
        System.out.println(PHASES + (constructed - start) / 1_000_000 + " " + (handled - constructed) / 1_000_000);
        System.out.println("handled " + status);
    }
}
