package ru.unitecon.core.sync;

import org.junit.jupiter.api.Test;
import ru.unitecon.core.bitrix.crm.CrmEntity;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ChangeMessageTest {
    private static final String MEMBER = "a223c6b3710f85df22e9377d6c4f7553";
    private static final Instant AT = Instant.parse("2026-11-23T09:00:00Z");

    @Test
    void upsertTravelsAsTheDocumentedJson() {
        ChangeMessage upsert = ChangeMessage.upsert(MEMBER, CrmEntity.LEAD, 759, AT);

        assertEquals("{\"memberId\":\"" + MEMBER + "\",\"action\":\"UPSERT\",\"entity\":\"LEAD\",\"id\":759,"
                + "\"at\":\"2026-11-23T09:00:00Z\"}", upsert.toJson());
    }

    @Test
    void everyKindOfMessageReadsBackUnchanged() {
        for (ChangeMessage message : new ChangeMessage[] {
                ChangeMessage.upsert(MEMBER, CrmEntity.DEAL, 5, AT),
                ChangeMessage.delete(MEMBER, CrmEntity.LEAD, 6, AT),
                ChangeMessage.backfill(MEMBER, CrmEntity.DEAL, 1200),
                ChangeMessage.purge(MEMBER),
                ChangeMessage.pending(MEMBER, CrmEntity.LEAD, List.of(3L, 9L, 27L)),
                ChangeMessage.recount(MEMBER),
                ChangeMessage.checkIds(MEMBER, CrmEntity.DEAL, 2500, AT)}) {
            assertEquals(message, ChangeMessage.fromJson(message.toJson()));
        }
    }

    @Test
    void changesCarriedOverNameTheirIdsAndAreFetchedAgainLikeUpserts() {
        ChangeMessage pending = ChangeMessage.pending(MEMBER, CrmEntity.LEAD, List.of(3L, 9L));

        assertEquals("{\"memberId\":\"" + MEMBER + "\",\"action\":\"PENDING\",\"entity\":\"LEAD\",\"ids\":[3,9]}",
                pending.toJson());
        assertEquals(List.of(3L, 9L), pending.changedIds());
        assertEquals(List.of(5L), ChangeMessage.upsert(MEMBER, CrmEntity.LEAD, 5, AT).changedIds());
        assertEquals(List.of(), ChangeMessage.delete(MEMBER, CrmEntity.LEAD, 5, AT).changedIds());
    }

    @Test
    void carriedOverChangesAndChecksOfIdsMustBeWhole() {
        assertThrows(UnreadableChange.class, () -> ChangeMessage.fromJson(
                "{\"memberId\":\"m\",\"action\":\"PENDING\",\"entity\":\"LEAD\",\"ids\":[]}"));
        assertThrows(UnreadableChange.class, () -> ChangeMessage.fromJson(
                "{\"memberId\":\"m\",\"action\":\"PENDING\",\"entity\":\"LEAD\",\"ids\":[\"x\"]}"));
        assertThrows(UnreadableChange.class, () -> ChangeMessage.fromJson(
                "{\"memberId\":\"m\",\"action\":\"PENDING\",\"entity\":\"LEAD\",\"ids\":[0]}"));
        assertThrows(UnreadableChange.class, () -> ChangeMessage.fromJson(
                "{\"memberId\":\"m\",\"action\":\"CHECK_IDS\",\"entity\":\"LEAD\",\"afterId\":0}"));
    }

    @Test
    void somethingElseOnTheQueueIsUnreadable() {
        assertThrows(UnreadableChange.class, () -> ChangeMessage.fromJson("not json"));
        assertThrows(UnreadableChange.class, () -> ChangeMessage.fromJson("[1]"));
        assertThrows(UnreadableChange.class, () -> ChangeMessage.fromJson("{\"memberId\":\"m\",\"action\":\"EXPLODE\"}"));
        assertThrows(UnreadableChange.class, () -> ChangeMessage.fromJson(
                "{\"memberId\":\"m\",\"action\":\"UPSERT\",\"entity\":\"LEAD\",\"at\":\"2026-11-23T09:00:00Z\"}"));
    }
}
