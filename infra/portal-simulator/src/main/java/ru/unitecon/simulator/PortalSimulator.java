package ru.unitecon.simulator;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * Bitrix24 on loopback: one OAuth server plus any number of portals, each on its own port.
 * Close it to stop every server.
 */
public final class PortalSimulator implements AutoCloseable {
    private final SimulatorOptions options;
    private final TokenRegistry tokens;
    private final MethodTable methods = MethodTable.bundled();
    private final HttpServer oauthServer;
    private final URI oauthServerUrl;
    private final HttpClient outgoing = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    private final List<SimulatedPortal> portals = new CopyOnWriteArrayList<>();

    private PortalSimulator(SimulatorOptions options) throws IOException {
        this.options = options;
        this.tokens = new TokenRegistry(options.clock(), options.accessTokenLifetime());
        this.oauthServer = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        this.oauthServerUrl = URI.create("http://127.0.0.1:" + oauthServer.getAddress().getPort() + "/");
        oauthServer.createContext("/", new OAuthServerHandler(tokens, oauthServerUrl));
        oauthServer.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        oauthServer.start();
    }

    public static PortalSimulator start(SimulatorOptions options) {
        try {
            return new PortalSimulator(options);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on loopback", e);
        }
    }

    /** The OAuth server's base URL; the app calls {@code {this}oauth/token/} and {@code {this}rest/app.info}. */
    public URI oauthServerUrl() {
        return oauthServerUrl;
    }

    public SimulatedPortal createPortal(PortalSeed seed) {
        if (portals.stream().anyMatch(portal -> portal.memberId().equals(seed.memberId()))) {
            throw new IllegalArgumentException("a portal with member id " + seed.memberId() + " already exists");
        }
        SimulatedPortal portal = new SimulatedPortal(seed, tokens, oauthServerUrl.resolve("rest/"), options, methods, outgoing);
        portals.add(portal);
        return portal;
    }

    public List<SimulatedPortal> portals() {
        return List.copyOf(portals);
    }

    /** Every access token issued so far stops working now; refresh tokens still do. */
    public void expireAllAccessTokens() {
        tokens.expireAllAccessTokens();
    }

    @Override
    public void close() {
        portals.forEach(SimulatedPortal::close);
        oauthServer.stop(0);
        outgoing.close();
    }
}
