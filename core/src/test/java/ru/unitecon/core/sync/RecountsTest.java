package ru.unitecon.core.sync;

import org.junit.jupiter.api.Test;
import ru.unitecon.core.attribution.LeadSource;
import ru.unitecon.core.crm.LeadSnapshot;
import ru.unitecon.core.crm.Semantic;
import ru.unitecon.core.bookkeeping.AggregateKey;
import ru.unitecon.core.bookkeeping.Counters;
import ru.unitecon.core.bookkeeping.Measure;
import ru.unitecon.core.portal.PortalSettings;
import ru.unitecon.core.portal.SettingSource;
import ru.unitecon.core.wiring.AppServices;
import ru.unitecon.testsupport.LocalDynamo;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A recount asked for by a settings change: marked and queued, then run by the sync with the stored settings. */
class RecountsTest {
    private static final Instant NOW = Instant.parse("2026-03-20T09:00:00Z");

    private final List<ChangeMessage> queued = new ArrayList<>();
    private final AppServices app = AppServices.on(LocalDynamo.client(), LocalDynamo.TABLE)
            .clock(Clock.fixed(NOW, ZoneOffset.UTC)).changes(queued::addAll).build();
    private final String member = LocalDynamo.freshMemberId();

    @Test
    void aRequestMarksThePortalAndQueuesOneRecount() {
        app.recounts().request(member);

        assertEquals(List.of(ChangeMessage.recount(member)), queued);
        assertEquals(Optional.of(NOW), app.recounts().pending(member));
    }

    @Test
    void theSyncsRunCountsTheRecordsAgainAndClearsTheMark() {
        // 22:30 on 31 March in UTC is 01:30 on 1 April in Moscow, the portal's zone until the settings change.
        Instant created = Instant.parse("2026-03-31T22:30:00Z");
        app.recordStore().apply(member, PortalSettings.defaults(), new LeadSnapshot(1, created, created,
                LeadSource.ofUtm("vk", null, null), Semantic.IN_PROGRESS, null, BigDecimal.ZERO, 1L, null));
        PortalSettings defaults = PortalSettings.defaults();
        app.settings().save(member, defaults.withZone(ZoneOffset.UTC, SettingSource.admin(NOW)));
        app.recounts().request(member);

        assertTrue(app.recounts().run(member));

        assertEquals(Optional.empty(), app.recounts().pending(member));
        YearMonth march = YearMonth.of(2026, 3);
        var counters = app.aggregates().load(member, march, march.plusMonths(1)).counters();
        assertEquals(1, counters.get(new AggregateKey(march, "vk")).count(Measure.LEADS));
        assertEquals(0, counters.getOrDefault(new AggregateKey(march.plusMonths(1), "vk"), Counters.ZERO)
                .count(Measure.LEADS));
    }

    @Test
    void withoutARequestTheSyncHasNothingToDo() {
        assertTrue(app.recounts().run(member));

        assertEquals(Optional.empty(), app.recounts().pending(member));
    }
}
