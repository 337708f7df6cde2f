package ru.unitecon.simulator.yandex;

import java.time.Instant;

/** A token pair Yandex OAuth handed out for one user of one app, for tests that start from a connected account. */
public record IssuedYandexTokens(String accessToken, String refreshToken, Instant expiresAt, String login) {

    @Override
    public String toString() {
        return "IssuedYandexTokens[" + login + ", expires " + expiresAt + "]";
    }
}
