package ru.unitecon.simulator.yandex;

import java.util.Set;

/**
 * An agency: its representative's login holds the token, and each request names one client in {@code Client-Login}
 * ("For agencies": one advertiser per request; a login that is not the agency's client is error 54).
 */
public record DirectAgency(String login, Set<String> clientLogins) {

    public DirectAgency {
        clientLogins = Set.copyOf(clientLogins);
    }
}
