package ru.unitecon.ui.data;

import ru.unitecon.core.metrics.Period;

import java.time.YearMonth;
import java.util.List;
import java.util.stream.IntStream;

/** The periods a dashboard offers, newest first: the last 24 months, or the last 8 quarters. */
public final class PeriodChoices {
    private static final int MONTHS = 24;
    private static final int QUARTERS = 8;

    public enum Kind { MONTH, QUARTER }

    private PeriodChoices() {
    }

    public static List<Period> of(Kind kind, YearMonth current) {
        return switch (kind) {
            case MONTH -> IntStream.range(0, MONTHS).mapToObj(back -> Period.month(current.minusMonths(back)))
                    .toList();
            case QUARTER -> {
                Period currentQuarter = quarterOf(current);
                yield IntStream.range(0, QUARTERS)
                        .mapToObj(back -> Period.endingWith(currentQuarter.to().minusMonths(3L * back), 3))
                        .toList();
            }
        };
    }

    public static Period quarterOf(YearMonth month) {
        return Period.quarter(month.getYear(), (month.getMonthValue() - 1) / 3 + 1);
    }
}
