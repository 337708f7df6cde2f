package ru.unitecon.core.bookkeeping;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * The retention counters, kept per month, channel and master: the client's master is the responsible user
 * (ASSIGNED_BY_ID) of the deal of its first order. The master's id is part of the counter's name
 * ({@code cohortRetClientsM17}, {@code cohortRetClientsN} without one), so a month × channel cell holds every master
 * and the view reads as many cells as the dashboards do. The names start with {@code cohort} because they live in the
 * cohort items, which only the cohort and retention views read.
 */
public enum RetentionMeasure {
    /** Clients whose first order fell in the month (their acquisition month). */
    CLIENTS("Clients"),
    /** Of those, clients with a second order, ever. */
    RETURNING("Returning"),
    /** Of those, clients whose second order came within the second-visit window of the first. */
    SECOND_IN_TIME("Second"),
    /** Of those, all their orders, ever. */
    ORDERS("Orders"),
    /** Of those, all their revenue, ever. */
    REVENUE("Revenue"),
    /** Of those, the days from the first order to the last (the sum of the days between consecutive orders). */
    GAP_DAYS("GapDays"),
    /** Orders placed in the month, whichever month their client came. */
    MONTH_ORDERS("MonthOrders"),
    /**
     * Clients who became active in the month: their first order, or an order after they were lost. Kept as
     * changes rather than per active month so that a client's update touches its order months only; the clients
     * active at a month are the sum of these less {@link #BECAME_LOST} up to it.
     */
    BECAME_ACTIVE("Came"),
    /** Clients who became lost in the month: the first month after the active window of an order with no later one. */
    BECAME_LOST("Lost");

    private static final String PREFIX = "cohortRet";
    private static final String NO_MASTER = "N";
    private static final String MASTER = "M";

    private final String name;

    RetentionMeasure(String name) {
        this.name = name;
    }

    /** The counter of this measure for one master; no master (a lead's order, a deal without one) is its own. */
    public String counter(Long master) {
        return PREFIX + name + (master == null ? NO_MASTER : MASTER + master);
    }

    /** The master a counter of this measure belongs to: empty for another measure, a present empty for none. */
    public Optional<OptionalLong> masterOf(String counter) {
        String start = PREFIX + name;
        if (!counter.startsWith(start)) {
            return Optional.empty();
        }
        String rest = counter.substring(start.length());
        if (rest.equals(NO_MASTER)) {
            return Optional.of(OptionalLong.empty());
        }
        if (rest.length() > 1 && rest.startsWith(MASTER) && rest.chars().skip(1).allMatch(Character::isDigit)) {
            return Optional.of(OptionalLong.of(Long.parseLong(rest.substring(1))));
        }
        return Optional.empty();
    }
}
