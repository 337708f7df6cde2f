package ru.unitecon.ui.format;

import org.junit.jupiter.api.Test;
import ru.unitecon.core.metrics.Change;
import ru.unitecon.core.metrics.MetricValue;
import ru.unitecon.core.metrics.Period;
import ru.unitecon.ui.entry.PortalSession;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;

class FiguresTest {
    private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
    private final Figures russian = new Figures(PortalSession.RUSSIAN, "RUB", MOSCOW);
    private final Figures english = new Figures(Locale.ENGLISH, "RUB", MOSCOW);

    /** Russian formats group digits with no-break spaces; the expectations are typed with plain ones. */
    private static String plain(String text) {
        return text.replace('\u00a0', ' ').replace('\u202f', ' ');
    }

    @Test
    void moneyIsInWholeRoublesWithTheRoubleSign() {
        assertEquals("1 200 ₽", plain(russian.money(new BigDecimal("1200.40"))));
    }

    @Test
    void englishWritesTheSameAmountTheEnglishWay() {
        assertEquals("RUB 1,200", plain(english.money(new BigDecimal("1200"))));
    }

    @Test
    void anUndefinedMetricIsADashNeverZero() {
        MetricValue noClients = MetricValue.undefined("no new clients");

        assertEquals("—", russian.money(noClients));
        assertEquals("—", russian.percent(noClients));
        assertEquals("—", russian.decimal(noClients));
    }

    @Test
    void sharesArePercentagesWithOneDecimal() {
        assertEquals("15,3 %", plain(russian.percent(MetricValue.of(new BigDecimal("0.153")))));
        assertEquals("15.3%", english.percent(MetricValue.of(new BigDecimal("0.153"))));
    }

    @Test
    void ltvToCacHasOneDecimal() {
        assertEquals("34,3", russian.decimal(MetricValue.of(new BigDecimal("34.2857"))));
    }

    @Test
    void aChangeIsSignedAndRelativeToThePreviousPeriod() {
        Change rise = Change.between(MetricValue.of(12_000), MetricValue.of(8_000));
        Change fall = Change.between(MetricValue.of(700), MetricValue.of(1_200));

        assertEquals("+50,0 %", plain(russian.change(rise)));
        assertEquals("−41,7 %", plain(russian.change(fall)));
    }

    @Test
    void aChangeFromNothingIsADash() {
        assertEquals("—", russian.change(Change.between(MetricValue.of(500), MetricValue.of(0))));
    }

    @Test
    void dataAsOfIsInThePortalsTimeZone() {
        assertEquals("20 мар. 2026 г., 12:00", plain(russian.dateTime(Instant.parse("2026-03-20T09:00:00Z"))));
    }

    @Test
    void periodsReadAsMonthsAndQuarters() {
        assertEquals("март 2026", russian.period(Period.month(YearMonth.of(2026, 3))));
        assertEquals("Q1 2026", english.period(Period.quarter(2026, 1)));
    }
}
