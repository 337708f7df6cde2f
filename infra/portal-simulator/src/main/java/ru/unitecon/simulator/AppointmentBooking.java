package ru.unitecon.simulator;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Gives a generated salon the appointments a front desk would have typed into the app's user fields, once the
 * app's install has created them on the portal: past visits of closed deals (attended when won, no-show or
 * cancelled when lost), and for open deals and for leads in the "appointment" status a booked or confirmed visit
 * in the next days during opening hours. The simulator knows nothing of the app, so the fields and the states are
 * named here as the app names them on the portal: the states are the XML_IDs of the state field's items.
 */
public final class AppointmentBooking {
    public static final String TIME_FIELD = "UF_CRM_UE_APPT_AT";
    public static final String STATE_FIELD = "UF_CRM_UE_APPT_STATE";
    public static final String BOOKED = "BOOKED";
    public static final String CONFIRMED = "CONFIRMED";
    public static final String ATTENDED = "ATTENDED";
    public static final String NO_SHOW = "NO_SHOW";
    public static final String CANCELLED = "CANCELLED";
    private static final List<String> STATES = List.of(BOOKED, CONFIRMED, ATTENDED, NO_SHOW, CANCELLED);
    private static final DateTimeFormatter WIRE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");

    private AppointmentBooking() {
    }

    /**
     * Writes the appointments of the dataset's deals and leads into the portal's records.
     *
     * @param seed the same seed gives the same open visits
     * @param now  the open visits fall on the five days after the day {@code now} falls on in {@code zone}
     * @return how many records got an appointment
     */
    public static int book(SimulatedPortal portal, Dataset dataset, long seed, ZoneId zone, Instant now) {
        Map<String, String> leadItems = stateItems(portal, CrmEntityType.LEAD);
        Map<String, String> dealItems = stateItems(portal, CrmEntityType.DEAL);
        Random random = new Random(seed);
        int booked = 0;
        for (Map<String, Object> deal : dataset.deals()) {
            String state = switch (String.valueOf(deal.get("STAGE_SEMANTIC_ID"))) {
                case "S" -> ATTENDED;
                case "F" -> "APOLOGY".equals(deal.get("STAGE_ID")) ? NO_SHOW : CANCELLED;
                default -> random.nextInt(3) == 0 ? BOOKED : CONFIRMED;
            };
            boolean open = state.equals(BOOKED) || state.equals(CONFIRMED);
            Instant at = open ? upcoming(random, zone, now) : pastVisit(deal);
            portal.updateDeal(id(deal), appointment(at, zone, dealItems.get(state)));
            booked++;
        }
        for (Map<String, Object> lead : dataset.leads()) {
            if ("UC_APPOINTMENT".equals(lead.get("STATUS_ID"))) {
                portal.updateLead(id(lead), appointment(upcoming(random, zone, now), zone, leadItems.get(BOOKED)));
                booked++;
            }
        }
        return booked;
    }

    /** A generated closed deal was last changed two hours after the visit. */
    private static Instant pastVisit(Map<String, Object> deal) {
        return OffsetDateTime.parse(String.valueOf(deal.get("DATE_MODIFY"))).toInstant().minus(Duration.ofHours(2));
    }

    /** A slot on one of the next five days between 10:00 and 19:30, on the hour or half hour. */
    private static Instant upcoming(Random random, ZoneId zone, Instant now) {
        LocalDate day = now.atZone(zone).toLocalDate().plusDays(1 + random.nextInt(5));
        ZonedDateTime slot = day.atTime(10, 0).atZone(zone).plusMinutes(30L * random.nextInt(20));
        return slot.toInstant();
    }

    private static Map<String, Object> appointment(Instant at, ZoneId zone, String stateItem) {
        return Map.of(TIME_FIELD, WIRE_TIME.format(at.atZone(zone)), STATE_FIELD, stateItem);
    }

    /** The enumeration item ids the portal gave the app's appointment states, by XML_ID. */
    private static Map<String, String> stateItems(SimulatedPortal portal, CrmEntityType type) {
        UserField field = portal.userFields(type).stream()
                .filter(candidate -> candidate.fieldName().equals(STATE_FIELD))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("the install did not create " + STATE_FIELD + " on "
                        + type));
        Map<String, String> items = new HashMap<>();
        if (field.definition().get("LIST") instanceof List<?> list) {
            for (Object item : list) {
                if (item instanceof Map<?, ?> entry) {
                    items.put(String.valueOf(entry.get("XML_ID")).toUpperCase(Locale.ROOT),
                            String.valueOf(entry.get("ID")));
                }
            }
        }
        if (!items.keySet().containsAll(STATES)) {
            throw new IllegalStateException(STATE_FIELD + " lacks items: " + items.keySet());
        }
        return items;
    }

    private static long id(Map<String, Object> record) {
        return Long.parseLong(String.valueOf(record.get("ID")));
    }
}
