package ru.unitecon.simulator.vk;

import java.time.Instant;

/** An Access Token object as a test received it: access and refresh token, expiry, and whose account it opens. */
public record IssuedVkTokens(String accessToken, String refreshToken, Instant expiresAt, long userId) {

    @Override
    public String toString() {
        return "IssuedVkTokens[user " + userId + ", expires " + expiresAt + "]";
    }
}
