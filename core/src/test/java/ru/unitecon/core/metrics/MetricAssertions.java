package ru.unitecon.core.metrics;

import java.math.BigDecimal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Compares metric values by number, not by BigDecimal scale. */
final class MetricAssertions {
    private MetricAssertions() {
    }

    static void assertValue(String expected, MetricValue actual) {
        assertTrue(actual.isDefined(), () -> "expected " + expected + " but was " + actual);
        assertAmount(expected, actual.value());
    }

    static void assertAmount(String expected, BigDecimal actual) {
        assertEquals(0, new BigDecimal(expected).compareTo(actual), () -> "expected " + expected + " but was " + actual);
    }

    static void assertUndefined(MetricValue actual) {
        assertFalse(actual.isDefined(), () -> "expected undefined but was " + actual);
    }
}
