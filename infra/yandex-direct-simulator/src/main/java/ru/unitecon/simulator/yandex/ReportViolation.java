package ru.unitecon.simulator.yandex;

/**
 * A Reports request that broke the documented contract: a parameter (dotted path, e.g. {@code SelectionCriteria.DateTo})
 * or header that is unknown, missing, of the wrong type or out of its documented values.
 */
public record ReportViolation(String parameter, Kind kind, String detail) {

    public enum Kind {
        UNKNOWN_PARAMETER,
        MISSING_PARAMETER,
        WRONG_TYPE,
        WRONG_VALUE
    }
}
