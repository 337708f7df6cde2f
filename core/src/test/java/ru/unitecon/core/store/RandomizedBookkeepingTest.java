package ru.unitecon.core.store;

import org.junit.jupiter.api.Test;
import ru.unitecon.core.appointments.AppointmentState;
import ru.unitecon.core.attribution.LeadSource;
import ru.unitecon.core.crm.AppointmentObservation;
import ru.unitecon.core.crm.DealSnapshot;
import ru.unitecon.core.crm.LeadSnapshot;
import ru.unitecon.core.crm.Semantic;
import ru.unitecon.core.bookkeeping.AggregateKey;
import ru.unitecon.core.bookkeeping.CampaignCell;
import ru.unitecon.core.bookkeeping.Contribution;
import ru.unitecon.core.bookkeeping.Counters;
import ru.unitecon.core.bookkeeping.DealRecord;
import ru.unitecon.core.bookkeeping.LeadRecord;
import ru.unitecon.core.bookkeeping.Bookkeeping;
import ru.unitecon.core.bookkeeping.Measure;
import ru.unitecon.core.portal.PortalSettings;
import ru.unitecon.testsupport.LocalDynamo;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Thousands of lead and deal versions, duplicated, shuffled and applied by two workers at once, with deletes that
 * may overtake the versions they delete: the aggregates built change by change, or in group transactions of many
 * changes, must equal the aggregates recomputed from scratch, both from the stored records and from the truth the
 * generator knows.
 */
class RandomizedBookkeepingTest {
    private static final List<LeadSource> SOURCES = List.of(
            LeadSource.ofUtm("instagram", "social", "spring"), LeadSource.ofUtm("vk", "cpc", null),
            LeadSource.ofUtm("yandex", "cpc", "brand"), LeadSource.ofSourceId("CALL"),
            LeadSource.ofSourceId("RECOMMENDATION"), LeadSource.ofSourceId("UC_X1"), LeadSource.NONE,
            LeadSource.ofUtm("2gis", null, null), LeadSource.ofSourceId("3|WHATSAPP"));
    private static final Instant START = Instant.parse("2025-01-01T00:00:00Z");

    private final Random random = new Random(20261123);
    private final String member = LocalDynamo.freshMemberId();
    private final PortalSettings settings = PortalSettings.defaults().withZone(ZoneId.of("Asia/Novosibirsk"));
    private final RecordStore store = new RecordStore(LocalDynamo.client(), LocalDynamo.TABLE, Clock.systemUTC());

    private sealed interface Change permits LeadVersion, DealVersion, LeadDelete, DealDelete {
    }

    private record LeadVersion(LeadSnapshot snapshot) implements Change {
    }

    private record DealVersion(DealSnapshot snapshot) implements Change {
    }

    private record LeadDelete(long id, Instant at) implements Change {
    }

    private record DealDelete(long id, Instant at) implements Change {
    }

    @Test
    void aggregatesBuiltChangeByChangeEqualAFromScratchRecomputation() throws Exception {
        Map<Long, LeadSnapshot> finalLeads = new HashMap<>();
        Map<Long, DealSnapshot> finalDeals = new HashMap<>();
        List<Change> changes = generate(1000, 800, 300, finalLeads, finalDeals);
        assertTrue(changes.size() >= 10_000, "at least 10 000 changes, got " + changes.size());

        applyWithTwoWorkers(changes, 1);

        assertEqualsRecomputation(finalLeads, finalDeals);
    }

    /**
     * The same through {@link RecordStore#applyAll}: each worker takes runs of up to 120 changes and applies their
     * snapshots in group transactions (deletes one by one, in their place), so groups of the two workers collide on
     * shared clients and fall back to single applies.
     */
    @Test
    void aggregatesBuiltInGroupTransactionsEqualAFromScratchRecomputation() throws Exception {
        Map<Long, LeadSnapshot> finalLeads = new HashMap<>();
        Map<Long, DealSnapshot> finalDeals = new HashMap<>();
        List<Change> changes = generate(1000, 800, 300, finalLeads, finalDeals);

        applyWithTwoWorkers(changes, 120);

        assertEqualsRecomputation(finalLeads, finalDeals);
    }

