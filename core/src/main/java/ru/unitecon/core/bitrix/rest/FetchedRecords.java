package ru.unitecon.core.bitrix.rest;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Map;

/**
 * Records fetched by id. An id in {@code failed} was refused one by one (typically deleted in the meantime);
 * an id in neither map came back empty.
 */
public record FetchedRecords(Map<Long, JsonNode> found, Map<Long, CommandError> failed) {
    public FetchedRecords {
        found = Map.copyOf(found);
        failed = Map.copyOf(failed);
    }
}
