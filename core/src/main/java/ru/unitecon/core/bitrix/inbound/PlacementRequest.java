package ru.unitecon.core.bitrix.inbound;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The form POST a portal makes when it opens the install page, the app page or a placement: the portal and the
 * language in the query string, the viewing user's tokens and the placement in the body. Nothing here is
 * trusted until {@link PlacementAuthenticity} has confirmed the access token with the OAuth server, and even then
 * DOMAIN and PROTOCOL are no address to call: that comes from the OAuth server's answer. {@code APPLICATION_TOKEN},
 * which newer portals add, is not read: the application token comes only from {@code ONAPPINSTALL} and an
 * administrator's {@code ONAPPUPDATE}, never from a form that any user of the portal can post.
 *
 * @param appSid           the per-render session id of the portal's JS library; not an application token
 * @param placementOptions {@code PLACEMENT_OPTIONS}, e.g. {@code ID} of the deal a tab is opened on
 * @param serverEndpoint   {@code SERVER_ENDPOINT} when the portal sends it, else null
 */
public record PlacementRequest(String domain, boolean https, String language, String appSid, String memberId,
                               String accessToken, Duration accessExpiresIn, String refreshToken, String status,
                               String placement, Map<String, String> placementOptions, String serverEndpoint) {

    private static final Pattern HOST =
            Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9.-]{0,251}[A-Za-z0-9])?(?::\\d{1,5})?");
    private static final ObjectMapper JSON = new ObjectMapper();

    public PlacementRequest {
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(memberId, "memberId");
        Objects.requireNonNull(accessToken, "accessToken");
        placementOptions = Map.copyOf(placementOptions);
    }

    /** Reads the raw query string and the raw form body of the request. */
    public static PlacementRequest parse(String rawQuery, String formBody) {
        return from(FormBody.parse(rawQuery), FormBody.parse(formBody));
    }

    public static PlacementRequest from(FormBody query, FormBody body) {
        String domain = query.required("DOMAIN").strip();
        // DOMAIN ends up in the frame-ancestors header and in REST URLs, so it must be a bare host.
        if (!HOST.matcher(domain).matches()) {
            throw new MalformedRequest("DOMAIN is not a host name");
        }
        String expiresIn = body.value("AUTH_EXPIRES").filter(v -> !v.isBlank()).orElse("3600");
        return new PlacementRequest(
                domain,
                !query.value("PROTOCOL").map(String::strip).filter("0"::equals).isPresent(),
                optional(query, "LANG"),
                optional(query, "APP_SID"),
                body.required("member_id").strip(),
                body.required("AUTH_ID"),
                Duration.ofSeconds(PortalEvent.positiveLong(expiresIn, "AUTH_EXPIRES")),
                optional(body, "REFRESH_ID"),
                optional(body, "status"),
                body.value("PLACEMENT").filter(v -> !v.isBlank()).orElse("DEFAULT"),
                placementOptions(body.value("PLACEMENT_OPTIONS").orElse("")),
                optional(body, "SERVER_ENDPOINT"));
    }

    @Override
    public String toString() {
        return "PlacementRequest[domain=" + domain + ", https=" + https + ", language=" + language
                + ", memberId=" + memberId + ", status=" + status + ", placement=" + placement
                + ", placementOptions=" + placementOptions + ", serverEndpoint=" + serverEndpoint
                + ", accessExpiresIn=" + accessExpiresIn + ", refreshToken=" + (refreshToken != null) + "]";
    }

    private static String optional(FormBody form, String key) {
        return form.value(key).filter(v -> !v.isBlank()).map(String::strip).orElse(null);
    }

    private static Map<String, String> placementOptions(String json) {
        if (json.isBlank()) {
            return Map.of();
        }
        JsonNode node;
        try {
            node = JSON.readTree(json);
        } catch (JacksonException e) {
            throw new MalformedRequest("PLACEMENT_OPTIONS is not JSON");
        }
        if (node == null || node.isArray() && node.isEmpty()) {
            return Map.of();
        }
        if (!node.isObject()) {
            throw new MalformedRequest("PLACEMENT_OPTIONS is not a JSON object");
        }
        Map<String, String> options = new LinkedHashMap<>();
        node.properties().forEach(e -> {
            JsonNode value = e.getValue();
            if (!value.isNull()) {
                options.put(e.getKey(), value.isValueNode() ? value.asText() : value.toString());
            }
        });
        return options;
    }
}
