package ru.unitecon.core.store;

import ru.unitecon.core.adsapi.DataKeys;
import ru.unitecon.core.adsapi.TokenSealException;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.DataKeySpec;
import software.amazon.awssdk.services.kms.model.GenerateDataKeyResponse;
import software.amazon.awssdk.services.kms.model.KmsException;

/**
 * Data keys from KMS: one {@code GenerateDataKey} per sealing (AES-256), {@code Decrypt} to open; the key itself
 * never leaves KMS, and the function's role may use only this key ({@code ADS_TOKEN_KMS_KEY_ID}).
 */
public final class KmsDataKeys implements DataKeys {
    public static final String KEY_ID_VARIABLE = "ADS_TOKEN_KMS_KEY_ID";

    private final KmsClient kms;
    private final String keyId;

    public KmsDataKeys(KmsClient kms, String keyId) {
        this.kms = kms;
        this.keyId = keyId;
    }

    @Override
    public DataKey newKey() {
        GenerateDataKeyResponse key = kms.generateDataKey(b -> b.keyId(keyId).keySpec(DataKeySpec.AES_256));
        return new DataKey(key.plaintext().asByteArray(), key.ciphertextBlob().asByteArray());
    }

    @Override
    public byte[] unwrap(byte[] wrapped) {
        try {
            return kms.decrypt(b -> b.keyId(keyId).ciphertextBlob(SdkBytes.fromByteArray(wrapped)))
                    .plaintext().asByteArray();
        } catch (KmsException e) {
            throw new TokenSealException("KMS did not open the data key: " + e.awsErrorDetails().errorCode(), e);
        }
    }
}
