package ru.unitecon.simulator;

import java.security.SecureRandom;
import java.util.HexFormat;

/** Unguessable hex strings for tokens, secrets and ids, so tests cannot come to depend on their values. */
final class RandomHex {
    private static final SecureRandom RANDOM = new SecureRandom();

    private RandomHex() {
    }

    static String of(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
