package ru.unitecon.core.bitrix;

/** The thread was interrupted while waiting on Bitrix24; the interrupt flag is set again before this is thrown. */
public class CallInterrupted extends BitrixException {
    public CallInterrupted(String what) {
        super("INTERRUPTED", what + " interrupted");
    }
}
