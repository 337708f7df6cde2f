package ru.unitecon.core.install;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import ru.unitecon.core.attribution.LeadSource;
import ru.unitecon.core.bitrix.SimulatedInstallation;
import ru.unitecon.core.crm.LeadSnapshot;
import ru.unitecon.core.crm.Semantic;
import ru.unitecon.core.currency.Rate;
import ru.unitecon.core.bookkeeping.AggregateKey;
import ru.unitecon.core.bookkeeping.Counters;
import ru.unitecon.core.bookkeeping.Measure;
import ru.unitecon.core.portal.Installation;
import ru.unitecon.core.portal.PortalSettings;
import ru.unitecon.core.portal.InstallationStatus;
import ru.unitecon.core.portal.SettingSource;
import ru.unitecon.core.store.RecordStore;
import ru.unitecon.core.store.InstallationStore;
import ru.unitecon.core.store.SettingsStore;
import ru.unitecon.core.store.TableDefinition;
import ru.unitecon.core.sync.ChangeMessage;
import ru.unitecon.core.wiring.AppServices;
import ru.unitecon.simulator.Dataset;
import ru.unitecon.simulator.DatasetGenerator;
import ru.unitecon.simulator.Fault;
import ru.unitecon.testsupport.LocalDynamo;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the app learns from a portal about its zone and currencies, on the simulator and DynamoDB Local. */
class ZoneAndCurrencyLearnerTest {
    private static final Instant GENERATED_UNTIL = Instant.parse("2026-11-20T12:00:00Z");
    /** A table of its own, so that the refresh's list of installed portals holds this test's portal only. */
    private final String table = "facts-" + UUID.randomUUID();
    private final AppServices app;
    private final SettingsStore settings;
    private final List<ChangeMessage> queued = new ArrayList<>();
    private SimulatedInstallation installed;

    ZoneAndCurrencyLearnerTest() {
        TableDefinition.createIfMissing(LocalDynamo.client(), table);
        app = AppServices.on(LocalDynamo.client(), table).build();
        settings = app.settings();
    }

    /** The app on the portal's clock, queueing what it would send the sync function into {@link #queued}. */
    private AppServices onThePortalsClock() {
        return AppServices.on(LocalDynamo.client(), table).clock(installed.clock.withZone(ZoneOffset.UTC))
                .changes(queued::addAll).build();
    }

    private ZoneAndCurrencyLearner learner() {
        return onThePortalsClock().factsLearner();
    }

    private SimulatedInstallation portalIn(String zone, Dataset dataset) {
        installed = SimulatedInstallation.start(dataset, ZoneId.of(zone));
        return installed;
    }

    private SimulatedInstallation portalIn(String zone) {
        return portalIn(zone, DatasetGenerator.generateVaried(3, 20, ZoneId.of(zone), GENERATED_UNTIL));
    }

    @AfterEach
    void portalSawOnlyWellFormedCalls() {
        LocalDynamo.client().deleteTable(b -> b.tableName(table));
        installed.closeAfterCheckingCalls();
    }

    @ParameterizedTest
    @CsvSource({"Asia/Yekaterinburg, UTC+05:00", "Asia/Novosibirsk, UTC+07:00", "America/Sao_Paulo, UTC-03:00"})
    void theZoneAndTheBaseCurrencyComeFromThePortal(String portalZone, String learnedZone) {
        portalIn(portalZone);

        PortalSettings learned = learner().learn(installed.memberId(), installed.client());

        assertEquals(ZoneId.of(learnedZone), learned.zone());
        assertEquals(SettingSource.portal(installed.clock.instant()), learned.zoneSource());
        assertEquals("RUB", learned.currency());
        assertEquals(SettingSource.portal(installed.clock.instant()), learned.currencySource());
        assertEquals(new Rate(new BigDecimal("18.3100"), new BigDecimal("100")), learned.rates().rates().get("KZT"));
        assertEquals(learned, settings.load(installed.memberId()), "what was learned is stored");
    }

    @Test
    void aMoscowPortalKeepsTheNamedZoneItWasAssumedToBeIn() {
        portalIn("Europe/Moscow");

        PortalSettings learned = learner().learn(installed.memberId(), installed.client());

        assertEquals(ZoneId.of("Europe/Moscow"), learned.zone());
        assertEquals(SettingSource.portal(installed.clock.instant()), learned.zoneSource());
    }

    @Test
    void aZoneTheAdministratorsProfileNamesIsTakenWhenItFitsThePortal() {
        portalIn("Asia/Novosibirsk", DatasetGenerator.generateVaried(3, 5, ZoneId.of("Asia/Novosibirsk"),
                GENERATED_UNTIL).withAdminTimeZone("Asia/Novosibirsk"));

        assertEquals(ZoneId.of("Asia/Novosibirsk"), learner().learn(installed.memberId(), installed.client()).zone());
    }

