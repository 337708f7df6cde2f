package ru.unitecon.core.store;

import org.junit.jupiter.api.Test;
import ru.unitecon.core.access.SecretKind;
import ru.unitecon.testsupport.LocalDynamo;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SecretStoreTest {
    private static final Instant NOW = Instant.parse("2026-03-20T09:00:00Z");

    private final SecretStore secrets = new SecretStore(LocalDynamo.client(), LocalDynamo.TABLE,
            Clock.fixed(NOW, ZoneOffset.UTC));
    private final String member = LocalDynamo.freshMemberId();

    @Test
    void aCreatedSecretVerifiesForItsPortalAndKindOnly() {
        String secret = secrets.create(member, SecretKind.BI_EXPORT);

        assertTrue(secrets.verify(member, SecretKind.BI_EXPORT, secret));
        assertFalse(secrets.verify(member, SecretKind.SPEND_API, secret));
        assertFalse(secrets.verify(LocalDynamo.freshMemberId(), SecretKind.BI_EXPORT, secret));
        assertEquals(Optional.of(NOW), secrets.createdAt(member, SecretKind.BI_EXPORT));
    }

    @Test
    void onlyTheHashIsStoredUnderThePortalsKey() {
        String secret = secrets.create(member, SecretKind.SPEND_API);

        List<Map<String, AttributeValue>> items = LocalDynamo.client().query(QueryRequest.builder()
                .tableName(LocalDynamo.TABLE).keyConditionExpression("PK = :pk")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(Keys.partition(member)))).build()).items();
        assertEquals(1, items.size());
        Map<String, AttributeValue> item = items.getFirst();
        assertEquals("SECRET#SPEND_API", item.get(TableDefinition.SK).s());
        assertArrayEquals(SecretStore.sha256(secret), item.get("hash").b().asByteArray());
        assertFalse(item.toString().contains(secret));
    }

    @Test
    void creatingAgainReplacesTheOldSecret() {
        String first = secrets.create(member, SecretKind.BI_EXPORT);
        String second = secrets.create(member, SecretKind.BI_EXPORT);

        assertNotEquals(first, second);
        assertFalse(secrets.verify(member, SecretKind.BI_EXPORT, first));
        assertTrue(secrets.verify(member, SecretKind.BI_EXPORT, second));
    }

    @Test
    void aRevokedSecretNoLongerVerifies() {
        String secret = secrets.create(member, SecretKind.SPEND_API);

        secrets.revoke(member, SecretKind.SPEND_API);

        assertFalse(secrets.verify(member, SecretKind.SPEND_API, secret));
        assertEquals(Optional.empty(), secrets.createdAt(member, SecretKind.SPEND_API));
    }

    @Test
    void malformedCredentialsAreRefusedWithoutError() {
        String secret = secrets.create(member, SecretKind.BI_EXPORT);

        assertFalse(secrets.verify(member, SecretKind.BI_EXPORT, null));
        assertFalse(secrets.verify(member, SecretKind.BI_EXPORT, ""));
        assertFalse(secrets.verify(member, SecretKind.BI_EXPORT, secret.substring(1)));
        assertFalse(secrets.verify("P#" + member, SecretKind.BI_EXPORT, secret));
        assertFalse(secrets.verify(null, SecretKind.BI_EXPORT, secret));
    }

    @Test
    void aSecretWithNothingStoredNeverVerifiesEvenIfItHashesToZeros() {
        // The comparison against the all-zero placeholder must not let a portal without a secret in.
        assertFalse(secrets.verify(member, SecretKind.BI_EXPORT, "A".repeat(43)));
    }
}
