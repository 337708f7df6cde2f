package ru.unitecon.core.bitrix.rest;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.Map;

/**
 * Records fetched by id. An id in {@code failed} was refused one by one (typically deleted in the meantime);
 * an id in neither map came back empty. {@code servedAt} tells when the portal read each found record, by its
 * own clock, where it said so.
 */
public record FetchedRecords(Map<Long, JsonNode> found, Map<Long, CommandError> failed, Map<Long, Instant> servedAt) {
    public FetchedRecords {
        found = Map.copyOf(found);
        failed = Map.copyOf(failed);
        servedAt = Map.copyOf(servedAt);
    }
}
