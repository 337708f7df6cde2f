package ru.unitecon.core.store;

import org.junit.jupiter.api.Test;
import ru.unitecon.core.appointments.AppointmentState;
import ru.unitecon.core.attribution.Channel;
import ru.unitecon.core.attribution.ChannelRule;
import ru.unitecon.core.attribution.ChannelRules;
import ru.unitecon.core.attribution.LeadSource;
import ru.unitecon.core.attribution.MatchKind;
import ru.unitecon.core.attribution.SourceField;
import ru.unitecon.core.crm.AppointmentObservation;
import ru.unitecon.core.crm.DealSnapshot;
import ru.unitecon.core.crm.LeadSnapshot;
import ru.unitecon.core.crm.Semantic;
import ru.unitecon.core.bookkeeping.AggregateKey;
import ru.unitecon.core.bookkeeping.Counters;
import ru.unitecon.core.bookkeeping.Measure;
import ru.unitecon.core.portal.Attribution;
import ru.unitecon.core.portal.PortalSettings;
import ru.unitecon.testsupport.LocalDynamo;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RecordsRecountTest {
    private static final YearMonth FROM = YearMonth.of(2025, 1);
    private static final YearMonth TO = YearMonth.of(2027, 12);
    private static final PortalSettings BEFORE = PortalSettings.defaults();

    private final DynamoDbClient dynamo = LocalDynamo.client();
    private final RecordStore recordStore = new RecordStore(dynamo, LocalDynamo.TABLE, Clock.systemUTC());
    private final RecordsRecount rebuild = new RecordsRecount(dynamo, LocalDynamo.TABLE, Clock.systemUTC());
    private final AggregateReader aggregates = new AggregateReader(dynamo, LocalDynamo.TABLE);

    /** Other rules (vk goes to a channel of the salon's own), last touch, and a zone that moves month ends. */
    private static PortalSettings after() {
        List<ChannelRule> rules = new ArrayList<>(ChannelRules.defaults().rules());
        rules.addFirst(new ChannelRule(SourceField.UTM_SOURCE, MatchKind.EQUALS, "vk", "vk_ads"));
        return BEFORE.withChannelRules(new ChannelRules(rules)).withAttribution(Attribution.LAST_TOUCH)
                .withZone(ZoneId.of("America/New_York"));
    }

    private static Instant at(String instant) {
        return Instant.parse(instant);
    }

    /** A close date as a Moscow portal writes it for that moment. */
    private static LocalDate day(String instant) {
        return LocalDate.ofInstant(Instant.parse(instant), PortalSettings.DEFAULT_ZONE);
    }

    /** Two clients with several touches, one of them across a month end that the zone change moves. */
    private void history(String member, PortalSettings settings) {
        recordStore.apply(member, settings, new LeadSnapshot(1, at("2026-02-28T22:00:00Z"), at("2026-02-28T22:00:00Z"),
                LeadSource.ofUtm("instagram", null, "spring"), Semantic.IN_PROGRESS, 50L, BigDecimal.ZERO, 1L,
                new AppointmentObservation(at("2026-03-02T10:00:00Z"), AppointmentState.NO_SHOW)));
        recordStore.apply(member, settings, new LeadSnapshot(2, at("2026-03-05T10:00:00Z"), at("2026-03-05T10:00:00Z"),
                LeadSource.ofUtm("vk", null, "retarget"), Semantic.IN_PROGRESS, 50L, BigDecimal.ZERO, 1L, null));
        recordStore.apply(member, settings, new DealSnapshot(1, at("2026-03-06T10:00:00Z"), at("2026-03-06T10:00:00Z"),
                LeadSource.NONE, Semantic.SUCCESS, 50L, 2L, new BigDecimal("3000"), day("2026-03-06T10:00:00Z"), 1L,
                null));
        recordStore.apply(member, settings, new LeadSnapshot(3, at("2026-03-31T23:30:00Z"), at("2026-03-31T23:30:00Z"),
                LeadSource.ofSourceId("CALL"), Semantic.IN_PROGRESS, 60L, BigDecimal.ZERO, 1L, null));
        recordStore.apply(member, settings, new DealSnapshot(2, at("2026-04-01T01:00:00Z"), at("2026-04-01T01:00:00Z"),
                LeadSource.NONE, Semantic.SUCCESS, 60L, 3L, new BigDecimal("1500"), day("2026-04-01T01:00:00Z"), 1L,
                null));
        recordStore.apply(member, settings, new LeadSnapshot(4, at("2026-03-10T10:00:00Z"), at("2026-03-10T10:00:00Z"),
                LeadSource.ofUtm("vk", null, null), Semantic.IN_PROGRESS, null, BigDecimal.ZERO, 1L, null));
        recordStore.deleteLead(member, settings, 4, at("2026-03-11T10:00:00Z"));
    }

    @Test
    void aRebuiltPortalCountsAsIfItHadAlwaysHadTheNewSettings() {
        String member = LocalDynamo.freshMemberId();
        history(member, BEFORE);
        String fresh = LocalDynamo.freshMemberId();
        history(fresh, after());
        assertNotEquals(aggregates.load(fresh, FROM, TO).counters(), aggregates.load(member, FROM, TO).counters());

        assertTrue(rebuild.rebuild(member, after()));

        assertEquals(aggregates.load(fresh, FROM, TO).counters(), aggregates.load(member, FROM, TO).counters());
        assertEquals(aggregates.cohorts(fresh, FROM, TO), aggregates.cohorts(member, FROM, TO));
        assertEquals(aggregates.campaigns(fresh, FROM, TO), aggregates.campaigns(member, FROM, TO),
                "the client's figures move from the first touch's campaign to the last's");
        assertEquals("vk_ads", recordStore.records().lead(member, 2).orElseThrow().channel());
    }

    @Test
    void changesAppliedAfterTheRebuildKeepTheCountersRight() {
        // Without the rebuild the bookkeeping subtracts, under last touch, what it had added under first touch.
        String member = LocalDynamo.freshMemberId();
        history(member, BEFORE);
        rebuild.rebuild(member, after());

        // The client's vk lead is won again under the new settings: the incremental bookkeeping must agree with them.
        recordStore.apply(member, after(), new DealSnapshot(3, at("2026-03-20T10:00:00Z"), at("2026-03-20T10:00:00Z"),
                LeadSource.NONE, Semantic.SUCCESS, 50L, 2L, new BigDecimal("1000"), day("2026-03-20T10:00:00Z"), 1L,
                null));
        recordStore.deleteDeal(member, after(), 1, at("2026-03-21T10:00:00Z"));

        assertEquals(monthly(recordStore.recompute(member, after()).cells()), aggregates.load(member, FROM, TO).counters());
        assertEquals(recordStore.recompute(member, after()).campaignCells(), new TreeMap<>(aggregates.campaigns(member,
                FROM, TO)));
    }

    @Test
    void spendSurvivesTheRebuild() {
        String member = LocalDynamo.freshMemberId();
        history(member, BEFORE);
        new SpendStore(dynamo, LocalDynamo.TABLE).replaceMonths(member,
                Map.of(YearMonth.of(2026, 3), Map.of(Channel.VK, new BigDecimal("5000"), "billboard",
                        new BigDecimal("700"))));

        rebuild.rebuild(member, after());

        assertEquals(Map.of(new AggregateKey(YearMonth.of(2026, 3), Channel.VK), new BigDecimal("5000"),
                        new AggregateKey(YearMonth.of(2026, 3), "billboard"), new BigDecimal("700")),
                aggregates.load(member, FROM, TO).spend());
        assertEquals(0, aggregates.load(member, FROM, TO).counters()
                .getOrDefault(new AggregateKey(YearMonth.of(2026, 3), Channel.VK),
                        Counters.ZERO).count(Measure.LEADS));
    }

    @Test
    void rebuildingUnderTheSameSettingsChangesNothing() {
        String member = LocalDynamo.freshMemberId();
        history(member, BEFORE);
        var before = aggregates.load(member, FROM, TO).counters();

        assertTrue(rebuild.rebuild(member, BEFORE));

        assertEquals(before, aggregates.load(member, FROM, TO).counters());
    }

    @Test
    void onlySettingsThatChangeTheCountsNeedARebuild() {
        assertTrue(RecordsRecount.isNeeded(BEFORE, BEFORE.withAttribution(Attribution.LAST_TOUCH)));
        assertTrue(RecordsRecount.isNeeded(BEFORE, BEFORE.withZone(ZoneId.of("Asia/Yekaterinburg"))));
        assertTrue(RecordsRecount.isNeeded(BEFORE, BEFORE.withActiveWindowMonths(6)));
        assertTrue(RecordsRecount.isNeeded(BEFORE, after().withZone(BEFORE.zone())
                .withAttribution(BEFORE.attribution())));
        assertTrue(RecordsRecount.isNeeded(BEFORE, BEFORE.withCurrency("KZT")), "amounts convert anew");
        assertFalse(RecordsRecount.isNeeded(BEFORE, BEFORE.withProcessingCostPerMonth(BigDecimal.TEN)
                .withRetentionYears(BigDecimal.ONE)));
    }

    private static Map<AggregateKey, Counters> monthly(
            Map<AggregateKey, Counters> cells) {
        Map<AggregateKey, Counters> monthly = new HashMap<>();
        cells.forEach((cell, counters) -> {
            if (!counters.monthlyPart().isZero()) {
                monthly.put(cell, counters.monthlyPart());
            }
        });
        return monthly;
    }
}
