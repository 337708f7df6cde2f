package ru.unitecon.core.store;

import ru.unitecon.core.access.SecretKind;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A portal's access secrets (the BI export URL's secret, the Spend API token). A secret is shown once when created;
 * the table keeps only its SHA-256 hash under the portal's own key ({@code P#{member}}, {@code SECRET#{kind}}), so
 * the presented credential names its portal and is checked with one GetItem, never a scan. A creation replaces
 * the previous secret of that kind; revoking deletes it.
 */
public final class SecretStore {
    /** 32 random bytes in URL-safe base64 without padding: no dot, so it follows a member_id after one. */
    private static final Pattern SECRET = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final int SECRET_BYTES = 32;
    private static final String HASH = "hash";
    private static final String CREATED_AT = "createdAt";
    /** Compared against when no secret is stored, so an unknown portal costs the same as a wrong secret. */
    private static final byte[] NO_SECRET = new byte[32];

    private final DynamoDbClient dynamo;
    private final String table;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public SecretStore(DynamoDbClient dynamo, String table, Clock clock) {
        this.dynamo = dynamo;
        this.table = table;
        this.clock = clock;
    }

    /** Creates a new secret of this kind, replacing any previous one, and returns it: the only time it is seen. */
    public String create(String memberId, SecretKind kind) {
        byte[] bytes = new byte[SECRET_BYTES];
        random.nextBytes(bytes);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Map<String, AttributeValue> item = new HashMap<>(key(memberId, kind));
        item.put(HASH, AttributeValue.fromB(SdkBytes.fromByteArray(sha256(secret))));
        item.put(CREATED_AT, AttributeValue.fromS(clock.instant().toString()));
        dynamo.putItem(PutItemRequest.builder().tableName(table).item(item).build());
        return secret;
    }

    public void revoke(String memberId, SecretKind kind) {
        dynamo.deleteItem(DeleteItemRequest.builder().tableName(table).key(key(memberId, kind)).build());
    }

    /** When the current secret of this kind was created, or empty when there is none. */
    public Optional<Instant> createdAt(String memberId, SecretKind kind) {
        return stored(memberId, kind).map(item -> Instant.parse(item.get(CREATED_AT).s()));
    }

    /**
     * Whether the presented secret is the portal's current one. Anything malformed, an unknown portal and a wrong
     * secret all give the same {@code false} after the same hash comparison: the answer tells nothing else.
     */
    public boolean verify(String memberId, SecretKind kind, String presented) {
        boolean wellFormed = Keys.isValidMemberId(memberId) && presented != null && SECRET.matcher(presented).matches();
        byte[] expected = wellFormed
                ? stored(memberId, kind).map(item -> item.get(HASH).b().asByteArray()).orElse(NO_SECRET)
                : NO_SECRET;
        boolean equal = MessageDigest.isEqual(sha256(presented == null ? "" : presented), expected);
        return wellFormed && expected != NO_SECRET && equal;
    }

    private Optional<Map<String, AttributeValue>> stored(String memberId, SecretKind kind) {
        Map<String, AttributeValue> item = dynamo.getItem(GetItemRequest.builder().tableName(table)
                .key(key(memberId, kind)).consistentRead(true).build()).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(item);
    }

    private static Map<String, AttributeValue> key(String memberId, SecretKind kind) {
        return Map.of(TableDefinition.PK, AttributeValue.fromS(Keys.partition(memberId)),
                TableDefinition.SK, AttributeValue.fromS(Keys.secret(kind.name())));
    }

    static byte[] sha256(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
