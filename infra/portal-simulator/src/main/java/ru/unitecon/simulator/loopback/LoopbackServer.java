package ru.unitecon.simulator.loopback;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.Executors;

/**
 * One JDK HTTP server on 127.0.0.1 and a free port, one virtual thread per request (a held request blocks nothing
 * else). Shared by the ad-account simulators; the portal simulator predates it.
 */
public final class LoopbackServer implements AutoCloseable {
    private final HttpServer server;
    private final URI baseUrl;

    private LoopbackServer(HttpHandler handler) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", handler);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.start();
        baseUrl = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    public static LoopbackServer start(HttpHandler handler) {
        try {
            return new LoopbackServer(handler);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on loopback", e);
        }
    }

    /** {@code http://127.0.0.1:PORT/}. */
    public URI baseUrl() {
        return baseUrl;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
