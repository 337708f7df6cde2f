package ru.unitecon.core.intake;

import org.junit.jupiter.api.Test;
import ru.unitecon.core.bitrix.inbound.MalformedRequest;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class WebhookBodyTest {
    private static final String EVENT = "event=ONCRMLEADUPDATE&data%5BFIELDS%5D%5BID%5D=7&ts=1700000000"
            + "&auth%5Bmember_id%5D=0123456789abcdef0123456789abcdef&auth%5Bapplication_token%5D=t";

    @Test
    void theFormTextAsThePortalSentItIsTakenAsItIs() {
        assertEquals(EVENT, WebhookBody.decode(EVENT));
    }

    @Test
    void base64OfAnEventFormIsDecoded() {
        String encoded = Base64.getEncoder().encodeToString(EVENT.getBytes(StandardCharsets.UTF_8));

        assertEquals(EVENT, WebhookBody.decode(encoded));
    }

    @Test
    void base64OfAnythingButAnEventFormIsRefused() {
        String notAnEvent = Base64.getEncoder().encodeToString("user=1&ts=2".getBytes(StandardCharsets.UTF_8));
        String notText = Base64.getEncoder().encodeToString(new byte[]{(byte) 0xff, (byte) 0xfe, 0, 1});

        assertThrows(MalformedRequest.class, () -> WebhookBody.decode(notAnEvent));
        assertThrows(MalformedRequest.class, () -> WebhookBody.decode(notText));
    }

    @Test
    void emptyAndGarbageBodiesAreRefused() {
        assertThrows(MalformedRequest.class, () -> WebhookBody.decode(null));
        assertThrows(MalformedRequest.class, () -> WebhookBody.decode(""));
        assertThrows(MalformedRequest.class, () -> WebhookBody.decode("{\"event\":\"ONCRMLEADUPDATE\"}"));
        assertThrows(MalformedRequest.class, () -> WebhookBody.decode("event=%ZZ"));
    }
}
