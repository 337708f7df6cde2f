package ru.unitecon.core.bitrix.inbound;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Our side of the portal's outgoing POSTs: a loopback endpoint that keeps each request's query and body. */
final class AppEndpoint implements AutoCloseable {
    record Post(String path, String rawQuery, String body) {
    }

    private final HttpServer server;
    private final List<Post> posts = new CopyOnWriteArrayList<>();

    AppEndpoint() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            try (exchange) {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                posts.add(new Post(exchange.getRequestURI().getPath(), exchange.getRequestURI().getRawQuery(), body));
                exchange.sendResponseHeaders(200, -1);
            }
        });
        server.start();
    }

    URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    Post last(String path) {
        return posts.reversed().stream().filter(post -> post.path().equals(path)).findFirst()
                .orElseThrow(() -> new AssertionError("nothing was posted to " + path));
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
