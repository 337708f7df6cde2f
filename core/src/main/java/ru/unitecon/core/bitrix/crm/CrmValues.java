package ru.unitecon.core.bitrix.crm;

import com.fasterxml.jackson.databind.JsonNode;
import ru.unitecon.core.crm.Semantic;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * Reads field values the way the legacy CRM methods write them: ids and amounts as strings (or numbers),
 * dates as ISO-8601 with an offset, and "not set" as a missing key, {@code null} or {@code ""}.
 */
final class CrmValues {
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

    static Semantic semantic(JsonNode record, String field) {
        try {
            return Semantic.fromCode(text(record, field));
        } catch (IllegalArgumentException e) {
            throw new UnreadableRecord(field + " is not a known semantic code");
        }
    }
}
