package ru.unitecon.core.ads;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A connected ad account of a portal, without its tokens: who connected it, whether it imports, and how its last
 * import went. {@code agencyClient} says the token is an agency's and {@code Client-Login} names the account.
 *
 * @param lastImportAt    the last good import; null before the first
 * @param lastAttemptAt   the last import tried, good or failed
 * @param importedThrough the last day the account's spend is imported through; null before the first import
 * @param lastError       a short, token-free description of the last failure; null after a good import
 */
public record AdConnection(AdAccount account, boolean agencyClient, long connectedBy, Instant connectedAt,
                           ConnectionState state, Instant lastImportAt, Instant lastAttemptAt, int lastImportRows,
                           LocalDate importedThrough, String lastError) {
    public AdConnection {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(connectedAt, "connectedAt");
        Objects.requireNonNull(state, "state");
    }

    public static AdConnection connected(AdAccount account, boolean agencyClient, long userId, Instant at) {
        return new AdConnection(account, agencyClient, userId, at, ConnectionState.ACTIVE, null, null, 0, null, null);
    }
}
