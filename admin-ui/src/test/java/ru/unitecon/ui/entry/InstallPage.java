package ru.unitecon.ui.entry;

import com.sun.net.httpserver.HttpServer;
import ru.unitecon.simulator.SimulatedPortal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;

/**
 * Stands in for the app's install page (served by the functions module, not by the UI): it answers the
 * simulator's install POST with 200, which is when a real portal counts the app as installed.
 */
public final class InstallPage {
    private InstallPage() {
    }

    public static void acceptInstall(SimulatedPortal portal) {
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/install", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
        try {
            URI install = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/install");
            portal.installApp(install, install);
        } finally {
            server.stop(0);
        }
    }
}
