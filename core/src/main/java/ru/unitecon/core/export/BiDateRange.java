package ru.unitecon.core.export;

import ru.unitecon.core.bitrix.inbound.MalformedRequest;
import ru.unitecon.core.metrics.Period;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The date range BI Builder puts on a dataset's date field, turned into the months to read. BI Builder sends
 * {@code filter[>=MONTH]=01.05.2025} and {@code filter[<=MONTH]=31.05.2025 23:59:59} in the portal's site format
 * (d.m.Y on Russian portals, m/d/Y on English ones); {@code >}, {@code <} and {@code ><} ([from, to]) come from
 * its numeric filters. The months are those the range touches: BI Builder filters the rows again, so a month too
 * many costs nothing while a month too few would lose rows. Other filter keys (dimension filters such as
 * {@code =CHANNEL}, nested OR groups) are left to BI Builder for the same reason.
 */
record BiDateRange(Optional<LocalDate> from, Optional<LocalDate> to) {
    private static final Pattern KEY = Pattern.compile("(><|>=|<=|>|<)(.+)");
    /** d.m.Y, optionally with a time. */
    private static final Pattern DOTTED = Pattern.compile("(\\d{1,2})\\.(\\d{1,2})\\.(\\d{4})(?:\\s+\\d{1,2}:\\d{2}(?::\\d{2})?)?");
    /** Y-m-d, optionally with a time and an offset. */
    private static final Pattern ISO = Pattern.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2})(?:[ T]\\d{1,2}:\\d{2}(?::\\d{2})?\\S*)?");
    /** m/d/Y, optionally with a time and am/pm. */
    private static final Pattern SLASHED =
            Pattern.compile("(\\d{1,2})/(\\d{1,2})/(\\d{4})(?:\\s+\\d{1,2}:\\d{2}(?::\\d{2})?(?:\\s*[aApP][mM])?)?");

    /**
     * @throws MalformedRequest when a bound on the date field is not a date in one of the formats above
     */
    static BiDateRange of(BiDataset<?> dataset, Map<String, Object> filter) {
        BiDataset.Field<?> dateField = dataset.dateField();
        Optional<LocalDate> from = Optional.empty();
        Optional<LocalDate> to = Optional.empty();
        for (Map.Entry<String, Object> entry : filter.entrySet()) {
            Matcher key = KEY.matcher(entry.getKey());
            if (!key.matches() || dataset.field(key.group(2)).filter(dateField::equals).isEmpty()) {
                continue;
            }
            String operator = key.group(1);
            if (operator.equals("><")) {
                List<LocalDate> bounds = bounds(entry.getValue());
                from = later(from, bounds.get(0));
                to = earlier(to, bounds.get(1));
            } else if (operator.startsWith(">")) {
                from = later(from, date(entry.getValue()));
            } else {
                to = earlier(to, date(entry.getValue()));
            }
        }
        return new BiDateRange(from, to);
    }

    /**
     * The months to read, given the current month in the portal's zone: the default twelve months without a
     * range; from a lone start to the current month; twelve months to a lone end; of a range longer than
     * {@value MetricsExport#MAX_MONTHS} months, the last {@value MetricsExport#MAX_MONTHS}. Empty when the range
     * ends before it starts.
     */
    Optional<Period> months(YearMonth current) {
        YearMonth last = to.map(YearMonth::from).orElseGet(() ->
                from.map(YearMonth::from).filter(start -> start.isAfter(current)).orElse(current));
        YearMonth first = from.map(YearMonth::from)
                .orElse(last.minusMonths(MetricsExport.DEFAULT_MONTHS - 1));
        if (last.isBefore(first)) {
            return Optional.empty();
        }
        YearMonth earliest = last.minusMonths(MetricsExport.MAX_MONTHS - 1);
        return Optional.of(new Period(first.isBefore(earliest) ? earliest : first, last));
    }

    private static List<LocalDate> bounds(Object value) {
        if (!(value instanceof Map<?, ?> pair) || !(pair.get("0") instanceof String start)
                || !(pair.get("1") instanceof String end)) {
            throw new MalformedRequest("a >< filter takes two dates: [from, to]");
        }
        return List.of(date(start), date(end));
    }

    private static LocalDate date(Object value) {
        if (!(value instanceof String text)) {
            throw new MalformedRequest("a date filter takes one date");
        }
        String date = text.strip();
        try {
            Matcher match = DOTTED.matcher(date);
            if (match.matches()) {
                return LocalDate.of(number(match, 3), number(match, 2), number(match, 1));
            }
            match = ISO.matcher(date);
            if (match.matches()) {
                return LocalDate.of(number(match, 1), number(match, 2), number(match, 3));
            }
            match = SLASHED.matcher(date);
            if (match.matches()) {
                return LocalDate.of(number(match, 3), number(match, 1), number(match, 2));
            }
        } catch (DateTimeException notADay) {
            // falls through to the same refusal as any other text
        }
        throw new MalformedRequest("date filter values are dates: 31.05.2025, 2025-05-31 or 05/31/2025,"
                + " optionally with a time");
    }

    private static int number(Matcher match, int group) {
        return Integer.parseInt(match.group(group));
    }

    private static Optional<LocalDate> later(Optional<LocalDate> current, LocalDate bound) {
        return Optional.of(current.filter(date -> date.isAfter(bound)).orElse(bound));
    }

    private static Optional<LocalDate> earlier(Optional<LocalDate> current, LocalDate bound) {
        return Optional.of(current.filter(date -> date.isBefore(bound)).orElse(bound));
    }
}
