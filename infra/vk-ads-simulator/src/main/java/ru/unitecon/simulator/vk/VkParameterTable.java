package ru.unitecon.simulator.vk;

import com.fasterxml.jackson.databind.JsonNode;
import ru.unitecon.simulator.loopback.LoopbackJson;
import ru.unitecon.simulator.loopback.ParameterValues;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The resources' documented query parameters, read from {@code vk-ads-parameters.json} (see its {@code _source}), and
 * which of them the simulator answers.
 */
final class VkParameterTable {
    private static final String RESOURCE = "/vk-ads-parameters.json";
    private static final Pattern INTEGER = Pattern.compile("-?\\d{1,18}");
    private static final Pattern ID_LIST = Pattern.compile("\\d{1,18}(,\\d{1,18})*");

    private final JsonNode endpoints;
    private final JsonNode simulated;

    private VkParameterTable(JsonNode root) {
        this.endpoints = root.get("endpoints");
        this.simulated = root.get("simulated");
    }

    static VkParameterTable bundled() {
        try (InputStream in = VkParameterTable.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            return new VkParameterTable(LoopbackJson.mapper().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    boolean documented(String resource) {
        return endpoints.has(resource);
    }

    boolean simulated(String resource) {
        return endpoints.path(resource).path("simulated").asBoolean();
    }

    boolean simulatedValue(String list, String value) {
        return ParameterValues.contains(simulated.path(list), value);
    }

    List<VkViolation> check(String resource, Map<String, String> params) {
        List<VkViolation> violations = new ArrayList<>();
        JsonNode specs = endpoints.get(resource).get("parameters");
        params.forEach((name, value) -> {
            JsonNode spec = specs.get(name);
            if (spec == null) {
                violations.add(new VkViolation(resource, name, VkViolation.Kind.UNKNOWN_PARAMETER, "not a parameter of this resource"));
            } else if (!valid(spec, value)) {
                violations.add(new VkViolation(resource, name, VkViolation.Kind.WRONG_VALUE, "not a valid " + spec.get("type").asText()));
            }
        });
        for (Map.Entry<String, JsonNode> spec : specs.properties()) {
            if (spec.getValue().path("required").asBoolean() && !params.containsKey(spec.getKey())) {
                violations.add(new VkViolation(resource, spec.getKey(), VkViolation.Kind.MISSING_PARAMETER, "required"));
            }
        }
        return violations;
    }

    private static boolean valid(JsonNode spec, String value) {
        return switch (spec.get("type").asText()) {
            case "date" -> ParameterValues.isIsoDate(value);
            case "integer" -> INTEGER.matcher(value).matches() && inRange(spec, Long.parseLong(value));
            case "id_list" -> ID_LIST.matcher(value).matches();
            case "enum" -> ParameterValues.contains(spec.get("values"), value);
            case "enum_list" -> !value.isEmpty() && List.of(value.split(",", -1)).stream().allMatch(v -> ParameterValues.contains(spec.get("values"), v));
            default -> true;
        };
    }

    private static boolean inRange(JsonNode spec, long value) {
        return (!spec.has("minimum") || value >= spec.get("minimum").asLong())
                && (!spec.has("maximum") || value <= spec.get("maximum").asLong());
    }

}
