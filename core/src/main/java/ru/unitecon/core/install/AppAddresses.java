package ru.unitecon.core.install;

import java.net.URI;
import java.util.Map;
import java.util.Objects;

/**
 * Where portals reach the app: the events URL every binding points to (API Gateway's route into the events
 * queue), and the app page the dashboard placement opens.
 */
public record AppAddresses(URI eventsUrl, URI appUrl) {
    public static final String EVENTS_URL_VARIABLE = "EVENTS_URL";
    public static final String APP_URL_VARIABLE = "APP_URL";

    public AppAddresses {
        Objects.requireNonNull(eventsUrl, "eventsUrl");
        Objects.requireNonNull(appUrl, "appUrl");
    }

    public static AppAddresses from(Map<String, String> environment) {
        String events = environment.get(EVENTS_URL_VARIABLE);
        String app = environment.get(APP_URL_VARIABLE);
        if (events == null || events.isBlank() || app == null || app.isBlank()) {
            throw new IllegalStateException(EVENTS_URL_VARIABLE + " and " + APP_URL_VARIABLE + " must be set");
        }
        return new AppAddresses(URI.create(events.strip()), URI.create(app.strip()));
    }
}
