package ru.unitecon.core.portal;

import org.junit.jupiter.api.Test;
import ru.unitecon.core.appointments.AppointmentState;

import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReminderPolicyTest {

    @Test
    void theDefaultsAreTheSeeds24And3HoursWithNightsFrom22To8() {
        ReminderPolicy policy = ReminderPolicy.defaults();
        assertEquals(List.of(Duration.ofHours(24), Duration.ofHours(3)), policy.offsets());
        assertTrue(policy.isQuiet(LocalTime.of(22, 0)));
        assertTrue(policy.isQuiet(LocalTime.of(3, 0)));
        assertTrue(policy.isQuiet(LocalTime.of(7, 59)));
        assertFalse(policy.isQuiet(LocalTime.of(8, 0)));
        assertFalse(policy.isQuiet(LocalTime.of(21, 59)));
    }

    @Test
    void aNightThatDoesNotWrapMidnight() {
        ReminderPolicy policy = new ReminderPolicy(List.of(), LocalTime.of(0, 0), LocalTime.of(7, 0),
                Duration.ZERO, null);
        assertTrue(policy.isQuiet(LocalTime.of(0, 0)));
        assertFalse(policy.isQuiet(LocalTime.of(23, 0)));
        assertEquals("", policy.noShowOffer());
    }

    @Test
    void offsetsAreSortedLongestFirstAndRefusedWhenOutOfRange() {
        assertEquals(List.of(Duration.ofHours(24), Duration.ofHours(3)), new ReminderPolicy(
                List.of(Duration.ofHours(3), Duration.ofHours(24)), LocalTime.of(22, 0), LocalTime.of(8, 0),
                Duration.ZERO, "").offsets());
        assertThrows(IllegalArgumentException.class, () -> new ReminderPolicy(List.of(Duration.ofMinutes(5)),
                LocalTime.of(22, 0), LocalTime.of(8, 0), Duration.ZERO, ""));
        assertThrows(IllegalArgumentException.class, () -> new ReminderPolicy(List.of(Duration.ofDays(8)),
                LocalTime.of(22, 0), LocalTime.of(8, 0), Duration.ZERO, ""));
        assertThrows(IllegalArgumentException.class, () -> new ReminderPolicy(
                List.of(Duration.ofHours(3), Duration.ofHours(3)), LocalTime.of(22, 0), LocalTime.of(8, 0),
                Duration.ZERO, ""));
        assertThrows(IllegalArgumentException.class, () -> new ReminderPolicy(List.of(), LocalTime.of(8, 0),
                LocalTime.of(8, 0), Duration.ZERO, ""));
    }

    @Test
    void appointmentFieldsMustBeUserFields() {
        assertTrue(AppointmentFields.appOwn().isAppOwn());
        assertThrows(IllegalArgumentException.class,
                () -> new AppointmentFields("TITLE", null, Map.of()));
        assertThrows(IllegalArgumentException.class,
                () -> new AppointmentFields("UF_CRM_X", "UF_CRM_Y", Map.of("bad stage!",
                        AppointmentState.BOOKED)));
    }
}
