package ru.unitecon.simulator.loopback;

import java.security.SecureRandom;
import java.util.HexFormat;

/** Unguessable token, code and secret values, so tests cannot come to depend on them. */
public final class RandomTokens {
    private static final SecureRandom RANDOM = new SecureRandom();

    private RandomTokens() {
    }

    public static String hex(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return HexFormat.of().formatHex(random);
    }

    public static int number(int bound) {
        return RANDOM.nextInt(bound);
    }
}
