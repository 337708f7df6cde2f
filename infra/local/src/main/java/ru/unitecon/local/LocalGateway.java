package ru.unitecon.local;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;

/**
 * The local stand-in for API Gateway's HTTP API, on one loopback port: a request on a route ("POST /events")
 * becomes the {@link APIGatewayV2HTTPEvent} (payload format 2.0) API Gateway would send, the route's Lambda
 * handler answers it, and its {@link APIGatewayV2HTTPResponse} becomes the HTTP answer. Every other path goes
 * to the admin UI, so one address (and one tunnel, for a real portal) serves both.
 */
final class LocalGateway implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LocalGateway.class);
    private static final DateTimeFormatter REQUEST_TIME =
            DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH).withZone(ZoneOffset.UTC);
    /** Headers a proxy must not forward, and those the JDK client sets itself. */
    private static final Set<String> NOT_FORWARDED = Set.of("connection", "keep-alive", "proxy-authenticate",
            "proxy-authorization", "te", "trailer", "transfer-encoding", "upgrade", "host", "content-length",
            "expect", "http2-settings");

    static final String GREEDY = "/{proxy+}";

    private final HttpServer server;
    private final Map<String, RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>> routes =
            new ConcurrentHashMap<>();
    private final HttpClient proxyClient = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1).followRedirects(HttpClient.Redirect.NEVER).build();
    private volatile URI fallback;

    /** @param port the loopback port, or 0 for any free one */
    LocalGateway(int port) {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on 127.0.0.1:" + port
                    + " (another program uses it? choose another with -Dlocal.args=\"port=N\")", e);
        }
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::serve);
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    /**
     * Routes "METHOD /path" to a handler, as the HTTP API's route of the same key; a path ending in
     * {@value #GREEDY} takes everything below it, with the rest as the path parameter {@code proxy}.
     */
    void route(String method, String path, RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler) {
        routes.put(method + " " + path, handler);
    }

    /** Where requests on no route go (the admin UI); without one they get API Gateway's 404. */
    void fallbackTo(URI base) {
        this.fallback = base;
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            try {
                String routeKey = routeKey(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath());
                RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler =
                        routeKey == null ? null : routes.get(routeKey);
                if (handler != null) {
                    invoke(exchange, routeKey, handler);
                } else if (fallback != null) {
                    proxy(exchange);
                } else {
                    send(exchange, 404, Map.of("Content-Type", List.of("application/json")),
                            "{\"message\":\"Not Found\"}".getBytes(StandardCharsets.UTF_8));
                }
            } catch (RuntimeException e) {
                // A Lambda that throws makes API Gateway answer 500 with this body; the stack goes to the log.
                LOG.error("handler failed", e);
                send(exchange, 500, Map.of("Content-Type", List.of("application/json")),
                        "{\"message\":\"Internal Server Error\"}".getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    /** The exact route, else the longest greedy one above the path, else none. */
    private String routeKey(String method, String path) {
        String exact = method + " " + path;
        if (routes.containsKey(exact)) {
            return exact;
        }
        for (String prefix = path; prefix.lastIndexOf('/') > 0; ) {
            prefix = prefix.substring(0, prefix.lastIndexOf('/'));
            String greedy = method + " " + prefix + GREEDY;
            if (routes.containsKey(greedy)) {
                return greedy;
            }
        }
        return null;
    }

    private static void invoke(HttpExchange exchange, String routeKey,
                               RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler)
            throws IOException {
        APIGatewayV2HTTPResponse response = handler.handleRequest(event(exchange, routeKey), null);
        Map<String, List<String>> headers = new LinkedHashMap<>();
        if (response.getHeaders() != null) {
            response.getHeaders().forEach((name, value) -> headers.put(name, List.of(value)));
        }
        if (response.getCookies() != null && !response.getCookies().isEmpty()) {
            headers.put("Set-Cookie", response.getCookies());
        }
        String body = response.getBody() == null ? "" : response.getBody();
        byte[] bytes = response.getIsBase64Encoded() ? Base64.getDecoder().decode(body)
                : body.getBytes(StandardCharsets.UTF_8);
        send(exchange, response.getStatusCode(), headers, bytes);
    }

    /**
     * The event as API Gateway builds it: header names in lower case with repeated values joined by commas,
     * cookies apart, and a body base64-encoded unless its content type is text (form posts arrive encoded).
     */
    private static APIGatewayV2HTTPEvent event(HttpExchange exchange, String routeKey) throws IOException {
        URI uri = exchange.getRequestURI();
        Map<String, String> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("cookie")) {
                headers.put(name.toLowerCase(Locale.ROOT), String.join(",", values));
            }
        });
        List<String> cookies = new ArrayList<>();
        List<String> cookieHeaders = exchange.getRequestHeaders().get("Cookie");
        if (cookieHeaders != null) {
            cookieHeaders.forEach(header -> List.of(header.split(";\\s*")).forEach(cookies::add));
        }
        byte[] body = exchange.getRequestBody().readAllBytes();
        boolean text = isText(headers.get("content-type"));
        Instant now = Instant.now();
        String sourceIp = exchange.getRemoteAddress().getAddress().getHostAddress();
        return APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0")
                .withRouteKey(routeKey)
                .withRawPath(uri.getRawPath())
                .withRawQueryString(uri.getRawQuery() == null ? "" : uri.getRawQuery())
                .withCookies(cookies.isEmpty() ? null : cookies)
                .withHeaders(headers)
                .withQueryStringParameters(queryParameters(uri.getRawQuery()))
                .withPathParameters(pathParameters(routeKey, uri.getRawPath()))
                .withBody(body.length == 0 ? null
                        : text ? new String(body, StandardCharsets.UTF_8) : Base64.getEncoder().encodeToString(body))
                .withIsBase64Encoded(body.length > 0 && !text)
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withAccountId("000000000000")
                        .withApiId("local")
                        .withDomainName(headers.getOrDefault("host", "localhost"))
                        .withDomainPrefix("local")
                        .withStage("$default")
                        .withRouteKey(routeKey)
                        .withRequestId(UUID.randomUUID().toString())
                        .withTime(REQUEST_TIME.format(now))
                        .withTimeEpoch(now.toEpochMilli())
                        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder()
                                .withMethod(exchange.getRequestMethod())
                                .withPath(uri.getRawPath())
                                .withProtocol(exchange.getProtocol())
                                .withSourceIp(sourceIp)
                                .withUserAgent(headers.getOrDefault("user-agent", ""))
                                .build())
                        .build())
                .withStageVariables(null)
                .build();
    }

    private static Map<String, String> pathParameters(String routeKey, String rawPath) {
        if (!routeKey.endsWith(GREEDY)) {
            return null;
        }
        String prefix = routeKey.substring(routeKey.indexOf(' ') + 1, routeKey.length() - GREEDY.length() + 1);
        return Map.of("proxy", URLDecoder.decode(rawPath.substring(prefix.length()), StandardCharsets.UTF_8));
    }

    private static boolean isText(String contentType) {
        if (contentType == null) {
            return true;
        }
        String type = contentType.toLowerCase(Locale.ROOT);
        return type.startsWith("text/") || type.contains("json") || type.contains("xml")
                || type.contains("javascript");
    }

    /** Repeated parameters are joined by commas, as API Gateway does. */
    private static Map<String, String> queryParameters(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return null;
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String pair : rawQuery.split("&")) {
            int equals = pair.indexOf('=');
            String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
            String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            parameters.merge(name, value, (first, second) -> first + "," + second);
        }
        return parameters;
    }

    private void proxy(HttpExchange exchange) throws IOException {
        URI uri = exchange.getRequestURI();
        URI target = fallback.resolve(uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
        HttpRequest.Builder request = HttpRequest.newBuilder(target)
                .method(exchange.getRequestMethod(),
                        HttpRequest.BodyPublishers.ofByteArray(exchange.getRequestBody().readAllBytes()));
        exchange.getRequestHeaders().forEach((name, values) -> {
            if (!NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT))) {
                values.forEach(value -> request.header(name, value));
            }
        });
        request.header("X-Forwarded-Host", String.valueOf(exchange.getRequestHeaders().getFirst("Host")));
        HttpResponse<byte[]> response;
        try {
            response = proxyClient.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (IOException e) {
            send(exchange, 502, Map.of("Content-Type", List.of("text/plain; charset=utf-8")),
                    "The admin UI does not answer.".getBytes(StandardCharsets.UTF_8));
            return;
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        response.headers().map().forEach((name, values) -> {
            if (!NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")) {
                headers.put(name, values);
            }
        });
        send(exchange, response.statusCode(), headers, response.body());
    }

    private static void send(HttpExchange exchange, int status, Map<String, List<String>> headers, byte[] body)
            throws IOException {
        headers.forEach((name, values) -> values.forEach(value -> exchange.getResponseHeaders().add(name, value)));
        boolean empty = body.length == 0 || status == 204 || status == 304 || "HEAD".equals(exchange.getRequestMethod());
        exchange.sendResponseHeaders(status, empty ? -1 : body.length);
        if (!empty) {
            exchange.getResponseBody().write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
