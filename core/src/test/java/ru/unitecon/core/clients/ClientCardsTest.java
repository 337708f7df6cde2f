package ru.unitecon.core.clients;

import org.junit.jupiter.api.Test;
import ru.unitecon.core.appointments.AppointmentState;
import ru.unitecon.core.attribution.LeadSource;
import ru.unitecon.core.crm.AppointmentObservation;
import ru.unitecon.core.crm.DealSnapshot;
import ru.unitecon.core.crm.LeadSnapshot;
import ru.unitecon.core.crm.Semantic;
import ru.unitecon.core.portal.PortalSettings;
import ru.unitecon.core.portal.VariableCost;
import ru.unitecon.testsupport.SeededSalon;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The clock is SeededSalon's, 20 March 2026; the portal's settings are the defaults unless a test saves others. */
class ClientCardsTest {
    private static final PortalSettings DEFAULTS = PortalSettings.defaults();
    private final ClientCards cards = SeededSalon.APP.clientCards();

    /**
     * Contact 501: an Instagram lead of 10 January (campaign "spring") who came on 12 January and paid 3 000 ₽, a VK
     * lead of 1 February who missed the visit of 5 February, a deal of 2 March with a visit and 2 000 ₽, and two
     * visits still to come, 25 March and 2 April.
     */
    private static SeededSalon regular() {
        SeededSalon salon = new SeededSalon();
        lead(salon, 1, "2026-01-10T09:00:00Z", LeadSource.ofUtm("instagram", "cpc", "spring"), 501L,
                visit("2026-01-12T10:00:00Z", AppointmentState.ATTENDED));
        wonDeal(salon, 11, 501L, 1L, "3000", LocalDate.of(2026, 1, 12), null);
        lead(salon, 2, "2026-02-01T09:00:00Z", LeadSource.ofUtm("vk", null, null), 501L,
                visit("2026-02-05T10:00:00Z", AppointmentState.NO_SHOW));
        wonDeal(salon, 12, 501L, null, "2000", LocalDate.of(2026, 3, 2),
                visit("2026-03-02T10:00:00Z", AppointmentState.ATTENDED));
        lead(salon, 3, "2026-03-15T09:00:00Z", LeadSource.ofUtm("vk", null, null), 501L,
                visit("2026-03-25T10:00:00Z", AppointmentState.BOOKED));
        lead(salon, 4, "2026-03-16T09:00:00Z", LeadSource.ofUtm("vk", null, null), 501L,
                visit("2026-04-02T10:00:00Z", AppointmentState.CONFIRMED));
        return salon;
    }

    @Test
    void aRegularClientsCardSumsWhatTheStoreHoldsOfHer() {
        SeededSalon salon = regular();
        SeededSalon.APP.settings().save(salon.memberId, DEFAULTS.withVariableCost(VariableCost.percent("10")));

        ClientCard card = cards.forContact(salon.memberId, 501).orElseThrow();

        assertEquals("instagram", card.channel(), "the first touch, 10 January");
        assertEquals(Optional.of("spring"), card.campaign());
        assertEquals(2, card.visits(), "12 January and 2 March");
        assertEquals(1, card.noShows());
        assertEquals(2, card.orders());
        assertAmount("5000", card.revenue());
        // 5 000 ₽ less 10 % variable cost.
        assertAmount("4500", card.observedLtv());
        assertEquals(Optional.of(Instant.parse("2026-03-25T10:00:00Z")), card.nextVisit());
        assertEquals(Optional.of(LocalDate.of(2026, 3, 2)), card.lastOrder());
        assertEquals(ClientCard.Status.ACTIVE, card.status());
    }

    @Test
    void aDealsTabShowsTheClientOfItsContact() {
        SeededSalon salon = regular();

        assertEquals(cards.forContact(salon.memberId, 501), cards.forDeal(salon.memberId, 12));
        assertAmount("5000", cards.forDeal(salon.memberId, 11).orElseThrow().observedLtv(),
                "no variable cost by default");
    }

