package ru.unitecon.core.ads;

import java.time.Instant;
import java.util.Objects;

/** An ad account's OAuth tokens; never logged (the string form hides them). */
public record AdTokens(String accessToken, String refreshToken, Instant accessExpiresAt) {
    public AdTokens {
        Objects.requireNonNull(accessToken, "accessToken");
        Objects.requireNonNull(accessExpiresAt, "accessExpiresAt");
    }

    @Override
    public String toString() {
        return "AdTokens[expires " + accessExpiresAt + "]";
    }
}
