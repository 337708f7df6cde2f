package ru.unitecon.core.ads;

import java.time.Instant;
import java.util.Objects;

/**
 * An administrator started connecting an ad account: which platform, who, the agency client login they named (null
 * for an own account), and until when the callback may finish it.
 */
public record OAuthStart(AdPlatform platform, long userId, String agencyClientLogin, Instant expiresAt) {
    public OAuthStart {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(expiresAt, "expiresAt");
        if (agencyClientLogin != null) {
            AdAccount.requireKeySafe(agencyClientLogin, "client login");
        }
    }
}
