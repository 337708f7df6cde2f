package ru.unitecon.simulator;

/** Failures a test can switch on for one method of a portal. */
public enum Fault {
    /** HTTP 500 {@code INTERNAL_SERVER_ERROR}. */
    SERVER_ERROR,
    /** HTTP 429 {@code OPERATION_TIME_LIMIT}: the method is blocked, others keep working (bitrix24.md §4). */
    OPERATION_TIME_LIMIT,
    /** No answer until the faults are cleared (then the call goes on) or the simulator closes; for client timeouts. */
    HANG
}
