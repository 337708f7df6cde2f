package ru.unitecon.simulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** How portals reach the app: form POSTs, never following redirects, with a bound on how long the app may take. */
final class FormPoster implements AutoCloseable {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient client = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    HttpResponse<String> post(URI target, Map<String, String> form) {
        HttpRequest request = HttpRequest.newBuilder(target)
                .timeout(TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("User-Agent", "Bitrix24 Portal Simulator")
                .POST(HttpRequest.BodyPublishers.ofString(FormCodec.encode(form)))
                .build();
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException("POST to " + target + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while posting to " + target, e);
        }
    }

    HttpResponse<String> post(FramePost frame) {
        return post(frame.url(), frame.form());
    }

    @Override
    public void close() {
        client.close();
    }
}
