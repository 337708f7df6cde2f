package ru.unitecon.core.bookkeeping;

import ru.unitecon.core.appointments.Appointment;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * What one lead or deal brings to its client: a touch (when, through which channel and {@code UTM_CAMPAIGN} value),
 * maybe an order, and for a deal maybe a visit (a lead's visits are counted under the lead's own channel instead).
 *
 * @param campaign the touch's normalized {@code UTM_CAMPAIGN} ({@link CampaignCell#normalized}), or null
 */
public record ClientMember(Instant touchedAt, String channel, Order order, Appointment visit, String campaign) {

    /**
     * An order on a calendar day of the portal.
     *
     * @param amount the order's value in the reporting currency, or null when its currency has no rate on the
     *               portal: such an order is counted as not counted, never as revenue
     * @param master the responsible user (ASSIGNED_BY_ID) of the order's deal or lead, an id only, or null
     */
    public record Order(LocalDate day, BigDecimal amount, Long master) {
        public Order {
            Objects.requireNonNull(day, "day");
        }

        public boolean isCounted() {
            return amount != null;
        }
    }

    public ClientMember {
        Objects.requireNonNull(touchedAt, "touchedAt");
        Objects.requireNonNull(channel, "channel");
        campaign = CampaignCell.normalized(campaign);
    }

    /** A touch without a {@code UTM_CAMPAIGN}. */
    public ClientMember(Instant touchedAt, String channel, Order order, Appointment visit) {
        this(touchedAt, channel, order, visit, null);
    }
}
