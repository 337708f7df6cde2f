package ru.unitecon.core.access;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class BearerCredentialTest {
    @Test
    void theBearerHeaderSplitsAtTheLastDot() {
        BearerCredential credential = BearerCredential.parse("Bearer salon.example_1.abcDEF-_x").orElseThrow();

        assertEquals("salon.example_1", credential.memberId());
        assertEquals("abcDEF-_x", credential.secret());
        assertEquals(Optional.empty(), BearerCredential.parse("Basic abc"));
        assertEquals(Optional.empty(), BearerCredential.parse("Bearer nodot"));
        assertEquals(Optional.empty(), BearerCredential.parse(null));
        assertFalse(credential.toString().contains("abcDEF"));
    }
}
