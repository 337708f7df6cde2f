package ru.unitecon.testsupport;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import ru.unitecon.core.bitrix.inbound.MalformedRequest;
import ru.unitecon.core.export.BiConnector;
import ru.unitecon.core.export.BiConnectorRequest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.Executors;

/**
 * Core's stand-in for the functions' BI Builder connector endpoint: {@code POST /bi-connector/{check|tables|
 * describe|data}} on loopback over a {@link BiConnector}, so that the portal simulator's {@code source.add} can
 * check the connection while an install registers the connector.
 */
public final class BiConnectorEndpoint implements AutoCloseable {
    private final HttpServer server;
    private volatile BiConnector connector;

    /** Listening at once, so that the app can be built with its address; it answers once {@link #answerWith}. */
    public BiConnectorEndpoint() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/bi-connector/", exchange -> serve(exchange, connector));
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.start();
    }

    public void answerWith(BiConnector value) {
        connector = value;
    }

    /** The connector's base address, as {@code BI_CONNECTOR_URL} gives it. */
    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/bi-connector");
    }

    private static void serve(HttpExchange exchange, BiConnector connector) throws IOException {
        try (exchange) {
            String endpoint = exchange.getRequestURI().getPath().substring("/bi-connector/".length());
            int status = 200;
            String body;
            try {
                BiConnectorRequest request = BiConnectorRequest.parse(
                        new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                Optional<String> answer = switch (endpoint) {
                    case "check" -> connector.check(request) ? Optional.of("OK") : Optional.empty();
                    case "tables" -> connector.tableList(request);
                    case "describe" -> connector.tableDescription(request);
                    case "data" -> connector.data(request);
                    default -> Optional.empty();
                };
                body = answer.orElse("access denied");
                status = answer.isPresent() ? 200 : 403;
            } catch (MalformedRequest e) {
                status = 400;
                body = e.getMessage();
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
