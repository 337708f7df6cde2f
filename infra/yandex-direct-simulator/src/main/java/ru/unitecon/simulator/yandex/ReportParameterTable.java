package ru.unitecon.simulator.yandex;

import com.fasterxml.jackson.databind.JsonNode;
import ru.unitecon.simulator.loopback.LoopbackJson;
import ru.unitecon.simulator.loopback.ParameterValues;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The ReportDefinition's documented parameters, headers and values, read from {@code direct-reports-parameters.json}
 * (written from the Reports pages, see its {@code _source}), and what of it the simulator builds. Names are
 * case-sensitive, as in the API's JSON.
 */
final class ReportParameterTable {
    private static final String RESOURCE = "/direct-reports-parameters.json";

    private final JsonNode definition;
    private final JsonNode headers;
    private final JsonNode simulated;

    private ReportParameterTable(JsonNode root) {
        this.definition = root.get("ReportDefinition");
        this.headers = root.get("headers");
        this.simulated = root.get("simulated");
    }

    static ReportParameterTable bundled() {
        try (InputStream in = ReportParameterTable.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            return new ReportParameterTable(LoopbackJson.mapper().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every way {@code params} breaks the table, in document order. */
    List<ReportViolation> check(JsonNode params) {
        List<ReportViolation> violations = new ArrayList<>();
        checkObject("", definition, params, violations);
        return violations;
    }

    /** A header's value outside its documented values (headers are compared ignoring case, values exactly). */
    List<ReportViolation> checkHeaders(Map<String, String> given) {
        List<ReportViolation> violations = new ArrayList<>();
        for (Map.Entry<String, JsonNode> header : headers.properties()) {
            String value = given.get(header.getKey());
            if (value != null && !ParameterValues.contains(header.getValue(), value)) {
                violations.add(new ReportViolation(header.getKey(), ReportViolation.Kind.WRONG_VALUE,
                        "header value " + value + " is not one of " + header.getValue()));
            }
        }
        return violations;
    }

    boolean simulated(String list, String value) {
        return ParameterValues.contains(simulated.get(list), value);
    }

    private void checkObject(String prefix, JsonNode specs, JsonNode given, List<ReportViolation> violations) {
        for (Map.Entry<String, JsonNode> parameter : given.properties()) {
            String name = parameter.getKey();
            JsonNode spec = specs.get(name);
            if (spec == null) {
                violations.add(new ReportViolation(prefix + name, ReportViolation.Kind.UNKNOWN_PARAMETER, "not a documented parameter"));
            } else {
                checkValue(prefix + name, spec, parameter.getValue(), violations);
            }
        }
        for (Map.Entry<String, JsonNode> spec : specs.properties()) {
            if (spec.getValue().path("required").asBoolean() && !given.has(spec.getKey())) {
                violations.add(new ReportViolation(prefix + spec.getKey(), ReportViolation.Kind.MISSING_PARAMETER, "required"));
            }
        }
    }

    private void checkValue(String path, JsonNode spec, JsonNode value, List<ReportViolation> violations) {
        String type = spec.get("type").asText();
        boolean typed = switch (type) {
            case "object" -> value.isObject();
            case "array" -> value.isArray();
            case "integer" -> value.isIntegralNumber();
            case "string", "enum", "date" -> value.isTextual();
            default -> true;
        };
        if (!typed) {
            violations.add(new ReportViolation(path, ReportViolation.Kind.WRONG_TYPE, "expected " + type));
        } else if (type.equals("object")) {
            checkObject(path + ".", spec.get("fields"), value, violations);
        } else if (type.equals("array")) {
            checkArray(path, spec.get("items"), value, violations);
        } else if (type.equals("enum") && !ParameterValues.contains(spec.get("values"), value.asText())) {
            violations.add(new ReportViolation(path, ReportViolation.Kind.WRONG_VALUE, value.asText() + " is not a documented value"));
        } else if (type.equals("date") && !ParameterValues.isIsoDate(value.asText())) {
            violations.add(new ReportViolation(path, ReportViolation.Kind.WRONG_VALUE, value.asText() + " is not YYYY-MM-DD"));
        }
    }

    private void checkArray(String path, JsonNode itemSpec, JsonNode value, List<ReportViolation> violations) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < value.size(); i++) {
            JsonNode item = value.get(i);
            checkValue(path + "[" + i + "]", itemSpec, item, violations);
            if (item.isTextual() && !seen.add(item.asText())) {
                violations.add(new ReportViolation(path + "[" + i + "]", ReportViolation.Kind.WRONG_VALUE, item.asText() + " is repeated"));
            }
        }
    }

}
