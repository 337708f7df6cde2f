package ru.unitecon.simulator.loopback;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.Optional;

/** The ad-account simulators' one JSON mapper: plain maps and lists out, trees in. */
public final class LoopbackJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private LoopbackJson() {
    }

    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not serialisable as JSON: " + value.getClass(), e);
        }
    }

    /** The parsed tree, or empty when the text is not JSON. */
    public static Optional<JsonNode> read(String json) {
        try {
            return Optional.ofNullable(MAPPER.readTree(json));
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }
}
