package ru.unitecon.core.store;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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

    private final ClaimItems claims;

    public SentAlerts(DynamoDbClient dynamo, String table) {
        this.claims = new ClaimItems(dynamo, table);
    }

    /**
     * @param claimId a fresh random id, so only the pass that claimed can finish or release the claim
     * @return whether this pass now owns the alert; false when any pass claimed it before
     */
    public boolean claim(String memberId, Key alert, String claimId, Instant now) {
        return claims.claim(key(memberId, alert), claimId, now, now.plus(KEEP));
    }

    public Optional<Claim> find(String memberId, Key alert) {
        return claims.find(key(memberId, alert)).map(item -> new Claim(
                SentReminders.Status.valueOf(string(item, "status")), Attributes.instant(item, "claimedAt"),
                ClaimItems.failedParts(item)));
    }

    /** Records the outcome; {@code failedParts} are short error codes, never message texts. */
    public void finish(String memberId, Key alert, String claimId, SentReminders.Status status,
                       List<String> failedParts, Instant now) {
        claims.finish(key(memberId, alert), claimId, status, failedParts, now);
    }

    /** Gives a claim back when the portal certainly did not act on it, so a later pass sends the alert after all. */
    public void release(String memberId, Key alert, String claimId) {
        claims.release(key(memberId, alert), claimId);
    }

    private static Map<String, AttributeValue> key(String memberId, Key alert) {
        return Map.of(TableDefinition.PK, s(Keys.partition(memberId)),
                TableDefinition.SK, s(Keys.alert(alert.kind(), alert.subject(), alert.period())));
    }
}
