package ru.unitecon.core.adsimport;

import ru.unitecon.core.ads.AdAccount;
import ru.unitecon.core.ads.AdTokens;
import ru.unitecon.core.adsapi.TokenSealer;

import java.time.Instant;

/** An account's tokens in and out of their sealed form, bound to the portal and account they belong to. */
final class SealedTokens {
    private SealedTokens() {
    }

    static byte[] seal(TokenSealer sealer, String memberId, AdAccount account, AdTokens tokens) {
        String plain = tokens.accessToken() + "\n" + (tokens.refreshToken() == null ? "" : tokens.refreshToken())
                + "\n" + tokens.accessExpiresAt();
        return sealer.seal(plain, context(memberId, account));
    }

    static AdTokens open(TokenSealer sealer, String memberId, AdAccount account, byte[] sealed) {
        String[] parts = sealer.open(sealed, context(memberId, account)).split("\n", -1);
        return new AdTokens(parts[0], parts[1].isEmpty() ? null : parts[1], Instant.parse(parts[2]));
    }

    private static String context(String memberId, AdAccount account) {
        return memberId + "|" + account.platform().code() + "|" + account.accountId();
    }
}
