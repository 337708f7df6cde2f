package ru.unitecon.core.install;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import org.junit.jupiter.api.Test;
import ru.unitecon.core.portal.PortalSettings;

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
        return LearnedZone.of(TextNode.valueOf(serverTime), profile(adminTimeZone), PortalSettings.DEFAULT_ZONE);
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
        assertEquals(Optional.empty(), LearnedZone.of(JSON.createObjectNode(), null, PortalSettings.DEFAULT_ZONE));
        assertEquals(Optional.of(ZoneId.of("UTC+05:00")), learned("2026-09-01T10:15:00+05:00", "Not/AZone"));
    }

    @Test
    void theZoneInUseIsKeptWhileItHasTheServersOffset() {
        // A Moscow portal stays Europe/Moscow rather than becoming UTC+03:00: the same months, no recount.
        assertEquals(Optional.of(ZoneId.of("Europe/Moscow")), learned("2026-09-01T10:15:00+03:00", ""));
        assertEquals(Optional.of(ZoneId.of("Europe/Berlin")), LearnedZone.of(TextNode.valueOf(
                "2026-07-01T10:00:00+02:00"), profile(""), ZoneId.of("Europe/Berlin")));
        // A profile naming a zone the portal is not in does not hide the zone in use.
        assertEquals(Optional.of(ZoneId.of("Europe/Moscow")), learned("2026-09-01T10:15:00+03:00", "Asia/Omsk"));
        assertEquals(Optional.of(ZoneId.of("UTC+01:00")), LearnedZone.of(TextNode.valueOf(
                "2026-12-01T10:00:00+01:00"), profile(""), ZoneId.of("UTC+02:00")));
    }
}
