package ru.unitecon.core.bitrix.rest;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * The answer to a {@code batch} call, by command key. A failed command is in {@code errors}, not thrown: the
 * other commands' results are still good.
 *
 * @param totals {@code total} of list commands that counted rows
 */
public record BatchResult(Map<String, JsonNode> results, Map<String, CommandError> errors,
                          Map<String, Long> totals) {
    public BatchResult {
        results = Map.copyOf(results);
        errors = Map.copyOf(errors);
        totals = Map.copyOf(totals);
    }

    /** Reads the {@code result} of a batch answer: {@code result}, {@code result_error}, {@code result_total}. */
    static BatchResult parse(JsonNode result) {
        Map<String, JsonNode> results = new LinkedHashMap<>();
        entries(result.path("result"), results::put);
        Map<String, CommandError> errors = new LinkedHashMap<>();
        entries(result.path("result_error"), (key, error) -> errors.put(key, new CommandError(
                error.isObject() ? error.path("error").asText("") : error.asText(""),
                error.path("error_description").asText(""))));
        Map<String, Long> totals = new LinkedHashMap<>();
        entries(result.path("result_total"), (key, total) -> totals.put(key, total.asLong()));
        return new BatchResult(results, errors, totals);
    }

    public Optional<JsonNode> result(String key) {
        return Optional.ofNullable(results.get(key));
    }

    public Optional<CommandError> error(String key) {
        return Optional.ofNullable(errors.get(key));
    }

    /** Sections are JSON objects keyed by command, except that PHP sends an empty one as {@code []}. */
    private static void entries(JsonNode section, BiConsumer<String, JsonNode> sink) {
        if (section.isObject()) {
            section.properties().forEach(e -> sink.accept(e.getKey(), e.getValue()));
        } else if (section.isArray()) {
            for (int i = 0; i < section.size(); i++) {
                sink.accept(Integer.toString(i), section.get(i));
            }
        }
    }
}
