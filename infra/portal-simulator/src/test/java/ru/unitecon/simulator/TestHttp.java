package ru.unitecon.simulator;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The tests' HTTP client: calls REST methods the way an app would and reads the JSON back. */
final class TestHttp {
    private static final HttpClient CLIENT = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    record Reply(int status, Map<String, Object> body, HttpResponse<String> raw) {
        Object result() {
            return body.get("result");
        }

        @SuppressWarnings("unchecked")
        Map<String, Object> resultMap() {
            return (Map<String, Object>) body.get("result");
        }

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> resultRows() {
            return (List<Map<String, Object>>) body.get("result");
        }

        String error() {
            return (String) body.get("error");
        }
    }

    private TestHttp() {
    }

    /** POSTs JSON to {@code endpoint + method} with the token in the body. */
    static Reply call(URI endpoint, String method, String token, Map<String, Object> params) {
        Map<String, Object> body = new LinkedHashMap<>(params);
        if (token != null) {
            body.put("auth", token);
        }
        return send(HttpRequest.newBuilder(endpoint.resolve(method))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Json.write(body))).build());
    }

    static Reply call(SimulatedPortal portal, String method, String token, Map<String, Object> params) {
        return call(portal.clientEndpoint(), method, token, params);
    }

    static Reply postForm(URI url, String form) {
        return send(HttpRequest.newBuilder(url)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
    }

    static Reply get(URI url) {
        return send(HttpRequest.newBuilder(url).GET().build());
    }

    private static Reply send(HttpRequest request) {
        try {
            HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
            Map<String, Object> body = response.body().isBlank() ? Map.of() : Json.readObject(response.body());
            return new Reply(response.statusCode(), body, response);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