    private void assertEqualsRecomputation(Map<Long, LeadSnapshot> finalLeads, Map<Long, DealSnapshot> finalDeals) {
        AggregateReader reader = new AggregateReader(LocalDynamo.client(), LocalDynamo.TABLE);
        Map<AggregateKey, Counters> stored = new HashMap<>(
                reader.load(member, YearMonth.of(2000, 1), YearMonth.of(2100, 12)).counters());
        reader.cohorts(member, YearMonth.of(2000, 1), YearMonth.of(2100, 12))
                .forEach((cell, cohort) -> stored.merge(cell, cohort, Counters::plus));
        Contribution fromRecords = store.recompute(member, settings);
        assertEquals(fromRecords.cells(), new TreeMap<>(stored));

        Bookkeeping bookkeeping = new Bookkeeping(settings);
        Contribution fromTruth = bookkeeping.recompute(
                finalLeads.values().stream().map(s -> LeadRecord.from(s, null, settings)).toList(),
                finalDeals.values().stream().map(s -> DealRecord.from(s, null, settings)).toList());
        // Confirmations depend on which intermediate versions a worker happened to see; everything else may not.
        assertEquals(withoutConfirmations(fromTruth.cells()), withoutConfirmations(new TreeMap<>(stored)));
        assertTrue(stored.values().stream().mapToLong(c -> c.count(Measure.ORDERS)).sum() > 100);

        Map<CampaignCell, Counters> storedCampaigns = new TreeMap<>(
                reader.campaigns(member, YearMonth.of(2000, 1), YearMonth.of(2100, 12)));
        assertEquals(fromRecords.campaignCells(), storedCampaigns);
        assertEquals(fromTruth.campaignCells(), storedCampaigns);
        assertTrue(storedCampaigns.values().stream().mapToLong(c -> c.count(Measure.NEW_CLIENTS)).sum() > 10);
    }

    /** @param runLength the most changes a worker takes at once; 1 applies each change on its own */
    private void applyWithTwoWorkers(List<Change> changes, int runLength) throws Exception {
        AtomicInteger next = new AtomicInteger();
        try (ExecutorService workers = Executors.newFixedThreadPool(2)) {
            List<Future<?>> running = new ArrayList<>();
            for (int w = 0; w < 2; w++) {
                Random lengths = new Random(w);
                running.add(workers.submit(() -> {
                    while (true) {
                        int length = 1 + lengths.nextInt(runLength);
                        int from = next.getAndAdd(length);
                        if (from >= changes.size()) {
                            return;
                        }
                        List<Change> run = changes.subList(from, Math.min(from + length, changes.size()));
                        if (runLength == 1) {
                            run.forEach(this::apply);
                        } else {
                            applyInGroups(run);
                        }
                    }
                }));
            }
            for (Future<?> worker : running) {
                worker.get();
            }
        }
    }

    private void applyInGroups(List<Change> run) {
        List<RecordSnapshot> snapshots = new ArrayList<>();
        for (Change change : run) {
            switch (change) {
                case LeadVersion v -> snapshots.add(RecordSnapshot.of(v.snapshot(), null));
                case DealVersion v -> snapshots.add(RecordSnapshot.of(v.snapshot(), null));
                case LeadDelete d -> {
                    store.applyAll(member, settings, snapshots);
                    snapshots.clear();
                    apply(d);
                }
                case DealDelete d -> {
                    store.applyAll(member, settings, snapshots);
                    snapshots.clear();
                    apply(d);
                }
            }
        }
        store.applyAll(member, settings, snapshots);
    }

    private void apply(Change change) {
        switch (change) {
            case LeadVersion v -> store.apply(member, settings, v.snapshot());
            case DealVersion v -> store.apply(member, settings, v.snapshot());
            case LeadDelete d -> store.deleteLead(member, settings, d.id(), d.at());
            case DealDelete d -> store.deleteDeal(member, settings, d.id(), d.at());
        }
    }

