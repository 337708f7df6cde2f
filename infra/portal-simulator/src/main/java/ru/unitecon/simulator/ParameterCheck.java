package ru.unitecon.simulator;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Checks one call's parameters against the method table: unknown names, missing required ones, wrong types. */
final class ParameterCheck {
    private static final Pattern INTEGER = Pattern.compile("-?\\d+");
    private static final Pattern DECIMAL = Pattern.compile("-?\\d+(\\.\\d+)?");
    private static final Set<String> BOOLEAN_WORDS = Set.of("Y", "N", "1", "0", "true", "false");
    /** Accepted by every method: the access token travels as a parameter. */
    private static final String AUTH = "auth";

    private final MethodTable table;

    ParameterCheck(MethodTable table) {
        this.table = table;
    }

    List<Violation> check(String method, Map<String, Object> params) {
        List<Violation> violations = new ArrayList<>();
        var specs = table.parameters(method);
        if (specs.isEmpty()) {
            violations.add(new Violation(method, null, Violation.Kind.UNKNOWN_METHOD, "no such method"));
            return violations;
        }
        checkObject(method, "", specs.get(), false, withoutAuth(params), violations);
        return violations;
    }

    private static Map<String, Object> withoutAuth(Map<String, Object> params) {
        var copy = new java.util.LinkedHashMap<>(params);
        copy.remove(AUTH);
        return copy;
    }

    private void checkObject(String method, String prefix, List<ParameterSpec> specs, boolean userFieldsAllowed,
                             Map<?, ?> given, List<Violation> violations) {
        for (var entry : given.entrySet()) {
            String name = String.valueOf(entry.getKey());
            ParameterSpec spec = find(specs, name);
            if (spec == null) {
                if (!(userFieldsAllowed && name.toUpperCase(Locale.ROOT).startsWith("UF_"))) {
                    violations.add(new Violation(method, prefix + name, Violation.Kind.UNKNOWN_PARAMETER,
                            "not a parameter of " + method));
                }
            } else if (entry.getValue() != null) {
                checkValue(method, prefix + spec.name(), spec, entry.getValue(), violations);
            }
        }
        for (ParameterSpec spec : specs) {
            if (spec.required() && valueOf(given, spec.name()) == null) {
                violations.add(new Violation(method, prefix + spec.name(), Violation.Kind.MISSING_PARAMETER,
                        "required by " + method));
            }
        }
    }

    private void checkValue(String method, String path, ParameterSpec spec, Object value, List<Violation> violations) {
        if (!hasType(spec.type(), value)) {
            violations.add(new Violation(method, path, Violation.Kind.WRONG_TYPE,
                    "expected " + spec.type() + ", got " + describe(value)));
        } else if (!spec.fields().isEmpty() && value instanceof Map<?, ?> nested) {
            checkObject(method, path + ".", spec.fields(), spec.userFieldsAllowed(), nested, violations);
        }
    }

    private static ParameterSpec find(List<ParameterSpec> specs, String name) {
        for (ParameterSpec spec : specs) {
            if (spec.name().equalsIgnoreCase(name)) {
                return spec;
            }
        }
        return null;
    }

    private static Object valueOf(Map<?, ?> given, String name) {
        for (var entry : given.entrySet()) {
            if (String.valueOf(entry.getKey()).equalsIgnoreCase(name)) {
                return entry.getValue();
            }
        }
        return null;
    }

    private static boolean hasType(String type, Object value) {
        return switch (type) {
            case "string" -> value instanceof String || value instanceof Number;
            case "integer" -> value instanceof Integer || value instanceof Long || value instanceof java.math.BigInteger
                    || (value instanceof String s && INTEGER.matcher(s).matches());
            case "double" -> value instanceof Number || (value instanceof String s && DECIMAL.matcher(s).matches());
            case "boolean" -> value instanceof Boolean || (value instanceof Number n && (n.intValue() == 0 || n.intValue() == 1))
                    || (value instanceof String s && BOOLEAN_WORDS.contains(s));
            // PHP arrays: a list or a keyed map both count; a bare scalar does not.
            case "array" -> value instanceof List || value instanceof Map;
            // PHP encodes an empty object as [].
            case "object" -> value instanceof Map || (value instanceof List<?> list && list.isEmpty());
            case "datetime", "date" -> value instanceof String s && isDate(s);
            default -> true;
        };
    }

    private static boolean isDate(String text) {
        try {
            OffsetDateTime.parse(text);
            return true;
        } catch (DateTimeParseException notDateTime) {
            try {
                LocalDate.parse(text);
                return true;
            } catch (DateTimeParseException notDate) {
                return false;
            }
        }
    }

    private static String describe(Object value) {
        return switch (value) {
            case Map<?, ?> ignored -> "object";
            case List<?> ignored -> "array";
            case String s -> "string \"" + (s.length() > 40 ? s.substring(0, 40) + "…" : s) + "\"";
            default -> value.getClass().getSimpleName().toLowerCase(Locale.ROOT) + " " + value;
        };
    }
}
