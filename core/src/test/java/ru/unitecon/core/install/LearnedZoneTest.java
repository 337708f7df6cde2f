package ru.unitecon.core.install;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import org.junit.jupiter.api.Test;

import java.time.ZoneId;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LearnedZoneTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode profile(String timeZone) {
        return JSON.createObjectNode().put("ID", "1").put("ADMIN", true).put("TIME_ZONE", timeZone)
                .put("TIME_ZONE_OFFSET", 0);
    }

    private static Optional<ZoneId> learned(String serverTime, String adminTimeZone) {
        return LearnedZone.of(TextNode.valueOf(serverTime), profile(adminTimeZone));
    }

    @Test
    void theServersOffsetIsThePortalsZoneWhenNobodyNamedOne() {
        assertEquals(Optional.of(ZoneId.of("UTC+05:00")), learned("2026-09-01T10:15:00+05:00", ""));
        assertEquals(Optional.of(ZoneId.of("UTC+07:00")), learned("2026-09-01T12:15:00+07:00", ""));
        assertEquals(Optional.of(ZoneId.of("UTC-03:00")), learned("2026-09-01T02:15:00-03:00", ""));
    }

    @Test
    void aZoneTheAdministratorNamedIsTakenWhenItHasTheServersOffset() {
        assertEquals(Optional.of(ZoneId.of("Asia/Novosibirsk")),
                learned("2026-09-01T12:15:00+07:00", "Asia/Novosibirsk"));
    }

    @Test
    void aNamedZoneWithAnotherOffsetIsTheAdministratorsOwnNotThePortals() {
        // The admin travels with a Moscow profile; the portal writes its dates at +05:00.
        assertEquals(Optional.of(ZoneId.of("UTC+05:00")), learned("2026-09-01T10:15:00+05:00", "Europe/Moscow"));
    }

    @Test
    void aNamedZoneWithDaylightSavingIsMatchedAtTheServersMoment() {
        assertEquals(Optional.of(ZoneId.of("Europe/Berlin")), learned("2026-07-01T10:00:00+02:00", "Europe/Berlin"));
        assertEquals(Optional.of(ZoneId.of("Europe/Berlin")), learned("2026-12-01T10:00:00+01:00", "Europe/Berlin"));
    }

    @Test
    void whatIsNoDateTimeTeachesNothing() {
        assertEquals(Optional.empty(), learned("вчера", ""));
        assertEquals(Optional.empty(), LearnedZone.of(JSON.createObjectNode(), null));
        assertEquals(Optional.of(ZoneId.of("UTC+05:00")), learned("2026-09-01T10:15:00+05:00", "Not/AZone"));
    }
}
