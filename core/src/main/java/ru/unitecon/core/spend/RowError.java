package ru.unitecon.core.spend;

/**
 * A spend row that cannot be taken.
 *
 * @param row   the row's line in a file (the first line is 1), or its position in a JSON list (from 1); 0 when the
 *              problem is the whole request's
 * @param value the offending text as given, or empty
 */
public record RowError(int row, SpendProblem problem, String value) {
    /** The reason in English, with the offending value: what the Spend API answers. */
    public String reason() {
        return value.isEmpty() ? problem.reason() : problem.reason() + ": " + value;
    }
}
