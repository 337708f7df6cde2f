package ru.unitecon.core.bitrix.crm;

/** A CRM record whose id or dates cannot be read; the message names the field, never its value. */
public class UnreadableRecord extends RuntimeException {
    public UnreadableRecord(String message) {
        super(message);
    }
}
