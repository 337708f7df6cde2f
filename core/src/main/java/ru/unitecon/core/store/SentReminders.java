package ru.unitecon.core.store;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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
    private final ClaimItems claims;

    public SentReminders(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
        this.claims = new ClaimItems(dynamo, table);
    }

    /**
     * @param claimId a fresh random id, so only the pass that claimed can finish or release the claim
     * @return whether this pass now owns the reminder; false when any pass claimed it before
     */
    public boolean claim(String memberId, String recordKey, Instant visit, String action, String claimId, Instant now) {
        return claims.claim(key(memberId, recordKey, visit, action), claimId, now, visit.plus(KEEP_AFTER_VISIT));
    }

    public boolean exists(String memberId, String recordKey, Instant visit, String action) {
        return find(memberId, recordKey, visit, action).isPresent();
    }

    public Optional<Claim> find(String memberId, String recordKey, Instant visit, String action) {
        return claims.find(key(memberId, recordKey, visit, action)).map(item -> new Claim(
                Status.valueOf(string(item, "status")), Attributes.instant(item, "claimedAt"),
                Attributes.instant(item, "finishedAt"), ClaimItems.failedParts(item)));
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
        claims.finish(key(memberId, recordKey, visit, action), claimId, status, failedParts, now);
    }

    /** Gives a claim back when the portal certainly did not act on it, so a later pass sends it after all. */
    public void release(String memberId, String recordKey, Instant visit, String action, String claimId) {
        claims.release(key(memberId, recordKey, visit, action), claimId);
    }

    private static Map<String, AttributeValue> key(String memberId, String recordKey, Instant visit, String action) {
        return Map.of(TableDefinition.PK, s(Keys.partition(memberId)),
                TableDefinition.SK, s(Keys.reminder(recordKey, visit, action)));
    }
}
