package ru.unitecon.core.store;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

import static ru.unitecon.core.store.Attributes.s;

/** An OAuth token pair as stored for a portal. Never printed. */
public record StoredTokens(String accessToken, String refreshToken, Instant accessExpiresAt) {
    public StoredTokens {
        Objects.requireNonNull(accessToken, "accessToken");
        Objects.requireNonNull(refreshToken, "refreshToken");
        Objects.requireNonNull(accessExpiresAt, "accessExpiresAt");
    }

    Map<String, AttributeValue> attributes() {
        return Map.of(":a", s(accessToken), ":r", s(refreshToken), ":e", s(accessExpiresAt.toString()));
    }

    @Override
    public String toString() {
        return "StoredTokens[accessExpiresAt=" + accessExpiresAt + "]";
    }
}
