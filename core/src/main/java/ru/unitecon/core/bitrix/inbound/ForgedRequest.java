package ru.unitecon.core.bitrix.inbound;

/** A request that claims to come from a portal but could not be confirmed; answer 403 and keep nothing from it. */
public class ForgedRequest extends RuntimeException {
    public ForgedRequest(String message) {
        super(message);
    }
}
