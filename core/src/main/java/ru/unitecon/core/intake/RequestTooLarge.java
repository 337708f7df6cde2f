package ru.unitecon.core.intake;

import ru.unitecon.core.bitrix.inbound.MalformedRequest;

/** A POST larger than any event a portal sends; answered 413 without being read. */
public class RequestTooLarge extends MalformedRequest {
    public RequestTooLarge(int limitBytes) {
        super("request body is larger than " + limitBytes + " bytes");
    }
}
