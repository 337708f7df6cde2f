package ru.unitecon.core.reminders;

import org.junit.jupiter.api.Test;
import ru.unitecon.core.portal.ReminderPolicy;

import java.time.Duration;
import java.time.LocalTime;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ReminderWindowTest {

    @Test
    void aPassLooksAheadTheLongestOffsetPlusTheLongestNightOfTheInstalledPortals() {
        ReminderPolicy weekAhead = new ReminderPolicy(List.of(Duration.ofDays(2)), LocalTime.of(0, 0),
                LocalTime.of(7, 0), Duration.ofHours(1), "");

        assertEquals(Duration.ofHours(34), ReminderService.lookAhead(List.of(ReminderPolicy.defaults())));
        assertEquals(Duration.ofHours(55), ReminderService.lookAhead(List.of(ReminderPolicy.defaults(), weekAhead)));
    }

    @Test
    void aPassLooksBackTheLongestMarkDelayPlusADayOfCatchUp() {
        ReminderPolicy slowMarking = new ReminderPolicy(List.of(), LocalTime.of(22, 0), LocalTime.of(8, 0),
                Duration.ofHours(30), "");

        assertEquals(Duration.ofHours(26), ReminderService.lookBehind(List.of(ReminderPolicy.defaults())));
        assertEquals(Duration.ofHours(54), ReminderService.lookBehind(List.of(ReminderPolicy.defaults(), slowMarking)));
    }
}
