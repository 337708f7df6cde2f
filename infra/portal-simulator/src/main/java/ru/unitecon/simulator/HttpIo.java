package ru.unitecon.simulator;

import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reading requests and writing JSON answers on the simulator's JDK HTTP servers. */
final class HttpIo {
    private HttpIo() {
    }

    /** Query parameters merged with a JSON or form body; the body wins on a clash. */
    static Map<String, Object> parameters(HttpExchange exchange) throws IOException {
        Map<String, Object> params = new LinkedHashMap<>(FormCodec.decode(exchange.getRequestURI().getRawQuery()));
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        if (body.isBlank()) {
            return params;
        }
        String contentType = String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type"));
        if (contentType.contains("json") || body.stripLeading().startsWith("{")) {
            try {
                params.putAll(Json.readObject(body));
            } catch (IllegalArgumentException e) {
                throw new RestError(400, "INVALID_REQUEST", "Request body is not valid JSON");
            }
        } else {
            params.putAll(FormCodec.decode(body));
        }
        return params;
    }

    /** Produces the JSON body of a 200 answer; a {@link RestError} becomes its error answer, anything else a bare 500. */
    interface Answer {
        Object body() throws IOException;
    }

    static void answer(HttpExchange exchange, Answer answer) throws IOException {
        try (exchange) {
            int status = 200;
            Object body;
            try {
                body = answer.body();
            } catch (RestError error) {
                status = error.httpStatus();
                body = errorBody(error);
            } catch (RuntimeException unexpected) {
                status = 500;
                body = errorBody(new RestError(500, "INTERNAL_SERVER_ERROR", "Internal server error"));
            }
            sendJson(exchange, status, body);
        }
    }

    static void sendJson(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = Json.write(body).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (var out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    static Map<String, Object> errorBody(RestError error) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", error.code());
        body.put("error_description", error.description());
        return body;
    }

    static void sendRedirect(HttpExchange exchange, String location) throws IOException {
        exchange.getResponseHeaders().set("Location", location);
        exchange.sendResponseHeaders(302, -1);
        exchange.close();
    }
}
