package ru.unitecon.core.store;

import org.junit.jupiter.api.Test;
import ru.unitecon.core.attribution.Channel;
import ru.unitecon.core.attribution.LeadSource;
import ru.unitecon.core.crm.LeadSnapshot;
import ru.unitecon.core.crm.Semantic;
import ru.unitecon.core.bookkeeping.AggregateKey;
import ru.unitecon.core.bookkeeping.Counters;
import ru.unitecon.core.bookkeeping.LeadRecord;
import ru.unitecon.core.bookkeeping.Measure;
import ru.unitecon.core.portal.PortalSettings;
import ru.unitecon.testsupport.LocalDynamo;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * DATE_MODIFY has whole seconds: a manager's save and an automation rule within one second give two versions of a
 * lead with the same DATE_MODIFY. The stored record follows the content the portal served last; the same content
 * again, or an older content the portal served before the stored one, changes nothing.
 */
class SameSecondEditsTest {
    private static final Instant CREATED = Instant.parse("2026-03-10T07:00:00Z");
    private static final Instant MODIFIED = Instant.parse("2026-03-10T07:30:15Z");
    private static final YearMonth MARCH = YearMonth.of(2026, 3);
    private static final LeadSource CALL = LeadSource.ofSourceId("CALL");
    private static final LeadSource TELEGRAM = LeadSource.ofUtm("telegram", "social", null);

    private final RecordStore recordStore = new RecordStore(LocalDynamo.client(), LocalDynamo.TABLE, Clock.systemUTC());
    private final AggregateReader aggregates = new AggregateReader(LocalDynamo.client(), LocalDynamo.TABLE);
    private final String member = LocalDynamo.freshMemberId();
    private final PortalSettings settings = PortalSettings.defaults().withZone(ZoneId.of("Europe/Moscow"));

    private static RecordSnapshot lead(LeadSource source, String amount, Instant servedAt) {
        return RecordSnapshot.of(new LeadSnapshot(7, CREATED, MODIFIED, source, Semantic.IN_PROGRESS, null,
                new BigDecimal(amount), 3L, null), servedAt);
    }

    private static Instant served(double secondsAfterTheEdit) {
        return MODIFIED.plusMillis(Math.round(secondsAfterTheEdit * 1000));
    }

    private long leadsIn(String channel) {
        return aggregates.load(member, MARCH, MARCH).counters()
                .getOrDefault(new AggregateKey(MARCH, channel), Counters.ZERO).count(Measure.LEADS);
    }

    private LeadRecord stored() {
        return recordStore.records().lead(member, 7).orElseThrow();
    }

    @Test
    void aSnapshotOfTheSameSecondWithOtherContentServedLaterIsApplied() {
        assertEquals(ApplyOutcome.APPLIED, recordStore.apply(member, settings, lead(CALL, "0", served(0.2))));

        assertEquals(ApplyOutcome.APPLIED, recordStore.apply(member, settings, lead(TELEGRAM, "1500.00", served(0.7))));

        assertEquals(Channel.TELEGRAM, stored().channel());
        assertEquals(0, new BigDecimal("1500").compareTo(stored().amount().value()));
        assertEquals(0, leadsIn(Channel.CALL));
        assertEquals(1, leadsIn(Channel.TELEGRAM));
    }

    @Test
    void theSameContentServedAgainChangesNothing() {
        recordStore.apply(member, settings, lead(TELEGRAM, "1500.00", served(0.2)));

        assertEquals(ApplyOutcome.STALE, recordStore.apply(member, settings, lead(TELEGRAM, "1500.00", served(40))));
        assertEquals(ApplyOutcome.STALE, recordStore.apply(member, settings, lead(TELEGRAM, "1500.00", null)));
        assertEquals(1, leadsIn(Channel.TELEGRAM));
    }

    @Test
    void anOlderContentServedBeforeTheStoredOneIsIgnoredWhenItArrivesLate() {
        // A backfill page read at .2 and applied after the event's fetch at .7 had stored the newer content.
        recordStore.apply(member, settings, lead(TELEGRAM, "1500.00", served(0.7)));

        assertEquals(ApplyOutcome.STALE, recordStore.apply(member, settings, lead(CALL, "0", served(0.2))));

        assertEquals(Channel.TELEGRAM, stored().channel());
        assertEquals(1, leadsIn(Channel.TELEGRAM));
        assertEquals(0, leadsIn(Channel.CALL));
    }

    @Test
    void withoutAServeTimeTheOtherContentOfTheSameSecondIsApplied() {
        recordStore.apply(member, settings, lead(CALL, "0", null));

        assertEquals(ApplyOutcome.APPLIED, recordStore.apply(member, settings, lead(TELEGRAM, "0", null)));

        assertEquals(Channel.TELEGRAM, stored().channel());
    }

    @Test
    void aDeleteStillBlocksASnapshotOfTheSameSecond() {
        recordStore.apply(member, settings, lead(CALL, "0", served(0.2)));
        recordStore.deleteLead(member, settings, 7, MODIFIED);

        assertEquals(ApplyOutcome.ALREADY_DELETED, recordStore.apply(member, settings, lead(TELEGRAM, "0", served(5))));
        assertEquals(0, leadsIn(Channel.TELEGRAM));
    }

    @Test
    void inOneBatchTheContentServedLastWinsWhateverTheOrderOfTheSnapshots() {
        List<ApplyOutcome> outcomes = recordStore.applyAll(member, settings, List.of(
                lead(TELEGRAM, "1500.00", served(0.7)), lead(CALL, "0", served(0.2))));

        assertEquals(List.of(ApplyOutcome.APPLIED, ApplyOutcome.STALE), outcomes);
        assertEquals(Channel.TELEGRAM, stored().channel());
        assertEquals(1, leadsIn(Channel.TELEGRAM));
        assertEquals(0, leadsIn(Channel.CALL));
    }

    @Test
    void aBatchAppliesTheOtherContentOfTheSameSecondOverTheStoredOne() {
        recordStore.applyAll(member, settings, List.of(lead(CALL, "0", served(0.2))));

        List<ApplyOutcome> outcomes = recordStore.applyAll(member, settings, List.of(lead(TELEGRAM, "0", served(0.9))));

        assertEquals(List.of(ApplyOutcome.APPLIED), outcomes);
        assertEquals(0, leadsIn(Channel.CALL));
        assertEquals(1, leadsIn(Channel.TELEGRAM));
        assertEquals(recordStore.recompute(member, settings).cells().get(new AggregateKey(MARCH, Channel.TELEGRAM))
                .monthlyPart(), aggregates.load(member, MARCH, MARCH).counters().get(new AggregateKey(MARCH,
                Channel.TELEGRAM)));
    }
}
