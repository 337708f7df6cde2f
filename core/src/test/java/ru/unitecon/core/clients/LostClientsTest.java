package ru.unitecon.core.clients;

import org.junit.jupiter.api.Test;
import ru.unitecon.core.attribution.LeadSource;
import ru.unitecon.core.bitrix.rest.BitrixApiError;
import ru.unitecon.core.crm.DealSnapshot;
import ru.unitecon.core.crm.LeadSnapshot;
import ru.unitecon.core.crm.Semantic;
import ru.unitecon.core.portal.PortalSettings;
import ru.unitecon.core.portal.RetentionPolicy;
import ru.unitecon.simulator.CrmEntityType;
import ru.unitecon.simulator.Dataset;
import ru.unitecon.simulator.PortalRecords;
import ru.unitecon.testsupport.ServicesOnSimulatedPortal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The world's clock stands on 23 November 2026 and the active window is 12 months, so a client whose latest order
 * fell in November 2025 became lost this month. The clients are written into the store by hand (the portal's sample
 * is never backfilled); the deals a to-do goes to also exist on the simulated portal.
 */
class LostClientsTest {
    /** The portal keeps the default offer: the to-do carries what the settings hold. */
    private static final String OFFER = RetentionPolicy.defaults().winBackOffer();
    private static final long MASTER = 17;

    /**
     * Contact 501: a VK lead and two orders of master 17, the latest on 10 November 2025 (lost this month). Deal
     * 900001 without contact or lead: one Avito order of 20 November 2025 (lost this month). Contact 502 ordered in
     * March 2026 (active), contact 503 last in October 2025 (lost last month).
     */
    private static long seed(ServicesOnSimulatedPortal app) {
        app.install();
        PortalSettings settings = app.services.settings().load(app.memberId());
        long latest = app.portal.addDeal(Map.of("TITLE", "Окрашивание", "STAGE_ID", "WON",
                "STAGE_SEMANTIC_ID", "S", "CONTACT_ID", "501", "ASSIGNED_BY_ID", String.valueOf(MASTER)));
        lead(app, settings, 800001, "2025-08-01", LeadSource.ofUtm("vk", null, null), 501L);
        wonDeal(app, settings, 800002, 501L, null, "3000", LocalDate.of(2025, 8, 3));
        wonDeal(app, settings, latest, 501L, null, "2000", LocalDate.of(2025, 11, 10));
        wonDeal(app, settings, 900001, null, null, "1500", LocalDate.of(2025, 11, 20));
        wonDeal(app, settings, 800003, 502L, null, "1000", LocalDate.of(2026, 3, 1));
        long lostLastMonth = app.portal.addDeal(Map.of("TITLE", "Стрижка", "STAGE_ID", "WON",
                "STAGE_SEMANTIC_ID", "S", "CONTACT_ID", "503", "ASSIGNED_BY_ID", String.valueOf(MASTER)));
        wonDeal(app, settings, lostLastMonth, 503L, null, "1000", LocalDate.of(2025, 10, 5));
        return latest;
    }

    @Test
    void theClientsLostThisMonthAreListedWithTheirFigures() {
        try (ServicesOnSimulatedPortal app = ServicesOnSimulatedPortal.start(Dataset.bundledSample())) {
            seed(app);

            List<LostClient> lost = app.services.lostClients().thisMonth(app.memberId());

            assertEquals(List.of("D900001", "C501"), lost.stream().map(LostClient::clientKey).toList(),
                    "by channel: avito before vk; 502 is active and 503 was lost last month");
            LostClient regular = lost.get(1);
            assertEquals("vk", regular.channel());
            assertEquals(MASTER, regular.master());
            assertEquals(LocalDate.of(2025, 11, 10), regular.lastOrder());
            assertEquals(2, regular.orders());
            assertEquals(0, new BigDecimal("5000").compareTo(regular.revenue()));
            assertEquals(YearMonth.of(2026, 11), regular.lostIn());
            assertEquals("crm/contact/details/501/", regular.crmPath());
            assertEquals("crm/deal/details/900001/", lost.getFirst().crmPath());
        }
    }

