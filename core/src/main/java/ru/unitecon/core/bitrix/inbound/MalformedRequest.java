package ru.unitecon.core.bitrix.inbound;

/** An inbound request from a portal that cannot be read; the message is safe to return as a 400 body. */
public class MalformedRequest extends RuntimeException {
    public MalformedRequest(String message) {
        super(message);
    }
}
