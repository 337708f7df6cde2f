package ru.unitecon.simulator.loopback;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A simulator's HTTP front: reads the request, lets the subclass decide the answer, records the request (secrets
 * redacted) and only then sends the answer, so a test that has its reply always finds the request in the log.
 */
public abstract class RecordingHandler implements HttpHandler {
    /** How the request body is read: as form parameters (merged with the query), or kept whole as JSON. */
    public enum Body { FORM, JSON }

    private final RequestLog log;
    private final Set<String> secretParameters;
    private final Body bodyKind;

    protected RecordingHandler(RequestLog log, Set<String> secretParameters, Body bodyKind) {
        this.log = log;
        this.secretParameters = Set.copyOf(secretParameters);
        this.bodyKind = bodyKind;
    }

    @Override
    public final void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String body = HttpExchanges.readBody(exchange);
        Map<String, String> params = bodyKind == Body.FORM ? HttpExchanges.formParameters(exchange, body)
                : HttpExchanges.decodeForm(exchange.getRequestURI().getRawQuery());
        Answer answer = answer(exchange, path, body, params);
        Map<String, String> recorded = new LinkedHashMap<>(params);
        recorded.replaceAll((name, value) -> secretParameters.contains(name) ? RecordedRequest.REDACTED : value);
        log.add(new RecordedRequest(exchange.getRequestMethod(), path, HttpExchanges.recordableHeaders(exchange), recorded,
                bodyKind == Body.JSON ? body : "", answer.status()));
        HttpExchanges.send(exchange, answer);
    }

    /** The answer to one request; response headers set on the exchange here are sent with it. */
    protected abstract Answer answer(HttpExchange exchange, String path, String body, Map<String, String> params);
}
