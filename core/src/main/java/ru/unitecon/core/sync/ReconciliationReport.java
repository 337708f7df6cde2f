package ru.unitecon.core.sync;

/**
 * One reconciliation pass.
 *
 * @param portals how many portals were reconciled
 * @param failed  how many portals could not be, this time
 * @param records how many leads and deals the portals returned
 */
public record ReconciliationReport(int portals, int failed, long records) {
}
