package ru.unitecon.core.install;

import java.net.URI;
import java.util.Map;
import java.util.Objects;

/**
 * Where portals reach the app: the events handler every binding points to, the app page the dashboard
 * placement opens, and the base of the BI Builder connector's endpoints ({@code …/check}, {@code …/tables},
 * {@code …/describe}, {@code …/data}).
 */
public record AppAddresses(URI eventsUrl, URI appUrl, URI biConnectorUrl) {
    public static final String EVENTS_URL_VARIABLE = "EVENTS_URL";
    public static final String APP_URL_VARIABLE = "APP_URL";
    public static final String BI_CONNECTOR_URL_VARIABLE = "BI_CONNECTOR_URL";

    public AppAddresses {
        Objects.requireNonNull(eventsUrl, "eventsUrl");
        Objects.requireNonNull(appUrl, "appUrl");
        Objects.requireNonNull(biConnectorUrl, "biConnectorUrl");
    }

    public static AppAddresses from(Map<String, String> environment) {
        String events = environment.get(EVENTS_URL_VARIABLE);
        String app = environment.get(APP_URL_VARIABLE);
        String biConnector = environment.get(BI_CONNECTOR_URL_VARIABLE);
        if (events == null || events.isBlank() || app == null || app.isBlank() || biConnector == null
                || biConnector.isBlank()) {
            throw new IllegalStateException(EVENTS_URL_VARIABLE + ", " + APP_URL_VARIABLE + " and "
                    + BI_CONNECTOR_URL_VARIABLE + " must be set");
        }
        return new AppAddresses(URI.create(events.strip()), URI.create(app.strip()), URI.create(biConnector.strip()));
    }

    /** One of the connector's endpoints: {@code check}, {@code tables}, {@code describe} or {@code data}. */
    public URI biConnectorEndpoint(String endpoint) {
        String base = biConnectorUrl.toString();
        return URI.create((base.endsWith("/") ? base : base + "/") + endpoint);
    }
}
