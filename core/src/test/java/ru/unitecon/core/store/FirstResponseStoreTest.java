package ru.unitecon.core.store;

import org.junit.jupiter.api.Test;
import ru.unitecon.core.attribution.Channel;
import ru.unitecon.core.attribution.LeadSource;
import ru.unitecon.core.bookkeeping.AggregateKey;
import ru.unitecon.core.bookkeeping.Counters;
import ru.unitecon.core.bookkeeping.FirstResponse;
import ru.unitecon.core.bookkeeping.Measure;
import ru.unitecon.core.crm.LeadSnapshot;
import ru.unitecon.core.crm.Semantic;
import ru.unitecon.core.portal.PortalSettings;
import ru.unitecon.testsupport.LocalDynamo;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A first response recorded in the store moves the response counters exactly once and survives later snapshots. */
class FirstResponseStoreTest {
    private static final YearMonth MARCH = YearMonth.of(2026, 3);

    private final DynamoDbClient dynamo = LocalDynamo.client();
    private final RecordStore recordStore = new RecordStore(dynamo, LocalDynamo.TABLE, Clock.systemUTC());
    private final AggregateReader aggregates = new AggregateReader(dynamo, LocalDynamo.TABLE);
    private final String member = LocalDynamo.freshMemberId();
    private final PortalSettings settings = PortalSettings.defaults();

    private static Instant at(String isoWithOffset) {
        return OffsetDateTime.parse(isoWithOffset).toInstant();
    }

    private static LeadSnapshot lead(String modified, String amount) {
        return new LeadSnapshot(1, at("2026-03-10T10:00:00+03:00"), at(modified), LeadSource.ofUtm("vk", null, null),
                Semantic.IN_PROGRESS, null, new BigDecimal(amount), 7L, null);
    }

    private Counters march() {
        return aggregates.load(member, MARCH, MARCH).counters()
                .getOrDefault(new AggregateKey(MARCH, Channel.VK), Counters.ZERO);
    }

    private static FirstResponse stage(String at) {
        return new FirstResponse(at(at), FirstResponse.Source.STAGE_CHANGE);
    }

    private static FirstResponse activity(String at) {
        return new FirstResponse(at(at), FirstResponse.Source.ACTIVITY);
    }

    @Test
    void anEarlierResponseFoundLaterMovesTheCountersOnceAndRepeatsChangeNothing() {
        recordStore.apply(member, settings, lead("2026-03-10T10:00:00+03:00", "0"));

        assertEquals(ApplyOutcome.APPLIED, recordStore.answerLead(member, settings, 1, stage("2026-03-10T10:12:00+03:00")));
        assertEquals(1, march().count(Measure.RESPONDED_IN_15));
        assertEquals(0, march().count(Measure.RESPONDED_IN_5));

        assertEquals(ApplyOutcome.APPLIED, recordStore.answerLead(member, settings, 1, activity("2026-03-10T10:04:00+03:00")));
        assertEquals(ApplyOutcome.STALE, recordStore.answerLead(member, settings, 1, activity("2026-03-10T10:04:00+03:00")));
        assertEquals(ApplyOutcome.STALE, recordStore.answerLead(member, settings, 1, stage("2026-03-10T10:12:00+03:00")));

        Counters march = march();
        assertEquals(1, march.count(Measure.LEADS));
        assertEquals(1, march.count(Measure.RESPONDED));
        assertEquals(1, march.count(Measure.RESPONDED_IN_5));
        assertEquals(1, march.count(Measure.RESPONDED_IN_15));
        assertEquals(240, march.count(Measure.RESPONSE_SECONDS));
        assertEquals(1, march.get("h10respondedIn5").intValueExact());
        assertEquals(FirstResponse.Source.ACTIVITY,
                recordStore.records().lead(member, 1).orElseThrow().firstResponse().source());
        assertEquals(PortalCells.recomputed(recordStore, member, settings), PortalCells.stored(member));
    }

    @Test
    void aLaterSnapshotKeepsTheResponseAndADeletedOrUnknownLeadIsLeftAlone() {
        recordStore.apply(member, settings, lead("2026-03-10T10:00:00+03:00", "0"));
        recordStore.answerLead(member, settings, 1, activity("2026-03-10T10:04:00+03:00"));

        recordStore.apply(member, settings, lead("2026-03-11T09:00:00+03:00", "1500"));

        assertEquals(1, march().count(Measure.RESPONDED_IN_5));
        assertEquals(ApplyOutcome.STALE, recordStore.answerLead(member, settings, 99, activity("2026-03-10T10:04:00+03:00")));
        recordStore.deleteLead(member, settings, 1, at("2026-03-12T09:00:00+03:00"));
        assertEquals(ApplyOutcome.ALREADY_DELETED,
                recordStore.answerLead(member, settings, 1, activity("2026-03-10T10:01:00+03:00")));
        assertEquals(0, march().count(Measure.RESPONDED));
        assertEquals(PortalCells.recomputed(recordStore, member, settings), PortalCells.stored(member));
    }
}
