package ru.unitecon.core.intake;

import ru.unitecon.core.bitrix.inbound.FormBody;
import ru.unitecon.core.bitrix.inbound.MalformedRequest;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The portal's event POST as it arrives in the events queue. API Gateway's SQS-SendMessage integration puts
 * {@code $request.body} into the message: the form text as the portal sent it, or, should the gateway treat the
 * form content type as binary, that text in base64. Both are taken; base64 only when what it decodes to is a form
 * with an {@code event} field, so that no other text is ever read as base64 by accident.
 */
public final class WebhookBody {
    private WebhookBody() {
    }

    /**
     * @return the form body of the event
     * @throws MalformedRequest when the message is neither an event's form body nor base64 of one
     */
    public static String decode(String messageBody) {
        if (messageBody == null || messageBody.isBlank()) {
            throw new MalformedRequest("empty body");
        }
        if (isEventForm(messageBody)) {
            return messageBody;
        }
        String decoded = base64Text(messageBody.strip());
        if (decoded != null && isEventForm(decoded)) {
            return decoded;
        }
        throw new MalformedRequest("neither an event's form body nor base64 of one");
    }

    private static boolean isEventForm(String text) {
        try {
            return FormBody.parse(text).value("event").isPresent();
        } catch (MalformedRequest notAForm) {
            return false;
        }
    }

    /** The UTF-8 text the base64 stands for, or null when it is not base64 of UTF-8 text. */
    private static String base64Text(String text) {
        if (text.length() > 2 * FormBody.MAX_BYTES) {
            return null;
        }
        try {
            byte[] bytes = Base64.getDecoder().decode(text);
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (IllegalArgumentException | CharacterCodingException notBase64) {
            return null;
        }
    }
}
