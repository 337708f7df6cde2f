package ru.unitecon.core.store;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import static ru.unitecon.core.store.Attributes.s;

/**
 * One item per lost client and the month it became lost ({@code WINBACK#C501#2026-11}): the claim that creates its
 * win-back to-do at most once however often, and by however many managers, the button is pressed. The discipline is
 * the reminders' ({@link SentReminders}): a conditional put before the portal is called, released only when the
 * portal certainly did not act.
 */
public final class WinBacks {
    /**
     * Longer than the month the client is listed in (a win-back is offered for clients lost this month only), so
     * every press in that month finds the claim.
     */
    static final Duration KEEP = Duration.ofDays(62);

    private final ClaimItems claims;

    public WinBacks(DynamoDbClient dynamo, String table) {
        this.claims = new ClaimItems(dynamo, table);
    }

    /**
     * @param claimId a fresh random id, so only the press that claimed can finish or release the claim
     * @return whether this press now owns the to-do; false when any press claimed it before
     */
    public boolean claim(String memberId, String clientKey, YearMonth lostIn, String claimId, Instant now) {
        return claims.claim(key(memberId, clientKey, lostIn), claimId, now, now.plus(KEEP));
    }

    /** Records the outcome; {@code failedParts} are short error codes, never message texts. */
    public void finish(String memberId, String clientKey, YearMonth lostIn, String claimId,
                       SentReminders.Status status, List<String> failedParts, Instant now) {
        claims.finish(key(memberId, clientKey, lostIn), claimId, status, failedParts, now);
    }

    /** Gives a claim back when the portal certainly did not act on it, so a later press creates the to-do. */
    public void release(String memberId, String clientKey, YearMonth lostIn, String claimId) {
        claims.release(key(memberId, clientKey, lostIn), claimId);
    }

    private static Map<String, AttributeValue> key(String memberId, String clientKey, YearMonth lostIn) {
        return Map.of(TableDefinition.PK, s(Keys.partition(memberId)),
                TableDefinition.SK, s(Keys.winBack(clientKey, lostIn)));
    }
}
