package ru.unitecon.simulator.loopback;

import java.util.Map;

/**
 * One HTTP request a simulator answered, as the server saw it. Secrets never land here: the Authorization header,
 * client secrets, codes and tokens are replaced by {@link #REDACTED} before recording.
 */
public record RecordedRequest(String method, String path, Map<String, String> headers, Map<String, String> parameters,
                              String body, int status) {
    public static final String REDACTED = "[redacted]";

    public RecordedRequest {
        headers = Map.copyOf(headers);
        parameters = Map.copyOf(parameters);
    }

    /** A request header by name, ignoring case as HTTP does; null when absent. */
    public String header(String name) {
        return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                .map(Map.Entry::getValue).findFirst().orElse(null);
    }
}
