package ru.unitecon.core.bitrix.rest;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;

/**
 * One page of a full scan in ID order: its records (a JSON array), the highest ID on it (the next page's
 * {@code >ID} cursor), whether it was the last page, and when the portal read it by its own clock (or null).
 */
public record ScanPage(JsonNode records, long lastId, boolean last, Instant servedAt) {
}
