package ru.unitecon.core.bitrix.inbound;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FormBodyTest {

    @Test
    void bracketedKeysBecomeNestedSections() {
        FormBody form = FormBody.parse("event=ONCRMLEADADD&data%5BFIELDS%5D%5BID%5D=759&auth[member_id]=abc");

        assertEquals("759", form.value("data", "FIELDS", "ID").orElseThrow());
        assertEquals("abc", form.value("auth", "member_id").orElseThrow());
        assertEquals(Map.of("ID", "759"), form.section("data", "FIELDS"));
    }

    @Test
    void plusAndPercentEscapesAreDecodedAsUtf8() {
        FormBody form = FormBody.parse("a=one+two%2Fthree&b=%D0%BB%D0%B8%D0%B4");

        assertEquals("one two/three", form.value("a").orElseThrow());
        assertEquals("лид", form.value("b").orElseThrow());
    }

    @Test
    void emptyBracketsAppendToAList() {
        FormBody form = FormBody.parse("ids[]=5&ids[]=7");

        assertEquals(Map.of("0", "5", "1", "7"), form.section("ids"));
    }

    @Test
    void keyWithoutValueIsEmpty() {
        assertEquals("", FormBody.parse("flag&x=1").value("flag").orElseThrow());
    }

    @Test
    void sectionIsNotAValue() {
        assertTrue(FormBody.parse("auth[domain]=x").value("auth").isEmpty());
    }

    @Test
    void missingRequiredValueNamesTheKey() {
        MalformedRequest error = assertThrows(MalformedRequest.class,
                () -> FormBody.parse("auth[domain]=x").required("auth", "member_id"));

        assertEquals("missing auth[member_id]", error.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"a=%ZZ", "a=%4", "a=%", "a=%C3%28", "a[b=1", "a]=1", "[a]=1", "a[b]c=1", "a[b[c]]=1",
            "a=1&a=2", "a=1&a[b]=2", "a[b]=2&a=1", "a=\u00e9", "a[1][2][3][4][5][6]=x"})
    void malformedInputIsRefused(String body) {
        assertThrows(MalformedRequest.class, () -> FormBody.parse(body));
    }

    @Test
    void oversizedBodyIsRefused() {
        String body = "a=" + "x".repeat(FormBody.MAX_BYTES);

        MalformedRequest error = assertThrows(MalformedRequest.class, () -> FormBody.parse(body));
        assertTrue(error.getMessage().contains("larger than"));
    }

    @Test
    void tooManyFieldsAreRefused() {
        StringBuilder body = new StringBuilder("f0=0");
        for (int i = 1; i <= FormBody.MAX_FIELDS; i++) {
            body.append("&f").append(i).append('=').append(i);
        }

        MalformedRequest error = assertThrows(MalformedRequest.class, () -> FormBody.parse(body.toString()));
        assertTrue(error.getMessage().contains("more than"));
    }

    @Test
    void emptyBodyHasNoFields() {
        assertTrue(FormBody.parse("").isEmpty());
        assertTrue(FormBody.parse(null).isEmpty());
    }
}
