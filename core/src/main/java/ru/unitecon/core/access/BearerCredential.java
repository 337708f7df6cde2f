package ru.unitecon.core.access;

import java.util.Optional;

/**
 * The Spend API's {@code Authorization: Bearer {member_id}.{token}}: the member_id says which portal's hash to
 * compare with (one GetItem), the token after the last dot is the secret.
 */
public record BearerCredential(String memberId, String secret) {
    private static final String SCHEME = "Bearer ";

    public static Optional<BearerCredential> parse(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            return Optional.empty();
        }
        String credential = authorization.substring(SCHEME.length()).strip();
        int dot = credential.lastIndexOf('.');
        if (dot <= 0 || dot == credential.length() - 1) {
            return Optional.empty();
        }
        return Optional.of(new BearerCredential(credential.substring(0, dot), credential.substring(dot + 1)));
    }

    public String header() {
        return SCHEME + memberId + "." + secret;
    }

    @Override
    public String toString() {
        return "BearerCredential[" + memberId + ".***]";
    }
}
