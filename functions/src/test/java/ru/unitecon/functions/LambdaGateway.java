package ru.unitecon.functions;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;

/**
 * Plays API Gateway's HTTP API on loopback: each path's requests become {@link APIGatewayV2HTTPEvent}s for a
 * handler, so the simulated portal reaches the functions over HTTP exactly as a real portal does.
 */
final class LambdaGateway implements AutoCloseable {
    private final HttpServer server;

    LambdaGateway() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // Lambda runs as many instances as requests come in at once, so requests do not queue behind each other.
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.start();
    }

    void route(String path, RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler) {
        server.createContext(path, exchange -> serve(exchange, handler));
    }

    URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    private static void serve(HttpExchange exchange,
                              RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler)
            throws IOException {
        try (exchange) {
            APIGatewayV2HTTPEvent event = APIGatewayV2HTTPEvent.builder()
                    .withRawPath(exchange.getRequestURI().getRawPath())
                    .withRawQueryString(exchange.getRequestURI().getRawQuery() == null ? ""
                            : exchange.getRequestURI().getRawQuery())
                    .withBody(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8))
                    .withIsBase64Encoded(false)
                    .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                            .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder()
                                    .withMethod(exchange.getRequestMethod())
                                    .withPath(exchange.getRequestURI().getRawPath()).build())
                            .build())
                    .build();
            APIGatewayV2HTTPResponse response = handler.handleRequest(event, null);
            if (response.getHeaders() != null) {
                response.getHeaders().forEach(exchange.getResponseHeaders()::add);
            }
            byte[] body = response.getBody() == null ? new byte[0]
                    : response.getBody().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(response.getStatusCode(), body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                exchange.getResponseBody().write(body);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
