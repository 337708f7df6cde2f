package ru.unitecon.ui.data;

import ru.unitecon.core.metrics.Period;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * The periods a dashboard offers, newest first: the last 24 months, the last 8 quarters, or any run of months
 * within those 24.
 */
public final class PeriodChoices {
    /** How far back the choices, and the search for the last month with data, go. */
    public static final int MONTHS = 24;
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

    /**
     * The overview's first period: the last complete month with any data. An owner opening the app on the 5th would
     * otherwise read five days' figures as a month's; a portal whose first data is this month's gets this month.
     *
     * @param monthsWithData months with any lead, order, appointment or spend
     */
    public static Period lastCompleteMonthWithData(YearMonth current, Set<YearMonth> monthsWithData) {
        return monthsWithData.stream().filter(month -> month.isBefore(current)).max(YearMonth::compareTo)
                .map(Period::month).orElse(Period.month(current));
    }

    /**
     * A period asked for in a link ({@code ?from=2026-02&to=2026-02}, as the overview's actions link): months within
     * the choices, in order; anything else is ignored and the view opens on its default.
     */
    public static Optional<Period> fromQuery(Map<String, List<String>> query, YearMonth current) {
        try {
            YearMonth from = YearMonth.parse(query.getOrDefault("from", List.of("")).getFirst());
            YearMonth to = YearMonth.parse(query.getOrDefault("to", List.of("")).getFirst());
            YearMonth earliest = current.minusMonths(MONTHS - 1L);
            return to.isAfter(current) || from.isBefore(earliest) ? Optional.empty() : custom(from, to);
        } catch (DateTimeParseException | NoSuchElementException notAMonth) {
            return Optional.empty();
        }
    }

    /** The query parameters that {@link #fromQuery} reads back. */
    public static Map<String, List<String>> toQuery(Period period) {
        return Map.of("from", List.of(period.from().toString()), "to", List.of(period.to().toString()));
    }

    public static Period quarterOf(YearMonth month) {
        return Period.quarter(month.getYear(), (month.getMonthValue() - 1) / 3 + 1);
    }
}
