package ru.unitecon.core.adsapi;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * Data keys wrapped under a master AES-256 key from the environment ({@code ADS_TOKEN_KEY}, base64): the local run
 * and the tests; AWS uses KMS instead.
 */
public final class LocalDataKeys implements DataKeys {
    private static final int KEY_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] masterKey;

    private LocalDataKeys(byte[] masterKey) {
        this.masterKey = masterKey;
    }

    /** @throws IllegalArgumentException when the text is not base64 of 32 bytes (the message never shows it) */
    public static LocalDataKeys fromBase64(String base64) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64 == null ? "" : base64.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the token key must be base64 of 32 random bytes", null);
        }
        if (key.length != KEY_BYTES) {
            throw new IllegalArgumentException("the token key must be base64 of 32 random bytes, got "
                    + key.length + " bytes");
        }
        return new LocalDataKeys(key);
    }

    @Override
    public DataKey newKey() {
        byte[] plain = new byte[KEY_BYTES];
        RANDOM.nextBytes(plain);
        return new DataKey(plain.clone(), TokenSealer.wrap(masterKey, plain));
    }

    @Override
    public byte[] unwrap(byte[] wrapped) {
        return TokenSealer.unwrap(masterKey, wrapped);
    }
}
