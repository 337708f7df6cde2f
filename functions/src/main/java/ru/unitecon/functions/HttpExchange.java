package ru.unitecon.functions;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import ru.unitecon.core.bitrix.inbound.MalformedRequest;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/** Reading API Gateway HTTP API requests and writing their answers: short, plain, nothing internal. */
final class HttpExchange {
    private HttpExchange() {
    }

    /**
     * The request body as text; API Gateway base64-encodes bodies it does not take for text.
     *
     * @throws MalformedRequest when a base64 body does not decode
     */
    static String body(APIGatewayV2HTTPEvent event) {
        String body = event.getBody();
        if (body == null) {
            return "";
        }
        if (event.getIsBase64Encoded()) {
            try {
                return new String(Base64.getDecoder().decode(body), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw new MalformedRequest("body is not base64");
            }
        }
        return body;
    }

    /** A request header by name; HTTP API lower-cases header names, other callers may not. */
    static String header(APIGatewayV2HTTPEvent event, String name) {
        if (event.getHeaders() == null) {
            return null;
        }
        return event.getHeaders().entrySet().stream().filter(header -> header.getKey().equalsIgnoreCase(name))
                .map(Map.Entry::getValue).findFirst().orElse(null);
    }

    static APIGatewayV2HTTPResponse csv(int status, String csv) {
        return response(status, "text/csv; charset=utf-8", csv);
    }

    static APIGatewayV2HTTPResponse text(int status, String message) {
        return response(status, "text/plain; charset=utf-8", message);
    }

    static APIGatewayV2HTTPResponse json(int status, String json) {
        return response(status, "application/json", json);
    }

    /** HTML meant for the portal's iframe: no X-Frame-Options, so the portal may frame it. */
    static APIGatewayV2HTTPResponse html(int status, String html) {
        return response(status, "text/html; charset=utf-8", html);
    }

    private static APIGatewayV2HTTPResponse response(int status, String contentType, String body) {
        return APIGatewayV2HTTPResponse.builder().withStatusCode(status)
                .withHeaders(Map.of("Content-Type", contentType, "Cache-Control", "no-store"))
                .withBody(body).build();
    }
}
