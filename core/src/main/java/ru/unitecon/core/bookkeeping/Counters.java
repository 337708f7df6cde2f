package ru.unitecon.core.bookkeeping;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.regex.Pattern;

/**
 * The counters of one month and channel, by attribute name. Zero counters are dropped, so two equal sets of
 * counters are equal however they were reached. Amounts are exact decimals.
 */
public final class Counters {
    /** Cohort ages kept: 0 (the acquisition month) to 11, enough for observed LTV at 1, 3, 6 and 12 months. */
    public static final int COHORT_AGES = 12;
    private static final Pattern NAME = Pattern.compile("[a-zA-Z][a-zA-Z0-9]{0,40}");

    public static final Counters ZERO = new Counters(new TreeMap<>());

    private final SortedMap<String, BigDecimal> values;

    private Counters(SortedMap<String, BigDecimal> values) {
        this.values = values;
    }

    private static final String COHORT_PREFIX = "cohort";
    private static final String OPEN_VISITS_PREFIX = "open";

    public static String cohortRevenueName(int age) {
        return COHORT_PREFIX + "Revenue" + checkAge(age);
    }

    public static String cohortOrdersName(int age) {
        return COHORT_PREFIX + "Orders" + checkAge(age);
    }

    /**
     * The counter of visits still booked or confirmed on a day of the month, in the portal's zone ({@code open01}: the
     * 1st). A visit becomes past without any event, by time alone; these let a read count the open visits of the days
     * gone by, with at most 31 counters per month and channel, however many visits a busy month books.
     */
    public static String openVisitsName(int dayOfMonth) {
        if (dayOfMonth < 1 || dayOfMonth > 31) {
            throw new IllegalArgumentException("a day of the month is 1 to 31");
        }
        return openVisitsKey(dayOfMonth);
    }

    private static String openVisitsKey(int dayOfMonth) {
        return String.format(Locale.ROOT, "%s%02d", OPEN_VISITS_PREFIX, dayOfMonth);
    }

    /** Open visits of the days before {@code dayOfMonth}; {@code 32} counts every day of a month. */
    public long openVisitsBefore(int dayOfMonth) {
        long count = 0;
        for (BigDecimal open : values.subMap(openVisitsKey(0), openVisitsKey(dayOfMonth)).values()) {
            count += open.longValueExact();
        }
        return count;
    }

    /** The cohort counters only (revenue and orders by age), which only the cohort view reads. */
    public Counters cohortPart() {
        return filtered(COHORT_PREFIX, true);
    }

    /** Every counter but the cohort ones: what the overview, channel and trend views read. */
    public Counters monthlyPart() {
        return filtered(COHORT_PREFIX, false);
    }

    /** The open visits by day only, which only the count of past unmarked visits reads. */
    public Counters openVisitsPart() {
        return filtered(OPEN_VISITS_PREFIX, true);
    }

    /** Every counter but the open visits by day: summed over periods they would only slow every other figure down. */
    public Counters withoutOpenVisits() {
        return filtered(OPEN_VISITS_PREFIX, false);
    }

    private Counters filtered(String prefix, boolean matching) {
        SortedMap<String, BigDecimal> part = new TreeMap<>();
        values.forEach((name, value) -> {
            if (name.startsWith(prefix) == matching) {
                part.put(name, value);
            }
        });
        return part.isEmpty() ? ZERO : new Counters(part);
    }

    /** Builds counters from stored attributes; names must be plain identifiers since they become attributes. */
    public static Counters of(Map<String, BigDecimal> values) {
        SortedMap<String, BigDecimal> copy = new TreeMap<>();
        values.forEach((name, value) -> {
            if (!NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("not a counter name: " + name);
            }
            if (value.signum() != 0) {
                copy.put(name, value.stripTrailingZeros());
            }
        });
        return copy.isEmpty() ? ZERO : new Counters(copy);
    }

    public static Counters of(Measure measure, long count) {
        return of(Map.of(measure.attribute(), BigDecimal.valueOf(count)));
    }

    public BigDecimal get(Measure measure) {
        return get(measure.attribute());
    }

    public long count(Measure measure) {
        return get(measure).longValueExact();
    }

    public BigDecimal cohortRevenue(int age) {
        return get(cohortRevenueName(age));
    }

    public long cohortOrders(int age) {
        return get(cohortOrdersName(age)).longValueExact();
    }

    public BigDecimal get(String name) {
        return values.getOrDefault(name, BigDecimal.ZERO);
    }

    public Map<String, BigDecimal> asMap() {
        return Collections.unmodifiableSortedMap(values);
    }

    public boolean isZero() {
        return values.isEmpty();
    }

    public Counters plus(Counters other) {
        return combine(other, BigDecimal::add);
    }

    public Counters minus(Counters other) {
        return combine(other, BigDecimal::subtract);
    }

    public Counters plus(String name, BigDecimal amount) {
        return plus(of(Map.of(name, amount)));
    }

    public Counters plus(Measure measure, long count) {
        return plus(measure.attribute(), BigDecimal.valueOf(count));
    }

    private Counters combine(Counters other, BiFunction<BigDecimal, BigDecimal, BigDecimal> op) {
        if (other.isZero()) {
            return this;
        }
        SortedMap<String, BigDecimal> result = new TreeMap<>(values);
        other.values.forEach((name, value) -> {
            BigDecimal combined = op.apply(result.getOrDefault(name, BigDecimal.ZERO), value);
            if (combined.signum() == 0) {
                result.remove(name);
            } else {
                result.put(name, combined.stripTrailingZeros());
            }
        });
        return result.isEmpty() ? ZERO : new Counters(result);
    }

    private static int checkAge(int age) {
        if (age < 0 || age >= COHORT_AGES) {
            throw new IllegalArgumentException("cohort age must be 0.." + (COHORT_AGES - 1));
        }
        return age;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Counters other && values.equals(other.values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
