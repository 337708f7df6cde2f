package ru.unitecon.core.sync;

import org.junit.jupiter.api.Test;
import ru.unitecon.core.bitrix.crm.CrmEntity;

import java.time.Instant;

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
                ChangeMessage.purge(MEMBER)}) {
            assertEquals(message, ChangeMessage.fromJson(message.toJson()));
        }
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
