package ru.unitecon.simulator;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * A REST {@code filter} object: keys are field names with an optional operator prefix
 * ({@code >=, >, <=, <, =, !, !=, @, !@, %, =%}), values are compared as numbers, instants or text.
 */
final class RecordFilter implements Predicate<Map<String, Object>> {
    private static final List<String> OPERATORS = List.of(">=", "<=", "!@", "!=", "=%", ">", "<", "=", "!", "@", "%");

    private final List<Predicate<Map<String, Object>>> conditions;

    private RecordFilter(List<Predicate<Map<String, Object>>> conditions) {
        this.conditions = conditions;
    }

    static RecordFilter of(Map<String, Object> filter, ZoneId zone) {
        List<Predicate<Map<String, Object>>> conditions = new ArrayList<>();
        if (filter != null) {
            filter.forEach((key, value) -> conditions.add(condition(key, value, zone)));
        }
        return new RecordFilter(conditions);
    }

    @Override
    public boolean test(Map<String, Object> record) {
        for (Predicate<Map<String, Object>> condition : conditions) {
            if (!condition.test(record)) {
                return false;
            }
        }
        return true;
    }

    /** The least ID the filter admits, so ID-ordered scans can start there instead of at the first record. */
    static long lowestId(Map<String, Object> filter) {
        if (filter == null) {
            return Long.MIN_VALUE;
        }
        long lowest = Long.MIN_VALUE;
        for (var entry : filter.entrySet()) {
            String key = entry.getKey().toUpperCase(Locale.ROOT);
            String value = String.valueOf(entry.getValue());
            if (!value.matches("-?\\d+")) {
                continue;
            }
            if (key.equals(">ID")) {
                lowest = Math.max(lowest, Long.parseLong(value) + 1);
            } else if (key.equals(">=ID")) {
                lowest = Math.max(lowest, Long.parseLong(value));
            }
        }
        return lowest;
    }

    private static Predicate<Map<String, Object>> condition(String key, Object expected, ZoneId zone) {
        String operator = OPERATORS.stream().filter(key::startsWith).findFirst().orElse("");
        String field = key.substring(operator.length()).toUpperCase(Locale.ROOT);
        return record -> matches(operator, record.get(field), expected, zone);
    }

    private static boolean matches(String operator, Object actual, Object expected, ZoneId zone) {
        return switch (operator) {
            case "", "=", "@" -> expected instanceof Collection<?> options
                    ? options.stream().anyMatch(option -> FieldValues.equal(actual, option, zone))
                    : FieldValues.equal(actual, expected, zone);
            case "!", "!=", "!@" -> !matches("=", actual, expected, zone);
            case ">" -> !FieldValues.isEmpty(actual) && FieldValues.compare(actual, expected, zone) > 0;
            case ">=" -> !FieldValues.isEmpty(actual) && FieldValues.compare(actual, expected, zone) >= 0;
            case "<" -> !FieldValues.isEmpty(actual) && FieldValues.compare(actual, expected, zone) < 0;
            case "<=" -> !FieldValues.isEmpty(actual) && FieldValues.compare(actual, expected, zone) <= 0;
            case "%" -> actual != null && String.valueOf(actual).toLowerCase(Locale.ROOT)
                    .contains(String.valueOf(expected).toLowerCase(Locale.ROOT));
            case "=%" -> actual != null && likePattern(String.valueOf(expected)).matcher(String.valueOf(actual)).matches();
            default -> throw new IllegalStateException(operator);
        };
    }

    private static Pattern likePattern(String like) {
        StringBuilder regex = new StringBuilder();
        for (String part : like.split("%", -1)) {
            if (!regex.isEmpty()) {
                regex.append(".*");
            }
            regex.append(Pattern.quote(part));
        }
        return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    }
}
