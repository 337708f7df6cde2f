package ru.unitecon.simulator.loopback;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** Checks the parameter tables of the ad-account simulators share. */
public final class ParameterValues {
    private ParameterValues() {
    }

    /** {@code YYYY-MM-DD}, a real calendar day. */
    public static boolean isIsoDate(String text) {
        try {
            LocalDate.parse(text);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    /** Whether a JSON array of documented values holds {@code value} exactly. */
    public static boolean contains(JsonNode values, String value) {
        for (JsonNode candidate : values) {
            if (candidate.asText().equals(value)) {
                return true;
            }
        }
        return false;
    }
}
