package ru.unitecon.core.bookkeeping;

/**
 * The additive counters kept per month and channel. The name is the DynamoDB attribute of an aggregate item.
 * Cohort counters ({@link Counters#cohortRevenue(int)}) are indexed by age and named separately.
 */
public enum Measure {
    /** Leads created in the month. */
    LEADS("leads"),
    /** Leads created in the month that carry an appointment. */
    LEADS_WITH_APPOINTMENT("leadsBooked"),
    /** Clients whose first order fell in the month. */
    NEW_CLIENTS("newClients"),
    ORDERS("orders"),
    REVENUE("revenue"),
    /** Orders left out of orders and revenue: their currency has no rate on the portal. */
    UNCOUNTED_ORDERS("ordersNotCounted"),
    /** Distinct clients with at least one order in the month. */
    BUYERS("buyers"),
    /** Clients with an order in the trailing active window that ends with the month. */
    ACTIVE_CLIENTS("activeClients"),
    /**
     * Appointments whose time falls in the month, in any state. Those still booked or confirmed are also counted
     * by day ({@link Counters#openVisitsName}), so that a read can tell which of them are past.
     */
    APPOINTMENTS("appointments"),
    CONFIRMED("confirmed"),
    ATTENDED("attended"),
    NO_SHOWS("noShows"),
    CANCELLED("cancelled"),
    /** Leads created in the month with a known first response (the rest of {@link #LEADS} are unanswered). */
    RESPONDED("responded"),
    /** Of those, answered within 5 minutes of their creation. */
    RESPONDED_IN_5("respondedIn5"),
    /** Of those, answered within 15 minutes of their creation. */
    RESPONDED_IN_15("respondedIn15"),
    /** Of those, the seconds from creation to first response, summed (for the average). */
    RESPONSE_SECONDS("responseSeconds");

    private final String attribute;

    Measure(String attribute) {
        this.attribute = attribute;
    }

    public String attribute() {
        return attribute;
    }
}
