package ru.unitecon.core.bitrix.rest;

/** One batch command's failure, e.g. {@code NOT_FOUND} for a record deleted before we asked for it. */
public record CommandError(String errorCode, String description) {
}
