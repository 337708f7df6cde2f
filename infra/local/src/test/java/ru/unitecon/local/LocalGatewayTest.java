package ru.unitecon.local;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The local gateway hands handlers the events API Gateway's HTTP API (payload 2.0) would. */
class LocalGatewayTest {
    private final LocalGateway gateway = new LocalGateway(0);
    private final List<APIGatewayV2HTTPEvent> received = new ArrayList<>();
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void stop() {
        gateway.close();
    }

    private void routeRecording(String method, String path) {
        gateway.route(method, path, (event, context) -> {
            received.add(event);
            return APIGatewayV2HTTPResponse.builder().withStatusCode(201)
                    .withHeaders(Map.of("Content-Type", "text/plain")).withBody("done").build();
        });
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI url(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + gateway.port() + pathAndQuery);
    }

    @Test
    void aFormPostArrivesBase64EncodedWithLowerCaseHeadersAndCookiesApart() throws Exception {
        routeRecording("POST", "/events");

        HttpResponse<String> answer = send(HttpRequest.newBuilder(url("/events?a=1&a=2"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", "x=1; y=2")
                .POST(HttpRequest.BodyPublishers.ofString("event=ONCRMLEADADD")));

        assertEquals(201, answer.statusCode());
        assertEquals("done", answer.body());
        APIGatewayV2HTTPEvent event = received.getFirst();
        assertEquals("2.0", event.getVersion());
        assertEquals("POST /events", event.getRouteKey());
        assertEquals("a=1&a=2", event.getRawQueryString());
        assertEquals(Map.of("a", "1,2"), event.getQueryStringParameters());
        assertTrue(event.getIsBase64Encoded());
        assertEquals("event=ONCRMLEADADD",
                new String(Base64.getDecoder().decode(event.getBody()), StandardCharsets.UTF_8));
        assertEquals("application/x-www-form-urlencoded", event.getHeaders().get("content-type"));
        assertFalse(event.getHeaders().containsKey("cookie"));
        assertEquals(List.of("x=1", "y=2"), event.getCookies());
        assertEquals("POST", event.getRequestContext().getHttp().getMethod());
        assertEquals("$default", event.getRequestContext().getStage());
    }

    @Test
    void aJsonBodyArrivesAsText() throws Exception {
        routeRecording("POST", "/spend");

        send(HttpRequest.newBuilder(url("/spend")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"month\":\"2026-11\"}")));

        assertFalse(received.getFirst().getIsBase64Encoded());
        assertEquals("{\"month\":\"2026-11\"}", received.getFirst().getBody());
    }

    @Test
    void aGreedyRouteTakesEverythingBelowItAsTheProxyParameter() throws Exception {
        routeRecording("GET", "/bi/{proxy+}");

        send(HttpRequest.newBuilder(url("/bi/monthly/2026-11.csv")).GET());

        assertEquals("GET /bi/{proxy+}", received.getFirst().getRouteKey());
        assertEquals(Map.of("proxy", "monthly/2026-11.csv"), received.getFirst().getPathParameters());
    }

    @Test
    void withoutARouteOrAnAdminUiTheAnswerIsApiGatewaysNotFound() throws Exception {
        routeRecording("POST", "/events");

        HttpResponse<String> wrongMethod = send(HttpRequest.newBuilder(url("/events")).GET());
        HttpResponse<String> unknown = send(HttpRequest.newBuilder(url("/nothing")).GET());

        assertEquals(404, wrongMethod.statusCode());
        assertEquals("{\"message\":\"Not Found\"}", unknown.body());
        assertTrue(received.isEmpty());
    }

    @Test
    void aHandlerThatThrowsIsAnsweredWithInternalServerError() throws Exception {
        gateway.route("GET", "/health", (event, context) -> {
            throw new IllegalStateException("broken");
        });

        HttpResponse<String> answer = send(HttpRequest.newBuilder(url("/health")).GET());

        assertEquals(500, answer.statusCode());
        assertEquals("{\"message\":\"Internal Server Error\"}", answer.body());
    }
}
