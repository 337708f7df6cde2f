package ru.unitecon.simulator;

import java.time.Instant;

/** A token pair a portal handed out, for tests that need to act as an already-installed app. */
public record IssuedTokens(String accessToken, String refreshToken, Instant expiresAt, String userId) {

    @Override
    public String toString() {
        return "IssuedTokens[user " + userId + ", expires " + expiresAt + "]";
    }
}
