package ru.unitecon.core.export;

import ru.unitecon.core.bitrix.inbound.MalformedRequest;
import ru.unitecon.core.metrics.Period;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code GET /bi/{member_id}/{secret}.csv} (or {@code .json}), optionally {@code ?from=2025-04&to=2026-03} and
 * {@code &level=campaign} (rows per campaign instead of per channel) or {@code &level=hour} (response speed per
 * month, channel and hour of the day). The member_id in the path names the portal
 * whose secret's hash is compared, so the check is one read.
 */
public record ExportRequest(String memberId, String secret, Format format, Optional<Period> period, Level level) {
    /** An API Gateway stage other than $default puts its name before the route: /prod/bi/... */
    private static final Pattern PATH = Pattern.compile("(?:/[A-Za-z0-9_-]{1,128})?/bi/([^/]{1,64})/([^/.]{1,128})\\.(csv|json)");

    public enum Format { CSV, JSON }

    /**
     * What a row is: a month of a channel (the default), a month of an advertising campaign, or an hour of the day of
     * a month of a channel (response speed).
     */
    public enum Level { CHANNEL, CAMPAIGN, HOUR }

    @Override
    public String toString() {
        return "ExportRequest[" + memberId + ", ***, " + format + ", " + period + ", " + level + "]";
    }

    /**
     * @return empty when the path is not an export path at all (answered as not found)
     * @throws MalformedRequest when the months asked for are not months or not a range of at most
     *                          {@value MetricsExport#MAX_MONTHS}, or the level is none of channel, campaign and hour
     */
    public static Optional<ExportRequest> parse(String path, String rawQuery) {
        Matcher matcher = PATH.matcher(path == null ? "" : path);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        Map<String, String> query = query(rawQuery);
        Optional<Period> period = Optional.empty();
        if (query.containsKey("from") || query.containsKey("to")) {
            YearMonth from = month(query.get("from"));
            YearMonth to = month(query.get("to"));
            if (from == null || to == null || to.isBefore(from)
                    || from.plusMonths(MetricsExport.MAX_MONTHS - 1).isBefore(to)) {
                throw new MalformedRequest("from and to must be months (2026-03), from not after to, at most "
                        + MetricsExport.MAX_MONTHS + " months");
            }
            period = Optional.of(new Period(from, to));
        }
        Level level = switch (query.getOrDefault("level", "channel")) {
            case "channel" -> Level.CHANNEL;
            case "campaign" -> Level.CAMPAIGN;
            case "hour" -> Level.HOUR;
            default -> throw new MalformedRequest("level must be channel, campaign or hour");
        };
        return Optional.of(new ExportRequest(matcher.group(1), matcher.group(2),
                matcher.group(3).equals("csv") ? Format.CSV : Format.JSON, period, level));
    }

    private static YearMonth month(String text) {
        try {
            return text == null ? null : YearMonth.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static Map<String, String> query(String rawQuery) {
        Map<String, String> values = new HashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return values;
        }
        for (String pair : rawQuery.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                try {
                    values.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
                } catch (IllegalArgumentException e) {
                    throw new MalformedRequest("query is not URL-encoded");
                }
            }
        }
        return values;
    }
}
