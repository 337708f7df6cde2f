package ru.unitecon.core.metrics;

import org.junit.jupiter.api.Test;
import ru.unitecon.core.appointments.Appointment;
import ru.unitecon.core.appointments.AppointmentState;
import ru.unitecon.core.attribution.LeadSource;
import ru.unitecon.core.bookkeeping.Bookkeeping;
import ru.unitecon.core.bookkeeping.Contribution;
import ru.unitecon.core.bookkeeping.FirstResponse;
import ru.unitecon.core.bookkeeping.LeadRecord;
import ru.unitecon.core.crm.Semantic;
import ru.unitecon.core.currency.Amount;
import ru.unitecon.core.portal.PortalSettings;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static ru.unitecon.core.metrics.MetricAssertions.assertUndefined;
import static ru.unitecon.core.metrics.MetricAssertions.assertValue;

/** docs/metrics.md's response speed example, by hand: four VK leads and one Instagram lead in January 2026. */
class ResponseSpeedTest {
    private static final Period JANUARY = Period.month(YearMonth.of(2026, 1));

    private static Instant moscow(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(ZoneId.of("Europe/Moscow")).toInstant();
    }

    private static LeadRecord lead(long id, String channel, String created, String answered, boolean booked) {
        FirstResponse response = answered == null ? null
                : new FirstResponse(moscow(answered), FirstResponse.Source.ACTIVITY);
        Appointment visit = booked ? new Appointment(moscow("2026-01-20T12:00"), AppointmentState.BOOKED, false)
                : null;
        return new LeadRecord(id, moscow(created), moscow(created), LeadSource.ofUtm(channel, null, null),
                Semantic.IN_PROGRESS, null, Amount.NONE, 1L, channel, visit, false, response);
    }

    private final ResponseSpeed speed;

    ResponseSpeedTest() {
        Bookkeeping bookkeeping = new Bookkeeping(PortalSettings.defaults());
        Contribution c = new Contribution();
        List.of(lead(1, "vk", "2026-01-12T09:10", "2026-01-12T09:13", true),
                        lead(2, "vk", "2026-01-12T09:40", "2026-01-12T09:52", false),
                        lead(3, "vk", "2026-01-12T22:05", "2026-01-12T23:05", true),
                        lead(4, "vk", "2026-01-13T22:30", null, false),
                        lead(5, "instagram", "2026-01-14T09:05", "2026-01-14T09:07", true))
                .forEach(lead -> c.add(bookkeeping.contributionOf(lead)));
        speed = new ResponseSpeed(c.cells());
    }

    @Test
    void byChannel() {
        List<ResponseRow> rows = speed.byChannel(JANUARY);

        ResponseRow vk = rows.getFirst();
        assertEquals(Optional.of("vk"), vk.channel(), "the most leads first");
        assertEquals(4, vk.leads());
        assertEquals(1, vk.unanswered());
        assertValue("0.25", vk.within5Share());
        assertValue("0.5", vk.within15Share());
        assertValue("25", vk.averageMinutes());
        assertValue("0.5", vk.leadToVisitConversion());
        ResponseRow instagram = rows.get(1);
        assertValue("1", instagram.within5Share());
        assertValue("2", instagram.averageMinutes());
    }

    @Test
    void total() {
        ResponseRow all = speed.total(JANUARY);

        assertEquals(5, all.leads());
        assertValue("0.4", all.within5Share());
        assertValue("0.6", all.within15Share());
        assertValue("19.25", all.averageMinutes());
        assertValue("0.6", all.leadToVisitConversion());
    }

    @Test
    void byHourOfCreation() {
        List<ResponseRow> hours = speed.byHour(JANUARY, Optional.empty());
        List<ResponseRow> vkHours = speed.byHour(JANUARY, Optional.of("vk"));

        assertEquals(24, hours.size());
        assertEquals(3, hours.get(9).leads());
        assertValue("0.666667", hours.get(9).within5Share());
        assertValue("1", hours.get(9).within15Share());
        assertEquals(2, hours.get(22).leads());
        assertValue("0", hours.get(22).within15Share());
        assertUndefined(hours.get(3).within5Share());
        assertValue("0.5", vkHours.get(9).within5Share());
    }

    @Test
    void aMonthWithoutLeadsIsUndefinedNotZero() {
        ResponseRow february = speed.total(Period.month(YearMonth.of(2026, 2)));

        assertEquals(0, february.leads());
        assertUndefined(february.within5Share());
        assertUndefined(february.averageMinutes());
    }
}
