package ru.unitecon.core.bitrix.rest;

/** Told when a portal answered from a new address (the admin renamed it), so the store can keep the new one. */
@FunctionalInterface
public interface DomainRenameListener {
    DomainRenameListener IGNORE = (memberId, domain, clientEndpoint) -> { };

    /**
     * @param domain         the new host, e.g. {@code new-name.bitrix24.com}
     * @param clientEndpoint the new REST base, {@code https://new-name.bitrix24.com/rest/}
     */
    void renamed(String memberId, String domain, String clientEndpoint);
}
