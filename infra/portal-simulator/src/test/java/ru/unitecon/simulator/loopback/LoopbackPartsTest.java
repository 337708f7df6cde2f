package ru.unitecon.simulator.loopback;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class LoopbackPartsTest {

    @Test
    void aCountedFaultIsUsedUpAndAnUntilClearedOneStays() {
        FaultSchedule<String> faults = new FaultSchedule<>();
        faults.inject("/a", "boom", 2);
        faults.inject("/b", "slow", FaultSchedule.UNTIL_CLEARED);

        assertEquals(Optional.of("boom"), faults.take("/a"));
        assertEquals(Optional.of("boom"), faults.take("/a"));
        assertEquals(Optional.empty(), faults.take("/a"));
        assertEquals(Optional.of("slow"), faults.take("/b"));
        assertEquals(Optional.of("slow"), faults.take("/b"));
        faults.clear();
        assertEquals(Optional.empty(), faults.take("/b"));
    }

    @Test
    void zeroTimesIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new FaultSchedule<String>().inject("/a", "x", 0));
    }

    @Test
    void queryParametersAreAppendedEncoded() {
        Map<String, String> answer = new LinkedHashMap<>();
        answer.put("code", "1");
        answer.put("state", "a b&c");
        assertEquals("https://app.example/cb?code=1&state=a+b%26c", HttpExchanges.withQuery("https://app.example/cb", answer));
        assertEquals("https://app.example/cb?x=1&state=a+b%26c",
                HttpExchanges.withQuery("https://app.example/cb?x=1", Map.of("state", "a b&c")));
    }

    @Test
    void mainOptionsComeInPairs() {
        assertEquals(Map.of("seed", "3", "days", "90"), MainOptions.parse(new String[]{"--seed", "3", "--days", "90"}));
        assertThrows(IllegalArgumentException.class, () -> MainOptions.parse(new String[]{"--seed"}));
        assertThrows(IllegalArgumentException.class, () -> MainOptions.parse(new String[]{"seed", "3"}));
    }

    @Test
    void formsDecodeAndTheLastValueWins() {
        assertEquals(Map.of("a", "1 2", "b", ""), HttpExchanges.decodeForm("a=0&a=1+2&b"));
    }
}
