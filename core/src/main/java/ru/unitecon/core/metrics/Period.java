package ru.unitecon.core.metrics;

import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/** Calendar months from {@code from} to {@code to}, both included, in the portal's time zone. */
public record Period(YearMonth from, YearMonth to) {

    public Period {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("a period cannot end (" + to + ") before it starts (" + from + ")");
        }
    }

    public static Period month(YearMonth month) {
        return new Period(month, month);
    }

    public static Period quarter(int year, int quarter) {
        if (quarter < 1 || quarter > 4) {
            throw new IllegalArgumentException("a quarter is 1 to 4, got " + quarter);
        }
        YearMonth first = YearMonth.of(year, 3 * quarter - 2);
        return new Period(first, first.plusMonths(2));
    }

    /** The {@code length} months that end with {@code last}. */
    public static Period endingWith(YearMonth last, int length) {
        if (length < 1) {
            throw new IllegalArgumentException("a period has at least one month");
        }
        return new Period(last.minusMonths(length - 1L), last);
    }

    public int length() {
        return (int) ChronoUnit.MONTHS.between(from, to) + 1;
    }

    public List<YearMonth> months() {
        return Stream.iterate(from, m -> !m.isAfter(to), m -> m.plusMonths(1)).toList();
    }

    public boolean contains(YearMonth month) {
        return !month.isBefore(from) && !month.isAfter(to);
    }

    /** The period of the same length just before this one, for "change against the previous period". */
    public Period previous() {
        return endingWith(from.minusMonths(1), length());
    }
}
