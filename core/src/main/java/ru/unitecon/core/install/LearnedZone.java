package ru.unitecon.core.install;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The portal's time zone from what the portal says about itself (docs/settings.md). A portal writes every date
 * and time in its own zone, the server's, not the user's; {@code server.time} answers the current time in that zone
 * ({@code 2026-09-01T10:15:00+05:00}), so its offset is the portal's offset now. An offset alone has no
 * daylight-saving rules, so when the administrator's {@code profile} names a zone ({@code TIME_ZONE}) that has the
 * same offset at that moment, the named zone is taken; else the zone the app already uses when it has that offset
 * (a Moscow portal keeps {@code Europe/Moscow}, and nothing is recounted); otherwise the fixed offset
 * ({@code UTC+05:00}), which is exact for the zones without daylight saving (all of Russia, Kazakhstan, Belarus,
 * Brazil since 2019).
 */
public final class LearnedZone {
    private LearnedZone() {
    }

    /**
     * @param serverTime the result of {@code server.time}
     * @param profile    the result of {@code profile} for the installing administrator, or null
     * @param current    the zone the app uses for the portal now
     * @return the zone, or empty when the server's time is not a date-time with an offset
     */
    public static Optional<ZoneId> of(JsonNode serverTime, JsonNode profile, ZoneId current) {
        if (serverTime == null || !serverTime.isTextual()) {
            return Optional.empty();
        }
        OffsetDateTime now;
        try {
            now = OffsetDateTime.parse(serverTime.asText().strip());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
        ZoneOffset offset = now.getOffset();
        return Optional.of(Stream.concat(namedZone(profile).stream(), Stream.of(current))
                .filter(zone -> zone.getRules().getOffset(now.toInstant()).equals(offset))
                .findFirst()
                .orElse(ZoneId.ofOffset("UTC", offset)));
    }

    private static Optional<ZoneId> namedZone(JsonNode profile) {
        String name = profile == null ? "" : profile.path("TIME_ZONE").asText("").strip();
        if (!name.contains("/")) {
            return Optional.empty();
        }
        try {
            return Optional.of(ZoneId.of(name));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }
}
