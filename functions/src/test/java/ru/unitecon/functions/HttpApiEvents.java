package ru.unitecon.functions;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;

import java.util.Map;

/** Requests as API Gateway's HTTP API hands them to a function. */
final class HttpApiEvents {
    private HttpApiEvents() {
    }

    /** A request with its headers' names lower-cased, as the HTTP API passes them on. */
    static APIGatewayV2HTTPEvent request(String method, String path, String query, Map<String, String> headers,
                                         String body) {
        return APIGatewayV2HTTPEvent.builder().withRawPath(path).withRawQueryString(query).withHeaders(headers)
                .withBody(body).withIsBase64Encoded(false)
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod(method)
                                .withPath(path).build()).build())
                .build();
    }
}
