package ru.unitecon.simulator;

/** Failures a test can switch on for one method of a portal. */
public enum Fault {
    /** HTTP 500 {@code INTERNAL_SERVER_ERROR}. */
    SERVER_ERROR,
    /** HTTP 429 {@code OPERATION_TIME_LIMIT}: the method is blocked, others keep working (bitrix24.md §4). */
    OPERATION_TIME_LIMIT,
    /** No answer until the fault is cleared or the simulator closes, for client timeout tests. */
    HANG
}
