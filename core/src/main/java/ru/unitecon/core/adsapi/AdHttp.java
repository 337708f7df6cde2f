package ru.unitecon.core.adsapi;

import ru.unitecon.core.bitrix.Sleeper;

import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * HTTP to the ad platforms: every request has a timeout, and server errors, rate limits and timeouts are tried again
 * a bounded number of times with a growing wait; any other answer is the caller's to read.
 */
public final class AdHttp {
    /** How long a request may take before it counts as a timeout, unless told otherwise. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);
    static final int ATTEMPTS = 4;
    static final Duration FIRST_WAIT = Duration.ofSeconds(2);
    private static final Set<Integer> RETRIED = Set.of(429, 500, 502, 503, 504);

    private final HttpClient http;
    private final Sleeper sleeper;
    private final Duration timeout;

    AdHttp(HttpClient http, Sleeper sleeper, Duration timeout) {
        this.http = http;
        this.sleeper = sleeper;
        this.timeout = timeout;
    }

    Duration timeout() {
        return timeout;
    }

    /** @param what names the call in errors, e.g. "Direct report" */
    HttpResponse<String> send(HttpRequest request, String what) {
        Duration wait = FIRST_WAIT;
        String last = "";
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            if (attempt > 1) {
                sleeper.sleep(wait);
                wait = wait.multipliedBy(2);
            }
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (!RETRIED.contains(response.statusCode())) {
                    return response;
                }
                last = "HTTP " + response.statusCode();
            } catch (IOException e) {
                last = e.getClass().getSimpleName();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AdApiFailure(AdApiFailure.Kind.TRANSIENT, what + ": interrupted");
            }
        }
        throw new AdApiFailure(AdApiFailure.Kind.TRANSIENT, what + ": " + last + " after " + ATTEMPTS + " tries");
    }

    static HttpRequest.BodyPublisher form(Map<String, String> fields) {
        return HttpRequest.BodyPublishers.ofString(query(fields));
    }

    static String query(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
