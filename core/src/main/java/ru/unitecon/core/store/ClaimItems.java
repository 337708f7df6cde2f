package ru.unitecon.core.store;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static ru.unitecon.core.store.Attributes.n;
import static ru.unitecon.core.store.Attributes.s;

/**
 * The claim items of what the portal must be told at most once (reminders, alerts): a pass claims with a conditional
 * put before it calls the portal, so of two passes only one ever sends; it records the outcome after, and gives the
 * claim back only when the portal certainly did not act. Only the pass that claimed (its claim id) may do either.
 */
final class ClaimItems {
    static final String CLAIM_CONDITION = "attribute_not_exists(PK)";

    private final DynamoDbClient dynamo;
    private final String table;

    ClaimItems(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    /** @return whether this pass now owns the item; false when any pass claimed it before */
    boolean claim(Map<String, AttributeValue> key, String claimId, Instant now, Instant expiresAt) {
        Map<String, AttributeValue> item = new HashMap<>(key);
        item.put("status", s(SentReminders.Status.CLAIMED.name()));
        item.put("claimId", s(claimId));
        item.put("claimedAt", s(now.toString()));
        item.put(TableDefinition.TTL_ATTRIBUTE, n(expiresAt.getEpochSecond()));
        try {
            dynamo.putItem(PutItemRequest.builder().tableName(table).item(item)
                    .conditionExpression(CLAIM_CONDITION).build());
            return true;
        } catch (ConditionalCheckFailedException claimedBefore) {
            return false;
        }
    }

    Optional<Map<String, AttributeValue>> find(Map<String, AttributeValue> key) {
        Map<String, AttributeValue> item = dynamo.getItem(GetItemRequest.builder().tableName(table)
                .key(key).consistentRead(true).build()).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(item);
    }

    /** Records the outcome; {@code failedParts} are short error codes, never message texts. */
    void finish(Map<String, AttributeValue> key, String claimId, SentReminders.Status status, List<String> failedParts,
                Instant now) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":s", s(status.name()));
        values.put(":t", s(now.toString()));
        values.put(":c", s(claimId));
        String update = "SET #s = :s, finishedAt = :t";
        if (!failedParts.isEmpty()) {
            values.put(":f", AttributeValue.fromSs(failedParts));
            update += ", failedParts = :f";
        }
        dynamo.updateItem(UpdateItemRequest.builder().tableName(table).key(key)
                .updateExpression(update)
                .conditionExpression("claimId = :c")
                .expressionAttributeNames(Map.of("#s", "status"))
                .expressionAttributeValues(values).build());
    }

    /** Gives the claim back, so a later pass sends after all. */
    void release(Map<String, AttributeValue> key, String claimId) {
        dynamo.deleteItem(DeleteItemRequest.builder().tableName(table).key(key)
                .conditionExpression("claimId = :c AND #s = :claimed")
                .expressionAttributeNames(Map.of("#s", "status"))
                .expressionAttributeValues(Map.of(":c", s(claimId),
                        ":claimed", s(SentReminders.Status.CLAIMED.name())))
                .build());
    }

    static List<String> failedParts(Map<String, AttributeValue> item) {
        return item.containsKey("failedParts") ? item.get("failedParts").ss() : List.of();
    }
}
