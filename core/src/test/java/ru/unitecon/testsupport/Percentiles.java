package ru.unitecon.testsupport;

import java.util.Arrays;

/** Nearest-rank percentiles of measured timings, for the benchmark mains. */
public final class Percentiles {
    private Percentiles() {
    }

    public static double of(double[] values, int percent) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[Math.max(0, (int) Math.ceil(percent / 100.0 * sorted.length) - 1)];
    }
}
