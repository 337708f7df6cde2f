package ru.unitecon.core.ledger;

import ru.unitecon.core.appointments.Appointment;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * What one lead or deal brings to its client: a touch (when, through which channel), maybe an order, and for a
 * deal maybe a visit (a lead's visits are counted under the lead's own channel instead).
 */
public record ClientMember(Instant touchedAt, String channel, Order order, Appointment visit) {

    public record Order(Instant at, BigDecimal amount) {
        public Order {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(amount, "amount");
        }
    }

    public ClientMember {
        Objects.requireNonNull(touchedAt, "touchedAt");
        Objects.requireNonNull(channel, "channel");
    }
}
