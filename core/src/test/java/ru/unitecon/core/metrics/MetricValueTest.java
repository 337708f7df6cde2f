package ru.unitecon.core.metrics;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.NoSuchElementException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static ru.unitecon.core.metrics.MetricAssertions.assertAmount;
import static ru.unitecon.core.metrics.MetricAssertions.assertValue;

class MetricValueTest {

    @Test
    void ratioIsUndefinedWhenThereIsNothingToDivideBy() {
        MetricValue ratio = MetricValue.ratio(BigDecimal.TEN, BigDecimal.ZERO, "no orders");

        assertEquals(MetricValue.undefined("no orders"), ratio);
    }

    @Test
    void ratioKeepsSixDecimalsRoundingHalfToEven() {
        assertValue("0.333333", MetricValue.ratio(BigDecimal.ONE, BigDecimal.valueOf(3), "-"));
        assertValue("0.000002", MetricValue.ratio(new BigDecimal("0.0000025"), BigDecimal.ONE, "-"));
    }

    @Test
    void arithmeticWithAnUndefinedValueIsUndefinedForTheSameReason() {
        MetricValue undefined = MetricValue.undefined("no new clients");

        assertEquals(undefined, MetricValue.of(5).plus(undefined));
        assertEquals(undefined, undefined.minus(MetricValue.of(5)));
        assertEquals(undefined, MetricValue.of(5).times(undefined));
        assertEquals(undefined, undefined.dividedBy(MetricValue.of(5), "-"));
    }

    @Test
    void undefinedHasNoValueButFallsBackToTheGivenOne() {
        MetricValue undefined = MetricValue.undefined("no orders");

        assertThrows(NoSuchElementException.class, undefined::value);
        assertAmount("7", undefined.orElse(BigDecimal.valueOf(7)));
    }

    @Test
    void comparisonsWithAnUndefinedValueAreNeverTrue() {
        MetricValue undefined = MetricValue.undefined("no orders");

        assertFalse(undefined.isGreaterThan(MetricValue.of(1)));
        assertFalse(MetricValue.of(1).isLessThan(undefined));
        assertFalse(undefined.isAtLeast(undefined));
    }
}
