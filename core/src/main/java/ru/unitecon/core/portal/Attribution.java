package ru.unitecon.core.portal;

/** Which of a client's touches names the client's channel. */
public enum Attribution {
    /** The client's earliest lead or deal. */
    FIRST_TOUCH,
    /** The client's latest lead or deal before the first order. */
    LAST_TOUCH
}
