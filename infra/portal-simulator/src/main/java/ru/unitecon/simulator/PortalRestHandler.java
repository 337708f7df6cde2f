package ru.unitecon.simulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A portal's HTTP front: redirect after a rename, the leaky bucket, token check, then the method
 * (bitrix24.md §3, §4). Every request that reaches a method is recorded.
 */
final class PortalRestHandler implements HttpHandler {
    private static final String REST_PREFIX = "/rest/";

    private final SimulatedPortal portal;
    private final TokenRegistry tokens;
    private final RestDispatcher dispatcher;
    private final LeakyBucket bucket;

    PortalRestHandler(SimulatedPortal portal, TokenRegistry tokens, RestDispatcher dispatcher, LeakyBucket bucket) {
        this.portal = portal;
        this.tokens = tokens;
        this.dispatcher = dispatcher;
        this.bucket = bucket;
    }

    private record Reply(int status, Object body) {
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (exchange.getLocalAddress().getPort() != portal.port()) {
                String query = exchange.getRequestURI().getRawQuery();
                HttpIo.sendRedirect(exchange, "http://" + portal.domain() + exchange.getRequestURI().getRawPath()
                        + (query == null ? "" : "?" + query));
                return;
            }
            String path = exchange.getRequestURI().getPath();
            String method = path.startsWith(REST_PREFIX) ? methodName(path.substring(REST_PREFIX.length())) : path;
            Map<String, Object> params = new LinkedHashMap<>();
            Reply reply = reply(exchange, method, params);
            portal.calls().add(new RecordedCall(method, params, reply.status(), null));
            HttpIo.sendJson(exchange, reply.status(), reply.body());
        }
    }

    /** Fills {@code params} (without the token) as far as the request got, and answers it. */
    private Reply reply(HttpExchange exchange, String method, Map<String, Object> params) {
        Instant start = tokens.now();
        try {
            if (!exchange.getRequestURI().getPath().startsWith(REST_PREFIX)) {
                throw new RestError(404, "NOT_FOUND", "Not found");
            }
            if (!bucket.tryAdmit()) {
                throw new RestError(503, "QUERY_LIMIT_EXCEEDED", "Too many requests");
            }
            params.putAll(HttpIo.parameters(exchange));
            String userId = authenticate(params.remove("auth"));
            RestResult result = dispatcher.invoke(new RestCall(portal, method, params, userId));
            return new Reply(200, body(result, start));
        } catch (RestError error) {
            return new Reply(error.httpStatus(), HttpIo.errorBody(error));
        } catch (IOException | RuntimeException unexpected) {
            return new Reply(500, HttpIo.errorBody(new RestError(500, "INTERNAL_SERVER_ERROR", "Internal server error")));
        }
    }

    private static String methodName(String raw) {
        String name = raw.toLowerCase(Locale.ROOT);
        return name.endsWith(".json") ? name.substring(0, name.length() - ".json".length()) : name;
    }

    private String authenticate(Object auth) {
        if (auth == null || String.valueOf(auth).isEmpty()) {
            throw new RestError(401, "NO_AUTH_FOUND", "Wrong authorization data");
        }
        TokenRegistry.AccessToken token = tokens.accessToken(String.valueOf(auth));
        if (token == null || token.portal() != portal) {
            throw new RestError(401, "invalid_token", "The access token provided is invalid.");
        }
        if (token.expiredAt(tokens.now())) {
            throw new RestError(401, "expired_token", "The access token provided has expired.");
        }
        return token.userId();
    }

    private Map<String, Object> body(RestResult result, Instant start) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("result", result.result());
        if (result.next() != null) {
            body.put("next", result.next());
        }
        if (result.total() != null) {
            body.put("total", result.total());
        }
        body.put("time", RestTime.of(start, tokens.now(), portal.seed().timeZone()));
        return body;
    }
}