    @Test
    void aWinBackCreatesOneToDoPerClientAndLostMonth() {
        try (ServicesOnSimulatedPortal app = ServicesOnSimulatedPortal.start(Dataset.bundledSample())) {
            long latest = seed(app);
            LostClients lostClients = app.services.lostClients();

            assertEquals(LostClients.WinBack.CREATED, lostClients.winBack(app.memberId(), "C501"));
            assertEquals(LostClients.WinBack.ALREADY_CREATED, lostClients.winBack(app.memberId(), "C501"));

            List<PortalRecords.Todo> todos = app.portal.records().todos();
            assertEquals(1, todos.size(), "the second press creates nothing");
            PortalRecords.Todo todo = todos.getFirst();
            assertEquals(CrmEntityType.DEAL, todo.ownerType());
            assertEquals(latest, todo.ownerId(), "on the client's latest deal");
            assertEquals(String.valueOf(MASTER), todo.responsibleId());
            assertTrue(todo.description().contains(OFFER), todo.description());
            assertTrue(todo.deadline().startsWith("2026-11-24T12:00"), todo.deadline());
        }
    }

    @Test
    void aClientNotLostThisMonthGetsNoToDo() {
        try (ServicesOnSimulatedPortal app = ServicesOnSimulatedPortal.start(Dataset.bundledSample())) {
            seed(app);

            assertEquals(LostClients.WinBack.NOT_LOST_THIS_MONTH,
                    app.services.lostClients().winBack(app.memberId(), "C502"));
            assertEquals(LostClients.WinBack.NOT_LOST_THIS_MONTH,
                    app.services.lostClients().winBack(app.memberId(), "C503"));
            assertEquals(0, app.portal.records().todos().size());
        }
    }

    @Test
    void aPastMonthListsItsLostClientsStillLostAndTheirWinBackIsOncePerClientAndThatMonth() {
        try (ServicesOnSimulatedPortal app = ServicesOnSimulatedPortal.start(Dataset.bundledSample())) {
            seed(app);
            LostClients lostClients = app.services.lostClients();
            YearMonth october = YearMonth.of(2026, 10);

            assertEquals(List.of("C503"), lostClients.lostIn(app.memberId(), october).stream()
                    .map(LostClient::clientKey).toList());
            assertEquals(LostClients.WinBack.NOT_LOST_THIS_MONTH, lostClients.winBack(app.memberId(), "C501", october),
                    "501 became lost in November, not October");
            assertEquals(LostClients.WinBack.CREATED, lostClients.winBack(app.memberId(), "C503", october));
            assertEquals(LostClients.WinBack.ALREADY_CREATED, lostClients.winBack(app.memberId(), "C503", october));
            assertEquals(1, app.portal.records().todos().size());
            assertThrows(IllegalArgumentException.class,
                    () -> lostClients.lostIn(app.memberId(), YearMonth.of(2026, 12)), "nobody is lost in December yet");
            assertEquals(LostClients.WinBack.NOT_LOST_THIS_MONTH,
                    lostClients.winBack(app.memberId(), "C502", YearMonth.of(2027, 3)),
                    "502 will be lost in March 2027 unless it comes back: no to-do ahead of time");
        }
    }

    @Test
    void aRefusedToDoGivesTheClaimBack() {
        try (ServicesOnSimulatedPortal app = ServicesOnSimulatedPortal.start(Dataset.bundledSample())) {
            seed(app);
            LostClients lostClients = app.services.lostClients();

            // Deal 900001 is in the store only: the portal refuses a to-do on a deal it does not have.
            assertThrows(BitrixApiError.class, () -> lostClients.winBack(app.memberId(), "D900001"));
            assertThrows(BitrixApiError.class, () -> lostClients.winBack(app.memberId(), "D900001"),
                    "the refusal left no claim behind, so the press is tried again");
        }
    }

    private static void lead(ServicesOnSimulatedPortal app, PortalSettings settings, long id, String created,
                             LeadSource source, Long contactId) {
        Instant at = LocalDate.parse(created).atTime(9, 0).toInstant(ZoneOffset.UTC);
        app.services.recordStore().apply(app.memberId(), settings, new LeadSnapshot(id, at, at, source,
                Semantic.IN_PROGRESS, contactId, BigDecimal.ZERO, MASTER, null));
    }

    private static void wonDeal(ServicesOnSimulatedPortal app, PortalSettings settings, long id, Long contactId,
                                Long leadId, String amount, LocalDate closed) {
        Instant at = closed.atTime(9, 0).toInstant(ZoneOffset.UTC);
        LeadSource source = contactId == null ? LeadSource.ofUtm("avito", null, null) : LeadSource.NONE;
        app.services.recordStore().apply(app.memberId(), settings, new DealSnapshot(id, at, at, source,
                Semantic.SUCCESS, contactId, leadId, new BigDecimal(amount), closed, MASTER, null));
    }
}
