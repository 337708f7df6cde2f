package ru.unitecon.core.install;

import java.net.URI;
import java.util.Map;
import java.util.Objects;

/**
 * Where portals reach the app: the events URL every binding points to (API Gateway's route into the events
 * queue), the app page the dashboard placement opens, the handler the app's robot runs call, and the base of the
 * BI Builder connector's endpoints ({@code …/check}, {@code …/tables}, {@code …/describe}, {@code …/data}).
 */
public record AppAddresses(URI eventsUrl, URI appUrl, URI robotUrl, URI biConnectorUrl) {
    public static final String EVENTS_URL_VARIABLE = "EVENTS_URL";
    public static final String APP_URL_VARIABLE = "APP_URL";
    public static final String ROBOT_URL_VARIABLE = "ROBOT_URL";
    public static final String BI_CONNECTOR_URL_VARIABLE = "BI_CONNECTOR_URL";

    public AppAddresses {
        Objects.requireNonNull(eventsUrl, "eventsUrl");
        Objects.requireNonNull(appUrl, "appUrl");
        Objects.requireNonNull(robotUrl, "robotUrl");
        Objects.requireNonNull(biConnectorUrl, "biConnectorUrl");
    }

    public static AppAddresses from(Map<String, String> environment) {
        return new AppAddresses(required(environment, EVENTS_URL_VARIABLE), required(environment, APP_URL_VARIABLE),
                required(environment, ROBOT_URL_VARIABLE), required(environment, BI_CONNECTOR_URL_VARIABLE));
    }

    /** One of the connector's endpoints: {@code check}, {@code tables}, {@code describe} or {@code data}. */
    public URI biConnectorEndpoint(String endpoint) {
        String base = biConnectorUrl.toString();
        return URI.create((base.endsWith("/") ? base : base + "/") + endpoint);
    }

    private static URI required(Map<String, String> environment, String variable) {
        String value = environment.get(variable);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(EVENTS_URL_VARIABLE + ", " + APP_URL_VARIABLE + ", " + ROBOT_URL_VARIABLE
                    + " and " + BI_CONNECTOR_URL_VARIABLE + " must be set");
        }
        return URI.create(value.strip());
    }
}
