package ru.unitecon.core.sync;

/** A queue message that is not a {@link ChangeMessage}; retrying cannot help, so it is dropped. */
public class UnreadableChange extends RuntimeException {
    public UnreadableChange(String message) {
        super(message);
    }
}