    @Test
    void aZoneAndACurrencyAnAdministratorChoseAreKept() {
        portalIn("Asia/Yekaterinburg");
        SettingSource chosen = SettingSource.admin(Instant.parse("2026-10-01T10:00:00Z"));
        settings.save(installed.memberId(), PortalSettings.defaults().withZone(ZoneId.of("Europe/Kaliningrad"), chosen)
                .withCurrency("USD", chosen));

        PortalSettings after = learner().learn(installed.memberId(), installed.client());

        assertEquals(ZoneId.of("Europe/Kaliningrad"), after.zone());
        assertEquals(chosen, after.zoneSource());
        assertEquals("USD", after.currency());
        assertEquals("RUB", after.rates().base(), "the rates are the portal's all the same");
    }

    @Test
    void aPortalThatRefusesItsCurrenciesStillTeachesItsZoneAndIsAskedAgainTomorrow() {
        portalIn("America/Sao_Paulo");
        installed.portal.injectFault("crm.currency.list", Fault.SERVER_ERROR);

        PortalSettings after = learner().learn(installed.memberId(), installed.client());

        assertEquals(ZoneId.of("UTC-03:00"), after.zone());
        assertEquals(SettingSource.Kind.ASSUMED, after.currencySource().kind());
        assertNull(after.rates().fetchedAt());
        assertEquals(installed.clock.instant(), settings.load(installed.memberId()).rates().checkedAt());
    }

    @Test
    void recordsCountedInTheAssumedZoneAreRecountedInTheLearnedOneByAQueuedRecount() {
        portalIn("Asia/Yekaterinburg");
        RecordStore recordStore = app.recordStore();
        // 23:30 on 31 March in Moscow, 01:30 on 1 April in Yekaterinburg.
        Instant created = Instant.parse("2026-03-31T20:30:00Z");
        recordStore.apply(installed.memberId(), settings.load(installed.memberId()), new LeadSnapshot(1, created, created,
                LeadSource.ofUtm("instagram", null, null), Semantic.IN_PROGRESS, null, BigDecimal.ZERO, 1L, null));
        AggregateKey march = new AggregateKey(YearMonth.of(2026, 3), "instagram");
        AggregateKey april = new AggregateKey(YearMonth.of(2026, 4), "instagram");

        learner().learn(installed.memberId(), installed.client());

        assertEquals(List.of(ChangeMessage.recount(installed.memberId())), queued, "the sync function recounts");
        assertEquals(Optional.of(installed.clock.instant()), onThePortalsClock().recounts().pending(installed.memberId()));
        assertEquals(1, leads(march), "nothing is recounted before the sync runs the recount");

        assertTrue(onThePortalsClock().recounts().run(installed.memberId()));

        assertEquals(1, leads(april));
        assertEquals(0, leads(march));
        assertEquals(Optional.empty(), onThePortalsClock().recounts().pending(installed.memberId()));
    }

    @Test
    void learningAgainWhatIsAlreadyKnownQueuesNoRecount() {
        portalIn("Asia/Yekaterinburg");
        learner().learn(installed.memberId(), installed.client());
        queued.clear();
        installed.clock.advance(Duration.ofDays(1));

        learner().learn(installed.memberId(), installed.client());

        assertEquals(List.of(), queued);
    }

    private long leads(AggregateKey cell) {
        return app.aggregates().load(installed.memberId(), cell.month(), cell.month()).counters()
                .getOrDefault(cell, Counters.ZERO).count(Measure.LEADS);
    }

    @Test
    void theDailyRefreshAsksOncePerDayAndPicksUpANewRate() {
        portalIn("Asia/Yekaterinburg");
        InstallationStore portals = app.portals();
        portals.saveInstallation(new Installation(installed.memberId(), installed.portal.domain(),
                installed.portal.clientEndpoint(), URI.create("https://oauth.bitrix.info/rest/"), "token",
                InstallationStatus.INSTALLED, installed.clock.instant(), installed.clock.instant()));
        ZoneAndCurrencyRefresh refresh = new ZoneAndCurrencyRefresh(portals, settings, memberId -> installed.client(),
                learner(), installed.clock);

        int first = refresh.run();
        installed.clock.advance(Duration.ofHours(2));
        int soonAfter = refresh.run();
        installed.portal.setCurrencyRate("USD", "95.1000", "1");
        installed.clock.advance(Duration.ofHours(20));
        int nextDay = refresh.run();

        assertEquals(1, first);
        assertEquals(0, soonAfter);
        assertEquals(1, nextDay);
        assertEquals(new BigDecimal("95.1000"), settings.load(installed.memberId()).rates().rates().get("USD").amount());
    }
}
