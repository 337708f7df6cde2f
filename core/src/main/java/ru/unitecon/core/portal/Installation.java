package ru.unitecon.core.portal;

import java.net.URI;
import java.time.Instant;
import java.util.Objects;

/**
 * A portal that installed the app, keyed by its member_id (stable across renames, unlike the domain).
 * {@code applicationToken} authenticates the portal's events and is never printed.
 *
 * @param lastReconciledAt the DATE_MODIFY up to which reconciliation has fetched changes, or null
 */
public record Installation(String memberId, String domain, URI clientEndpoint, URI serverEndpoint,
                                 String applicationToken, InstallationStatus status, Instant installedAt,
                                 Instant lastReconciledAt) {
    public Installation {
        Objects.requireNonNull(memberId, "memberId");
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(clientEndpoint, "clientEndpoint");
        Objects.requireNonNull(status, "status");
    }

    @Override
    public String toString() {
        return "Installation[memberId=" + memberId + ", domain=" + domain + ", status=" + status + "]";
    }
}
