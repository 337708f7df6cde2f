package ru.unitecon.core.store;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static ru.unitecon.core.store.Attributes.n;
import static ru.unitecon.core.store.Attributes.s;
import static ru.unitecon.core.store.Attributes.string;

/**
 * One item per alert, subject and period ({@code ALERT#CHANNEL_LOSING_MONEY#vk#2026-12}): the claim that sends it at
 * most once however many scheduler passes overlap, and what became of it. The discipline is the reminders'
 * ({@link SentReminders}): a conditional put before the portal is called, released only when the portal certainly
 * did not act.
 */
public final class SentAlerts {
    /** Longer than the longest period (a month), so a condition still true later in its period finds its claim. */
    static final Duration KEEP = Duration.ofDays(62);

    /**
     * An alert's identity.
     *
     * @param kind    the alert ({@code CHANNEL_LOSING_MONEY}, {@code WEEKLY_DIGEST})
     * @param subject what it is about: a channel's code, or {@code -} for the whole portal
     * @param period  the month ({@code 2026-12}) or ISO week ({@code 2026-W49}) it is for
     */
    public record Key(String kind, String subject, String period) {
        /** The tag of the portal's notification: a repeated one would replace, not add to, the first. */
        public String tag() {
            return "UE|" + kind + "|" + subject + "|" + period;
        }
    }

    public record Claim(SentReminders.Status status, Instant claimedAt, List<String> failedParts) {
    }

    private final DynamoDbClient dynamo;
    private final String table;

    public SentAlerts(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    /**
     * @param claimId a fresh random id, so only the pass that claimed can finish or release the claim
     * @return whether this pass now owns the alert; false when any pass claimed it before
     */
    public boolean claim(String memberId, Key alert, String claimId, Instant now) {
        Map<String, AttributeValue> item = new HashMap<>(key(memberId, alert));
        item.put("status", s(SentReminders.Status.CLAIMED.name()));
        item.put("claimId", s(claimId));
        item.put("claimedAt", s(now.toString()));
        item.put(TableDefinition.TTL_ATTRIBUTE, n(now.plus(KEEP).getEpochSecond()));
        try {
            dynamo.putItem(PutItemRequest.builder().tableName(table).item(item)
                    .conditionExpression(SentReminders.CLAIM_CONDITION).build());
            return true;
        } catch (ConditionalCheckFailedException claimedBefore) {
            return false;
        }
    }

    public Optional<Claim> find(String memberId, Key alert) {
        Map<String, AttributeValue> item = dynamo.getItem(GetItemRequest.builder().tableName(table)
                .key(key(memberId, alert)).consistentRead(true).build()).item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        List<String> failed = item.containsKey("failedParts") ? item.get("failedParts").ss() : List.of();
        return Optional.of(new Claim(SentReminders.Status.valueOf(string(item, "status")),
                Attributes.instant(item, "claimedAt"), failed));
    }

    /** Records the outcome; {@code failedParts} are short error codes, never message texts. */
    public void finish(String memberId, Key alert, String claimId, SentReminders.Status status,
                       List<String> failedParts, Instant now) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":s", s(status.name()));
        values.put(":t", s(now.toString()));
        values.put(":c", s(claimId));
        String update = "SET #s = :s, finishedAt = :t";
        if (!failedParts.isEmpty()) {
            values.put(":f", AttributeValue.fromSs(failedParts));
            update += ", failedParts = :f";
        }
        dynamo.updateItem(UpdateItemRequest.builder().tableName(table).key(key(memberId, alert))
                .updateExpression(update)
                .conditionExpression("claimId = :c")
                .expressionAttributeNames(Map.of("#s", "status"))
                .expressionAttributeValues(values).build());
    }

    /** Gives a claim back when the portal certainly did not act on it, so a later pass sends the alert after all. */
    public void release(String memberId, Key alert, String claimId) {
        dynamo.deleteItem(DeleteItemRequest.builder().tableName(table).key(key(memberId, alert))
                .conditionExpression("claimId = :c AND #s = :claimed")
                .expressionAttributeNames(Map.of("#s", "status"))
                .expressionAttributeValues(Map.of(":c", s(claimId),
                        ":claimed", s(SentReminders.Status.CLAIMED.name())))
                .build());
    }

    private static Map<String, AttributeValue> key(String memberId, Key alert) {
        return Map.of(TableDefinition.PK, s(Keys.partition(memberId)),
                TableDefinition.SK, s(Keys.alert(alert.kind(), alert.subject(), alert.period())));
    }
}
