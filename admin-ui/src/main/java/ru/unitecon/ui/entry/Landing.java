package ru.unitecon.ui.entry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Where a verified opening lands: a contact's or deal's card tab on the client card of the record it was opened on,
 * a notification's link ({@code /marketplace/view/{code}/?params[view]=channels} arrives as
 * {@code PLACEMENT_OPTIONS={"view":"channels"}}) on the view it names if a link may open it, anything else on the
 * overview. Only names from the list become a path, so nothing in the POST chooses an address.
 */
final class Landing {
    static final String OVERVIEW = "/";
    static final String CLIENT_CARD = "/client-card";
    /** The card tabs, and the query parameter the client card reads each record's id from. */
    private static final Map<String, String> CARD_TABS = Map.of(
            "CRM_CONTACT_DETAIL_TAB", "contact",
            "CRM_DEAL_DETAIL_TAB", "deal");
    /** The views an alert's link may open. */
    private static final Set<String> LINKED_VIEWS = Set.of("channels", "trends", "appointments", "spend", "settings",
            "retention");
    /** A CRM id: a positive whole number that a long holds. */
    private static final Pattern CRM_ID = Pattern.compile("[1-9][0-9]{0,17}");
    private static final ObjectMapper JSON = new ObjectMapper();

    private Landing() {
    }

    /**
     * The path and query to redirect to; empty when a card tab's PLACEMENT_OPTIONS do not name a record by a numeric
     * ID, which a real portal never sends.
     */
    static Optional<String> of(PlacementPost post) {
        String parameter = post.placement() == null ? null : CARD_TABS.get(post.placement());
        if (parameter == null) {
            return Optional.of(linkedView(post.placementOptions()));
        }
        return recordId(post.placementOptions()).map(id -> CLIENT_CARD + "?" + parameter + "=" + id);
    }

    private static String linkedView(String options) {
        if (options == null || options.isBlank()) {
            return OVERVIEW;
        }
        try {
            String view = JSON.readTree(options).path("view").asText("");
            return LINKED_VIEWS.contains(view) ? "/" + view : OVERVIEW;
        } catch (JsonProcessingException unreadable) {
            return OVERVIEW;
        }
    }

    private static Optional<String> recordId(String options) {
        if (options == null) {
            return Optional.empty();
        }
        try {
            JsonNode id = JSON.readTree(options).path("ID");
            return id.isValueNode() && CRM_ID.matcher(id.asText()).matches() ? Optional.of(id.asText())
                    : Optional.empty();
        } catch (JsonProcessingException unreadable) {
            return Optional.empty();
        }
    }
}
