package ru.unitecon.core.store;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static ru.unitecon.core.store.Attributes.n;
import static ru.unitecon.core.store.Attributes.s;
import static ru.unitecon.core.store.Attributes.string;

/**
 * One item per appointment, visit time and reminder (or follow-up), under the portal's partition: the claim that
 * makes each go out at most once however many scheduler passes overlap, and what became of it. A pass claims with a
 * conditional put before it calls the portal, so of two passes only one ever sends.
 */
public final class SentReminders {
    /** Kept well past the visit, so a late pass over an old index entry still finds the claim. */
    static final Duration KEEP_AFTER_VISIT = Duration.ofDays(60);
    static final String CLAIM_CONDITION = "attribute_not_exists(PK)";

    /** What became of a claimed reminder. */
    public enum Status {
        /** Claimed, the portal not yet answered (or the pass died before it could record the answer). */
        CLAIMED,
        /** The portal took it; {@code failedParts} names commands of the batch it refused. */
        SENT,
        /** Decided not to send (no one to notify, or the client already has a new booking). */
        SKIPPED,
        /** The call timed out or failed on the portal's side: it may or may not have gone out, so it is not resent. */
        UNCERTAIN
    }

    public record Claim(Status status, Instant claimedAt, Instant finishedAt, List<String> failedParts) {
    }

    /**
     * A reminder as the portal's managers see it in the app.
     *
     * @param recordKey the lead or deal ({@code L42}, {@code D7})
     * @param action    {@code PT24H}-style offset of a reminder, {@code MARK} or {@code NO_SHOW}
     */
    public record Sent(String recordKey, Instant visit, String action, Status status, Instant claimedAt) {
    }

    private final DynamoDbClient dynamo;
    private final String table;

    public SentReminders(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    /**
     * @param claimId a fresh random id, so only the pass that claimed can finish or release the claim
     * @return whether this pass now owns the reminder; false when any pass claimed it before
     */
    public boolean claim(String memberId, String recordKey, Instant visit, String action, String claimId, Instant now) {
        Map<String, AttributeValue> item = new HashMap<>(key(memberId, recordKey, visit, action));
        item.put("status", s(Status.CLAIMED.name()));
        item.put("claimId", s(claimId));
        item.put("claimedAt", s(now.toString()));
        item.put(TableDefinition.TTL_ATTRIBUTE, n(visit.plus(KEEP_AFTER_VISIT).getEpochSecond()));
        try {
            dynamo.putItem(PutItemRequest.builder().tableName(table).item(item)
                    .conditionExpression(CLAIM_CONDITION).build());
            return true;
        } catch (ConditionalCheckFailedException claimedBefore) {
            return false;
        }
    }

    public boolean exists(String memberId, String recordKey, Instant visit, String action) {
        return find(memberId, recordKey, visit, action).isPresent();
    }

    public Optional<Claim> find(String memberId, String recordKey, Instant visit, String action) {
        Map<String, AttributeValue> item = dynamo.getItem(GetItemRequest.builder().tableName(table)
                .key(key(memberId, recordKey, visit, action)).consistentRead(true).build()).item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        List<String> failed = item.containsKey("failedParts") ? item.get("failedParts").ss() : List.of();
        return Optional.of(new Claim(Status.valueOf(string(item, "status")), Attributes.instant(item, "claimedAt"),
                Attributes.instant(item, "finishedAt"), failed));
    }

    /** The portal's reminders claimed at or after {@code since}, newest first: one query of its reminder items. */
    public List<Sent> claimedSince(String memberId, Instant since) {
        List<Sent> found = new ArrayList<>();
        dynamo.queryPaginator(QueryRequest.builder().tableName(table)
                        .keyConditionExpression("#pk = :pk AND begins_with(#sk, :prefix)")
                        .expressionAttributeNames(Map.of("#pk", TableDefinition.PK, "#sk", TableDefinition.SK))
                        .expressionAttributeValues(Map.of(":pk", s(Keys.partition(memberId)),
                                ":prefix", s(Keys.REMINDER)))
                        .build())
                .items().forEach(item -> {
                    Instant claimedAt = Attributes.instant(item, "claimedAt");
                    if (!claimedAt.isBefore(since)) {
                        String[] parts = string(item, TableDefinition.SK).split("#");
                        found.add(new Sent(parts[1], Instant.parse(parts[2]), parts[3],
                                Status.valueOf(string(item, "status")), claimedAt));
                    }
                });
        found.sort(Comparator.comparing(Sent::claimedAt).reversed());
        return found;
    }

    /** Records the outcome; {@code failedParts} are short error codes, never message texts. */
    public void finish(String memberId, String recordKey, Instant visit, String action, String claimId,
                       Status status, List<String> failedParts, Instant now) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":s", s(status.name()));
        values.put(":t", s(now.toString()));
        values.put(":c", s(claimId));
        String update = "SET #s = :s, finishedAt = :t";
        if (!failedParts.isEmpty()) {
            values.put(":f", AttributeValue.fromSs(failedParts));
            update += ", failedParts = :f";
        }
        dynamo.updateItem(UpdateItemRequest.builder().tableName(table).key(key(memberId, recordKey, visit, action))
                .updateExpression(update)
                .conditionExpression("claimId = :c")
                .expressionAttributeNames(Map.of("#s", "status"))
                .expressionAttributeValues(values).build());
    }

    /** Gives a claim back when the portal certainly did not act on it, so a later pass sends it after all. */
    public void release(String memberId, String recordKey, Instant visit, String action, String claimId) {
        dynamo.deleteItem(DeleteItemRequest.builder().tableName(table).key(key(memberId, recordKey, visit, action))
                .conditionExpression("claimId = :c AND #s = :claimed")
                .expressionAttributeNames(Map.of("#s", "status"))
                .expressionAttributeValues(Map.of(":c", s(claimId), ":claimed", s(Status.CLAIMED.name())))
                .build());
    }

    private static Map<String, AttributeValue> key(String memberId, String recordKey, Instant visit, String action) {
        return Map.of(TableDefinition.PK, s(Keys.partition(memberId)),
                TableDefinition.SK, s(Keys.reminder(recordKey, visit, action)));
    }
}
