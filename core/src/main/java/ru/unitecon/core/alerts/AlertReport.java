package ru.unitecon.core.alerts;

/**
 * What one alert pass did.
 *
 * @param portals   portals that were owed an alert or the digest
 * @param sent      alerts and digests the portal took
 * @param quiet     portals passed over because it is night there; their alerts wait for the morning
 * @param uncertain alerts whose sending timed out or failed on the portal's side; not sent again
 * @param failed    portals whose pass stopped (refused, unreachable, needing a reconnect); tried again next pass
 */
public record AlertReport(int portals, int sent, int quiet, int uncertain, int failed) {
}