    @Test
    void aClientWithNoOrderForLongerThanTheWindowIsLost() {
        SeededSalon salon = new SeededSalon();
        lead(salon, 1, "2024-12-01T09:00:00Z", LeadSource.ofUtm("avito", null, null), 601L, null);
        wonDeal(salon, 11, 601L, 1L, "4000", LocalDate.of(2025, 2, 10), null);

        assertEquals(ClientCard.Status.LOST, cards.forContact(salon.memberId, 601).orElseThrow().status(),
                "13 months since the last order, the window is 12");
        SeededSalon.APP.settings().save(salon.memberId, DEFAULTS.withActiveWindowMonths(24));
        assertEquals(ClientCard.Status.ACTIVE, cards.forContact(salon.memberId, 601).orElseThrow().status());
    }

    @Test
    void aLeadWithOnlyABookingIsNotYetAClient() {
        SeededSalon salon = new SeededSalon();
        lead(salon, 1, "2026-03-18T09:00:00Z", LeadSource.ofUtm("telegram", null, "bot"), 701L,
                visit("2026-03-21T12:00:00Z", AppointmentState.BOOKED));

        ClientCard card = cards.forContact(salon.memberId, 701).orElseThrow();

        assertEquals(ClientCard.Status.NOT_YET_CLIENT, card.status());
        assertEquals(0, card.orders());
        assertAmount("0", card.revenue());
        assertEquals(Optional.of(Instant.parse("2026-03-21T12:00:00Z")), card.nextVisit());
        assertEquals(Optional.empty(), card.lastOrder());
    }

    @Test
    void anOrderInACurrencyWithoutARateIsCountedApartNotAsRevenue() {
        SeededSalon salon = new SeededSalon()
                .lead(1, YearMonth.of(2026, 3), 1, LeadSource.ofUtm("vk", null, null), 801L)
                .wonDeal(11, YearMonth.of(2026, 3), 3, 801, 1, "1500")
                .wonDealIn(12, YearMonth.of(2026, 3), 5, 801, 1, "100", "USD");

        ClientCard card = cards.forContact(salon.memberId, 801).orElseThrow();

        assertEquals(1, card.orders());
        assertEquals(1, card.ordersNotCounted());
        assertAmount("1500", card.revenue());
    }

    @Test
    void aContactOrDealTheAppNeverSawHasNoCard() {
        SeededSalon salon = regular();

        assertEquals(Optional.empty(), cards.forContact(salon.memberId, 999));
        assertEquals(Optional.empty(), cards.forDeal(salon.memberId, 999));
    }

    @Test
    void theSameContactIdOnAnotherPortalIsAnotherClient() {
        SeededSalon ours = regular();
        SeededSalon theirs = new SeededSalon();
        lead(theirs, 1, "2026-03-01T09:00:00Z", LeadSource.ofUtm("avito", null, null), 501L, null);
        wonDeal(theirs, 11, 501L, 1L, "99000", LocalDate.of(2026, 3, 3), null);

        assertAmount("5000", cards.forContact(ours.memberId, 501).orElseThrow().revenue());
        assertEquals("avito", cards.forContact(theirs.memberId, 501).orElseThrow().channel());
        assertTrue(cards.forDeal(theirs.memberId, 12).isEmpty(), "deal 12 is ours");
    }

    private static AppointmentObservation visit(String time, AppointmentState state) {
        return new AppointmentObservation(Instant.parse(time), state);
    }

    private static void lead(SeededSalon salon, long id, String created, LeadSource source, Long contactId,
                             AppointmentObservation visit) {
        Instant at = Instant.parse(created);
        SeededSalon.APP.recordStore().apply(salon.memberId, DEFAULTS, new LeadSnapshot(id, at, at, source,
                Semantic.IN_PROGRESS, contactId, BigDecimal.ZERO, 1L, visit));
    }

    private static void wonDeal(SeededSalon salon, long id, Long contactId, Long leadId, String amount,
                                LocalDate closed, AppointmentObservation visit) {
        Instant at = closed.atTime(9, 0).toInstant(ZoneOffset.UTC);
        SeededSalon.APP.recordStore().apply(salon.memberId, DEFAULTS, new DealSnapshot(id, at, at, LeadSource.NONE,
                Semantic.SUCCESS, contactId, leadId, new BigDecimal(amount), closed, 1L, visit));
    }

    private static void assertAmount(String expected, BigDecimal actual) {
        assertAmount(expected, actual, "");
    }

    private static void assertAmount(String expected, BigDecimal actual, String message) {
        assertEquals(0, new BigDecimal(expected).compareTo(actual), message + ": expected " + expected + " but was "
                + actual);
    }
}
