package ru.unitecon.simulator.loopback;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An HTTP answer decided before it is sent, so a simulator records the request first: a test that has its reply
 * then always finds the request in the log.
 */
public record Answer(int status, String contentType, String body, Map<String, String> headers) {

    public Answer {
        headers = Map.copyOf(headers);
    }

    public static Answer json(int status, Object body) {
        return new Answer(status, "application/json; charset=utf-8", LoopbackJson.write(body), Map.of());
    }

    public static Answer text(int status, String contentType, String body) {
        return new Answer(status, contentType, body, Map.of());
    }

    public static Answer redirect(String location) {
        return new Answer(302, null, "", Map.of("Location", location));
    }

    public static Answer empty(int status) {
        return new Answer(status, null, "", Map.of());
    }

    /** The same answer with one more header. */
    public Answer withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new Answer(status, contentType, body, more);
    }
}
