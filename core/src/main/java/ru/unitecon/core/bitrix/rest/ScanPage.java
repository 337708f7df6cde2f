package ru.unitecon.core.bitrix.rest;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One page of a full scan in ID order: its records (a JSON array), the highest ID on it (the next page's
 * {@code >ID} cursor) and whether it was the last page.
 */
public record ScanPage(JsonNode records, long lastId, boolean last) {
}
