package ru.unitecon.core.bitrix.rest;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Map;
import java.util.Optional;

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

    public Optional<JsonNode> result(String key) {
        return Optional.ofNullable(results.get(key));
    }

    public Optional<CommandError> error(String key) {
        return Optional.ofNullable(errors.get(key));
    }
}
