package ru.unitecon.core.adsimport;

/**
 * What one scheduler pass of the import did.
 *
 * @param imported    accounts whose days were replaced
 * @param failed      accounts whose import failed this pass (each recorded on its connection)
 * @param reconnect   of those, accounts now marked "reconnect"
 */
public record AdImportReport(int imported, int failed, int reconnect) {
}
