package ru.unitecon.core.adsapi;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * Envelope encryption of an ad account's tokens: a new data key per sealing, AES-GCM in the JVM, the wrapped data
 * key stored beside the ciphertext. The context (portal and account) is authenticated, so a sealed value copied to
 * another portal's or account's item does not open.
 */
public final class TokenSealer {
    private static final byte VERSION = 1;
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final DataKeys keys;

    public TokenSealer(DataKeys keys) {
        this.keys = keys;
    }

    public byte[] seal(String plain, String context) {
        DataKeys.DataKey key = keys.newKey();
        byte[] iv = new byte[IV_BYTES];
        RANDOM.nextBytes(iv);
        byte[] ciphertext = crypt(Cipher.ENCRYPT_MODE, key.plain(), iv, context,
                plain.getBytes(StandardCharsets.UTF_8));
        Arrays.fill(key.plain(), (byte) 0);
        return ByteBuffer.allocate(1 + 2 + key.wrapped().length + IV_BYTES + ciphertext.length)
                .put(VERSION).putShort((short) key.wrapped().length).put(key.wrapped()).put(iv).put(ciphertext)
                .array();
    }

    /** @throws TokenSealException when the value was sealed with another key or for another context */
    public String open(byte[] sealed, String context) {
        try {
            ByteBuffer in = ByteBuffer.wrap(sealed);
            if (in.get() != VERSION) {
                throw new TokenSealException("stored tokens are of an unknown format", null);
            }
            byte[] wrapped = new byte[in.getShort()];
            in.get(wrapped);
            byte[] iv = new byte[IV_BYTES];
            in.get(iv);
            byte[] ciphertext = new byte[in.remaining()];
            in.get(ciphertext);
            byte[] key = keys.unwrap(wrapped);
            byte[] plain = crypt(Cipher.DECRYPT_MODE, key, iv, context, ciphertext);
            Arrays.fill(key, (byte) 0);
            return new String(plain, StandardCharsets.UTF_8);
        } catch (RuntimeException e) {
            if (e instanceof TokenSealException sealException) {
                throw sealException;
            }
            throw new TokenSealException("stored tokens are damaged", e);
        }
    }

    private static byte[] crypt(int mode, byte[] key, byte[] iv, String context, byte[] input) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(input);
        } catch (GeneralSecurityException e) {
            throw new TokenSealException("the tokens cannot be opened with this key (another key, or changed data)", e);
        }
    }

    /** AES-GCM with a key of its own: how {@link LocalDataKeys} wraps data keys under the master key. */
    static byte[] wrap(byte[] masterKey, byte[] dataKey) {
        byte[] iv = new byte[IV_BYTES];
        RANDOM.nextBytes(iv);
        byte[] sealed = crypt(Cipher.ENCRYPT_MODE, masterKey, iv, "data-key", dataKey);
        return ByteBuffer.allocate(IV_BYTES + sealed.length).put(iv).put(sealed).array();
    }

    static byte[] unwrap(byte[] masterKey, byte[] wrapped) {
        if (wrapped.length <= IV_BYTES) {
            throw new TokenSealException("the wrapped data key is too short", null);
        }
        return crypt(Cipher.DECRYPT_MODE, masterKey, Arrays.copyOf(wrapped, IV_BYTES), "data-key",
                Arrays.copyOfRange(wrapped, IV_BYTES, wrapped.length));
    }
}
