package ru.unitecon.core.spend;

/** Why a spend row cannot be taken; the UI words each one in the viewer's language. */
public enum SpendProblem {
    NOT_UTF8("the file is not UTF-8 text"),
    FIELD_COUNT("wrong number of fields"),
    MONTH("month must look like 2026-03 or 03.2026"),
    PERIOD("period must be a month (2026-03) or a day (2026-03-05)"),
    CHANNEL("channel must be a code of a-z, 0-9 and _"),
    AMOUNT("amount must be a number of at most two decimals, zero or more"),
    CURRENCY("currency must be the portal's currency"),
    DUPLICATE("a second row for the same period and channel"),
    MONTH_AND_DAYS("a month row and day rows for the same month and channel"),
    NO_ROWS("no spend rows"),
    TOO_MANY("too many months × channels for one change: split it");

    private final String reason;

    SpendProblem(String reason) {
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
