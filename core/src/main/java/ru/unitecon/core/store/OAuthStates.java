package ru.unitecon.core.store;

import ru.unitecon.core.ads.AdPlatform;
import ru.unitecon.core.ads.OAuthStart;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import static ru.unitecon.core.store.Attributes.n;
import static ru.unitecon.core.store.Attributes.s;
import static ru.unitecon.core.store.Attributes.string;

/**
 * Started ad-account authorizations ({@code P#{member}}, {@code OAUTH#{sha-256 of the state}}): the state itself is
 * never stored, and taking one deletes it, so a state finishes at most one connection.
 */
public final class OAuthStates {
    private final DynamoDbClient dynamo;
    private final String table;

    public OAuthStates(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    public void put(String memberId, String stateHash, OAuthStart start) {
        Map<String, AttributeValue> item = new HashMap<>(key(memberId, stateHash));
        item.put("platform", s(start.platform().code()));
        item.put("userId", n(start.userId()));
        Attributes.putIfPresent(item, "clientLogin", start.agencyClientLogin());
        item.put("validUntil", s(start.expiresAt().toString()));
        item.put(TableDefinition.TTL_ATTRIBUTE, n(start.expiresAt().getEpochSecond()));
        dynamo.putItem(PutItemRequest.builder().tableName(table).item(item).build());
    }

    /** Deletes the start and returns it; empty when there is none (never started, taken before, or expired). */
    public Optional<OAuthStart> take(String memberId, String stateHash, Instant now) {
        Map<String, AttributeValue> item = dynamo.deleteItem(DeleteItemRequest.builder().tableName(table)
                .key(key(memberId, stateHash)).returnValues(ReturnValue.ALL_OLD).build()).attributes();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        OAuthStart start = new OAuthStart(AdPlatform.ofCode(string(item, "platform")),
                Attributes.longOrZero(item, "userId"), string(item, "clientLogin"),
                Attributes.instant(item, "validUntil"));
        return now.isAfter(start.expiresAt()) ? Optional.empty() : Optional.of(start);
    }

    private static Map<String, AttributeValue> key(String memberId, String stateHash) {
        return Map.of(TableDefinition.PK, s(Keys.partition(memberId)), TableDefinition.SK, s(Keys.oauthState(stateHash)));
    }
}
