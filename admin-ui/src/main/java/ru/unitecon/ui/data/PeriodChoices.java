package ru.unitecon.ui.data;

import ru.unitecon.core.metrics.Period;

import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * The periods a dashboard offers, newest first: the last 24 months, the last 8 quarters, or any run of months
 * within those 24.
 */
public final class PeriodChoices {
    private static final int MONTHS = 24;
    private static final int QUARTERS = 8;

    public enum Kind { MONTH, QUARTER, CUSTOM }

    private PeriodChoices() {
    }

    /** The single months or the quarters; a custom period is chosen from {@link #months} instead. */
    public static List<Period> of(Kind kind, YearMonth current) {
        return switch (kind) {
            case MONTH, CUSTOM -> months(current).stream().map(Period::month).toList();
            case QUARTER -> {
                Period currentQuarter = quarterOf(current);
                yield IntStream.range(0, QUARTERS)
                        .mapToObj(back -> Period.endingWith(currentQuarter.to().minusMonths(3L * back), 3))
                        .toList();
            }
        };
    }

    /** The months a custom period may start or end with, newest first. */
    public static List<YearMonth> months(YearMonth current) {
        return IntStream.range(0, MONTHS).mapToObj(current::minusMonths).toList();
    }

    /** The months from {@code from} to {@code to}, or nothing when they are in the wrong order. */
    public static Optional<Period> custom(YearMonth from, YearMonth to) {
        return to.isBefore(from) ? Optional.empty() : Optional.of(new Period(from, to));
    }

    /** The custom period first offered: the current month and the two before it. */
    public static Period defaultCustom(YearMonth current) {
        return Period.endingWith(current, 3);
    }

    public static Period quarterOf(YearMonth month) {
        return Period.quarter(month.getYear(), (month.getMonthValue() - 1) / 3 + 1);
    }
}
