package ru.unitecon.core.bitrix.rest;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * The answer to a {@code batch} call, by command key. A failed command is in {@code errors}, not thrown: the
 * other commands' results are still good.
 *
 * @param totals {@code total} of list commands that counted rows
 * @param starts when each command started, by the portal's clock ({@code result_time[key][start]})
 */
public record BatchResult(Map<String, JsonNode> results, Map<String, CommandError> errors,
                          Map<String, Long> totals, Map<String, Instant> starts) {
    public BatchResult {
        results = Map.copyOf(results);
        errors = Map.copyOf(errors);
        totals = Map.copyOf(totals);
        starts = Map.copyOf(starts);
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
        Map<String, Instant> starts = new LinkedHashMap<>();
        entries(result.path("result_time"), (key, time) -> portalTime(time.path("start"))
                .ifPresent(start -> starts.put(key, start)));
        return new BatchResult(results, errors, totals, starts);
    }

    /** A {@code time} object's {@code start}: unix seconds with a fraction. */
    static Optional<Instant> portalTime(JsonNode seconds) {
        if (!seconds.isNumber()) {
            return Optional.empty();
        }
        BigDecimal value = seconds.decimalValue();
        long whole = value.longValue();
        long nanos = value.subtract(BigDecimal.valueOf(whole)).movePointRight(9).longValue();
        return Optional.of(Instant.ofEpochSecond(whole, nanos));
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
