package ru.unitecon.core.adsapi;

/**
 * Where the data keys of {@link TokenSealer} come from: KMS on AWS ({@code GenerateDataKey}, {@code Decrypt}), a
 * master key from the environment locally and in tests.
 */
public interface DataKeys {
    /** A fresh AES-256 key, in clear for this one use and wrapped for storing beside what it encrypts. */
    record DataKey(byte[] plain, byte[] wrapped) {
    }

    DataKey newKey();

    /** @throws TokenSealException when the wrapped key was not made by this key source */
    byte[] unwrap(byte[] wrapped);
}
