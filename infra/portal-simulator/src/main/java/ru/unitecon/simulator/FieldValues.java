package ru.unitecon.simulator;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.regex.Pattern;

/**
 * Bitrix24's value formats: numbers and ids as strings, datetimes as ISO-8601 with the portal's offset.
 * Comparison follows what the values look like, since legacy REST gives no types.
 */
final class FieldValues {
    static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");

    private FieldValues() {
    }

    static String dateTime(Instant instant, ZoneId zone) {
        return DATE_TIME.format(instant.atZone(zone));
    }

    /** Numbers become strings as the legacy methods send them; everything else is kept. */
    static Object wireValue(Object value) {
        return switch (value) {
            case BigDecimal decimal -> decimal.toPlainString();
            case Number number -> String.valueOf(number);
            case null, default -> value;
        };
    }

    static boolean isEmpty(Object value) {
        return value == null || "".equals(value);
    }

    /** Orders two field values as numbers, as instants, or else as text. */
    static int compare(Object left, Object right, ZoneId zone) {
        String a = String.valueOf(left);
        String b = String.valueOf(right);
        if (NUMBER.matcher(a).matches() && NUMBER.matcher(b).matches()) {
            return new BigDecimal(a).compareTo(new BigDecimal(b));
        }
        Instant ia = instant(a, zone);
        Instant ib = instant(b, zone);
        if (ia != null && ib != null) {
            return ia.compareTo(ib);
        }
        return a.compareTo(b);
    }

    static boolean equal(Object left, Object right, ZoneId zone) {
        if (isEmpty(left) || isEmpty(right)) {
            return isEmpty(left) && isEmpty(right);
        }
        return compare(left, right, zone) == 0;
    }

    static Comparator<Object> comparator(ZoneId zone) {
        return (a, b) -> {
            if (isEmpty(a) || isEmpty(b)) {
                return Boolean.compare(!isEmpty(a), !isEmpty(b));
            }
            return compare(a, b, zone);
        };
    }

    private static Instant instant(String text, ZoneId zone) {
        if (text.length() < 10 || !Character.isDigit(text.charAt(0))) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException notOffset) {
            try {
                return LocalDateTime.parse(text.replace(' ', 'T')).atZone(zone).toInstant();
            } catch (DateTimeParseException notLocal) {
                try {
                    return LocalDate.parse(text).atStartOfDay(zone).toInstant();
                } catch (DateTimeParseException notDate) {
                    return null;
                }
            }
        }
    }
}