    private List<Change> generate(int leads, int deals, int contacts, Map<Long, LeadSnapshot> finalLeads,
                                  Map<Long, DealSnapshot> finalDeals) {
        List<Change> changes = new ArrayList<>();
        for (long id = 1; id <= leads; id++) {
            Instant created = START.plus(Duration.ofMinutes(random.nextInt(60 * 24 * 540)));
            Instant modified = created;
            LeadSnapshot last = null;
            int versions = 1 + random.nextInt(7);
            for (int v = 0; v < versions; v++) {
                modified = modified.plus(Duration.ofMinutes(1 + random.nextInt(60 * 24 * 3)));
                last = new LeadSnapshot(id, created, modified, pick(SOURCES), pick(List.of(Semantic.values())),
                        random.nextInt(3) == 0 ? null : 1L + random.nextInt(contacts),
                        BigDecimal.valueOf(random.nextInt(5000)), 1L, appointment(created));
                addWithDuplicates(changes, new LeadVersion(last));
            }
            if (random.nextInt(12) == 0) {
                changes.add(new LeadDelete(id, modified.plusSeconds(60)));
            } else {
                finalLeads.put(id, last);
            }
        }
        for (long id = 1; id <= deals; id++) {
            Instant created = START.plus(Duration.ofMinutes(random.nextInt(60 * 24 * 540)));
            Instant modified = created;
            DealSnapshot last = null;
            int versions = 1 + random.nextInt(7);
            for (int v = 0; v < versions; v++) {
                modified = modified.plus(Duration.ofMinutes(1 + random.nextInt(60 * 24 * 3)));
                Semantic stage = pick(List.of(Semantic.SUCCESS, Semantic.SUCCESS, Semantic.IN_PROGRESS,
                        Semantic.FAILURE));
                last = new DealSnapshot(id, created, modified, pick(SOURCES), stage,
                        random.nextInt(5) == 0 ? null : 1L + random.nextInt(contacts),
                        random.nextBoolean() ? 1L + random.nextInt(leads) : null,
                        new BigDecimal(random.nextInt(900_000)).movePointLeft(2),
                        stage == Semantic.SUCCESS ? LocalDate.ofInstant(
                                modified.minus(Duration.ofHours(random.nextInt(48))), settings.zone()) : null,
                        random.nextInt(4) == 0 ? null : 1L + random.nextInt(3), appointment(created));
                addWithDuplicates(changes, new DealVersion(last));
            }
            if (random.nextInt(12) == 0) {
                changes.add(new DealDelete(id, modified.plusSeconds(60)));
            } else {
                finalDeals.put(id, last);
            }
        }
        Collections.shuffle(changes, random);
        return changes;
    }

    private AppointmentObservation appointment(Instant created) {
        if (random.nextInt(3) == 0) {
            return null;
        }
        Instant time = created.plus(Duration.ofHours(1 + random.nextInt(24 * 20)));
        return new AppointmentObservation(time, pick(List.of(AppointmentState.values())));
    }

    private void addWithDuplicates(List<Change> changes, Change change) {
        changes.add(change);
        while (random.nextInt(3) == 0) {
            changes.add(change);
        }
    }

    private <T> T pick(List<T> options) {
        return options.get(random.nextInt(options.size()));
    }

    private static SortedMap<AggregateKey, Counters> withoutConfirmations(Map<AggregateKey, Counters> cells) {
        SortedMap<AggregateKey, Counters> result = new TreeMap<>();
        cells.forEach((key, counters) -> {
            Map<String, BigDecimal> values = new HashMap<>(counters.asMap());
            values.remove(Measure.CONFIRMED.attribute());
            Counters rest = Counters.of(values);
            if (!rest.isZero()) {
                result.put(key, rest);
            }
        });
        return result;
    }
}
