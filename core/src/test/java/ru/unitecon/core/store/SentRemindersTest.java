package ru.unitecon.core.store;

import org.junit.jupiter.api.Test;
import ru.unitecon.testsupport.LocalDynamo;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SentRemindersTest {
    private static final Instant VISIT = Instant.parse("2026-11-25T12:00:00Z");
    private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");

    private final SentReminders sent = new SentReminders(LocalDynamo.client(), LocalDynamo.TABLE);
    private final String member = LocalDynamo.freshMemberId();

    @Test
    void theClaimIsAPutThatOnlySucceedsWhenNoClaimExists() {
        assertEquals("attribute_not_exists(PK)", ClaimItems.CLAIM_CONDITION);
        assertTrue(sent.claim(member, "L42", VISIT, "PT24H", "first", NOW));

        assertFalse(sent.claim(member, "L42", VISIT, "PT24H", "second", NOW));
        assertEquals(SentReminders.Status.CLAIMED, sent.find(member, "L42", VISIT, "PT24H").orElseThrow().status());
    }

    @Test
    void eachOffsetVisitTimeAndRecordIsClaimedOnItsOwn() {
        assertTrue(sent.claim(member, "L42", VISIT, "PT24H", "a", NOW));

        assertTrue(sent.claim(member, "L42", VISIT, "PT3H", "b", NOW));
        assertTrue(sent.claim(member, "L42", VISIT.plusSeconds(3600), "PT24H", "c", NOW));
        assertTrue(sent.claim(member, "D42", VISIT, "PT24H", "d", NOW));
        assertTrue(sent.claim(LocalDynamo.freshMemberId(), "L42", VISIT, "PT24H", "e", NOW));
    }

    @Test
    void theRemindersClaimedSinceATimeAreListedNewestFirstAndOnlyThisPortals() {
        sent.claim(member, "L42", VISIT, "PT24H", "a", NOW.minusSeconds(3 * 86_400));
        sent.claim(member, "L42", VISIT, "PT3H", "b", NOW);
        sent.finish(member, "L42", VISIT, "PT3H", "b", SentReminders.Status.SENT, List.of(), NOW);
        sent.claim(member, "D7", VISIT, "MARK", "c", NOW.plusSeconds(60));
        sent.claim(LocalDynamo.freshMemberId(), "L1", VISIT, "PT3H", "d", NOW);

        List<SentReminders.Sent> listed = sent.claimedSince(member, NOW.minusSeconds(86_400));

        assertEquals(List.of(
                new SentReminders.Sent("D7", VISIT, "MARK", SentReminders.Status.CLAIMED, NOW.plusSeconds(60)),
                new SentReminders.Sent("L42", VISIT, "PT3H", SentReminders.Status.SENT, NOW)), listed);
    }

    @Test
    void theOwnerRecordsTheOutcomeWithTheFailedParts() {
        sent.claim(member, "L42", VISIT, "PT24H", "mine", NOW);

        sent.finish(member, "L42", VISIT, "PT24H", "mine", SentReminders.Status.SENT, List.of("comment:NOT_FOUND"),
                NOW.plusSeconds(1));

        SentReminders.Claim claim = sent.find(member, "L42", VISIT, "PT24H").orElseThrow();
        assertEquals(SentReminders.Status.SENT, claim.status());
        assertEquals(List.of("comment:NOT_FOUND"), claim.failedParts());
        assertEquals(NOW.plusSeconds(1), claim.finishedAt());
    }

    @Test
    void aReleasedClaimCanBeTakenAgainButOnlyItsOwnerReleasesIt() {
        sent.claim(member, "L42", VISIT, "PT24H", "mine", NOW);

        assertThrows(ConditionalCheckFailedException.class, () -> sent.release(member, "L42", VISIT, "PT24H", "other"));
        sent.release(member, "L42", VISIT, "PT24H", "mine");

        assertTrue(sent.claim(member, "L42", VISIT, "PT24H", "next", NOW));
    }

    @Test
    void aFinishedClaimIsNeverReleased() {
        sent.claim(member, "L42", VISIT, "PT24H", "mine", NOW);
        sent.finish(member, "L42", VISIT, "PT24H", "mine", SentReminders.Status.UNCERTAIN, List.of("PORTAL_UNAVAILABLE"),
                NOW);

        assertThrows(ConditionalCheckFailedException.class, () -> sent.release(member, "L42", VISIT, "PT24H", "mine"));
        assertFalse(sent.claim(member, "L42", VISIT, "PT24H", "next", NOW));
    }
}
