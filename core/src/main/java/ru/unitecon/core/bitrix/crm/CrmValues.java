package ru.unitecon.core.bitrix.crm;

import com.fasterxml.jackson.databind.JsonNode;
import ru.unitecon.core.crm.Semantic;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * Reads field values the way the legacy CRM methods write them: ids and amounts as strings (or numbers),
 * date-times as ISO-8601 with an offset, date-only fields as a date ({@code 2026-09-01}) or as midnight with the
 * portal's offset ({@code 2026-09-01T00:00:00+05:00}), and "not set" as a missing key, {@code null} or {@code ""}.
 */
final class CrmValues {
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private CrmValues() {
    }

    static String text(JsonNode record, String field) {
        JsonNode value = record.path(field);
        if (!value.isValueNode() || value.isNull()) {
            return null;
        }
        String text = value.asText().strip();
        return text.isEmpty() ? null : text;
    }

    static long requiredId(JsonNode record, String field) {
        Long id = optionalId(record, field);
        if (id == null) {
            throw new UnreadableRecord(field + " is missing");
        }
        return id;
    }

    /** A reference to another record; Bitrix24 writes "no reference" as empty or {@code 0}. */
    static Long optionalId(JsonNode record, String field) {
        String text = text(record, field);
        if (text == null) {
            return null;
        }
        try {
            long id = Long.parseLong(text);
            return id > 0 ? id : null;
        } catch (NumberFormatException e) {
            throw new UnreadableRecord(field + " is not an id");
        }
    }

    static Instant instant(JsonNode record, String field) {
        String text = text(record, field);
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw new UnreadableRecord(field + " is not an ISO-8601 date-time with offset");
        }
    }

    /**
     * A date-only field as the portal wrote it: the date part, never moved through a zone. A deal closed on
     * 1 September in a portal at UTC+5 comes as {@code 2026-09-01T00:00:00+05:00}, which is still 31 August in
     * Moscow; its close date is 1 September wherever the app runs.
     */
    static LocalDate date(JsonNode record, String field) {
        String text = text(record, field);
        if (text == null) {
            return null;
        }
        try {
            if (DATE.matcher(text).matches()) {
                return LocalDate.parse(text);
            }
            return OffsetDateTime.parse(text).toLocalDate();
        } catch (DateTimeParseException e) {
            throw new UnreadableRecord(field + " is not a date");
        }
    }

    static BigDecimal amount(JsonNode record, String field) {
        String text = text(record, field);
        if (text == null) {
            return null;
        }
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw new UnreadableRecord(field + " is not a number");
        }
    }

    /** A currency code ({@code RUB}, {@code USD}); anything else is unreadable. */
    static String currency(JsonNode record, String field) {
        String text = text(record, field);
        if (text != null && !text.matches("[A-Z]{3}")) {
            throw new UnreadableRecord(field + " is not a currency code");
        }
        return text;
    }

    static Semantic semantic(JsonNode record, String field) {
        try {
            return Semantic.fromCode(text(record, field));
        } catch (IllegalArgumentException e) {
            throw new UnreadableRecord(field + " is not a known semantic code");
        }
    }
}
