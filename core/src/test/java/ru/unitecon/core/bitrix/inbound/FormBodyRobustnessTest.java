package ru.unitecon.core.bitrix.inbound;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.StringLength;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;

class FormBodyRobustnessTest {

    /** Whatever a client posts, the parser answers with a form or with MalformedRequest, never anything else. */
    @Property
    void anyInputIsEitherReadOrRefusedAsMalformed(
            @ForAll @StringLength(max = 200) @Chars({'%', '[', ']', '=', '&', '+', 'a', '1', 'F'})
            @CharRange(from = 0x20, to = 0x7e) String body) {
        try {
            FormBody.parse(body);
        } catch (MalformedRequest refused) {
            // refusing is a correct answer
        }
    }

    @Property
    void encodedValuesComeBackUnchanged(@ForAll @StringLength(max = 100) String value) {
        String body = "auth%5Bapplication_token%5D=" + URLEncoder.encode(value, StandardCharsets.UTF_8);

        assertEquals(value, FormBody.parse(body).value("auth", "application_token").orElseThrow());
    }
}
