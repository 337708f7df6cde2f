package ru.unitecon.core.clients;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Objects;

/**
 * A client who became lost in a month, as the retention counters count it, drawn from stored ids and figures only.
 *
 * @param clientKey the client ({@code C501} a contact, {@code L42} a lone lead, {@code D7} a lone deal)
 * @param channel   the channel the client counts under
 * @param master    the responsible user of its first order, or null for none
 * @param lastOrder the day of its latest counted order
 * @param orders    its counted orders
 * @param revenue   their sum in the reporting currency
 * @param lostIn    the month it became lost: the first after the active window of its latest order
 */
public record LostClient(String clientKey, String channel, Long master, LocalDate lastOrder, long orders,
                         BigDecimal revenue, YearMonth lostIn) {

    public LostClient {
        Objects.requireNonNull(clientKey, "clientKey");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(lastOrder, "lastOrder");
        Objects.requireNonNull(revenue, "revenue");
        Objects.requireNonNull(lostIn, "lostIn");
    }

    /**
     * The path of the client's CRM card on the portal: its contact's, else the lead's or deal's it is, so the link
     * needs no name, only the id.
     */
    public String crmPath() {
        String kind = switch (clientKey.charAt(0)) {
            case 'C' -> "contact";
            case 'L' -> "lead";
            case 'D' -> "deal";
            default -> throw new IllegalStateException("not a client key: " + clientKey);
        };
        return "crm/" + kind + "/details/" + clientKey.substring(1) + "/";
    }
}
