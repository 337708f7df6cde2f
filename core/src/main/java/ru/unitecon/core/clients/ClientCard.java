package ru.unitecon.core.clients;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * One client as the CRM card's tab shows it, drawn only from the ids, channels, times, states and amounts the app
 * stores: no name, phone or message is needed, or kept, to draw it.
 *
 * @param channel          the channel of the client's first touch
 * @param campaign         the UTM campaign of that touch, if it had one
 * @param visits           visits the client came to (marked attended)
 * @param orders           orders counted in the reporting currency
 * @param revenue          their sum
 * @param ordersNotCounted orders in a currency the portal has no rate for, left out of revenue
 * @param noShows          visits the client did not come to
 * @param nextVisit        the soonest visit still to come, booked or confirmed
 * @param observedLtv      what the client has brought so far: revenue less the variable cost of the orders
 * @param lastOrder        the day of the latest order
 */
public record ClientCard(String channel, Optional<String> campaign, long visits, long orders, BigDecimal revenue,
                         long ordersNotCounted, long noShows, Optional<Instant> nextVisit, BigDecimal observedLtv,
                         Optional<LocalDate> lastOrder, Status status) {

    /** Whether the client still buys: active within the portal's active-client window after an order, then lost. */
    public enum Status { ACTIVE, LOST, NOT_YET_CLIENT }

    public ClientCard {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(campaign, "campaign");
        Objects.requireNonNull(revenue, "revenue");
        Objects.requireNonNull(nextVisit, "nextVisit");
        Objects.requireNonNull(observedLtv, "observedLtv");
        Objects.requireNonNull(lastOrder, "lastOrder");
        Objects.requireNonNull(status, "status");
    }
}
