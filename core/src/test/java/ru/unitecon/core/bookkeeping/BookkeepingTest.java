package ru.unitecon.core.bookkeeping;

import org.junit.jupiter.api.Test;
import ru.unitecon.core.appointments.Appointment;
import ru.unitecon.core.appointments.AppointmentState;
import ru.unitecon.core.attribution.LeadSource;
import ru.unitecon.core.crm.DealSnapshot;
import ru.unitecon.core.crm.Semantic;
import ru.unitecon.core.currency.Amount;
import ru.unitecon.core.currency.CurrencyRates;
import ru.unitecon.core.portal.Attribution;
import ru.unitecon.core.portal.OrderSource;
import ru.unitecon.core.portal.PortalSettings;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BookkeepingTest {
    private static final YearMonth JAN = YearMonth.of(2026, 1);
    private final Bookkeeping bookkeeping = new Bookkeeping(PortalSettings.defaults());

    private static Instant moscow(String localDateTime) {
        return java.time.LocalDateTime.parse(localDateTime).atZone(PortalSettings.DEFAULT_ZONE).toInstant();
    }

    private static ClientMember touch(String at, String channel) {
        return new ClientMember(moscow(at), channel, null, null);
    }

    private static ClientMember order(String touchedAt, String channel, String orderAt, String amount) {
        return new ClientMember(moscow(touchedAt), channel,
                new ClientMember.Order(java.time.LocalDateTime.parse(orderAt).toLocalDate(), new BigDecimal(amount), null),
                null);
    }

    private static Amount rubles(String amount) {
        return Amount.of(new BigDecimal(amount), "RUB", "RUB", CurrencyRates.unknown());
    }

    private static ClientState client(Object... idsAndMembers) {
        TreeMap<String, ClientMember> members = new TreeMap<>();
        for (int i = 0; i < idsAndMembers.length; i += 2) {
            members.put((String) idsAndMembers[i], (ClientMember) idsAndMembers[i + 1]);
        }
        return new ClientState("C1", members);
    }

    @Test
    void aClientCountsUnderTheChannelOfItsFirstTouch() {
        ClientState c = client(
                "L1", touch("2026-01-02T10:00", "instagram"),
                "D1", order("2026-01-05T10:00", "call", "2026-01-06T10:00", "1200"));

        Contribution contribution = bookkeeping.contributionOf(c);

        Counters jan = contribution.cells().get(new AggregateKey(JAN, "instagram"));
        assertEquals(1, jan.count(Measure.ORDERS));
        assertEquals(1, jan.count(Measure.NEW_CLIENTS));
        assertEquals(0, new BigDecimal("1200").compareTo(jan.get(Measure.REVENUE)));
        assertNull(contribution.cells().get(new AggregateKey(JAN, "call")));
    }

    @Test
    void lastTouchTakesTheLatestTouchBeforeTheFirstOrder() {
        Bookkeeping lastTouch = new Bookkeeping(PortalSettings.defaults().withAttribution(Attribution.LAST_TOUCH));
        ClientState c = client(
                "L1", touch("2026-01-02T10:00", "instagram"),
                "L2", touch("2026-01-04T10:00", "vk"),
                "D1", order("2026-01-05T10:00", "call", "2026-01-04T09:00", "1200"),
                "L3", touch("2026-01-20T10:00", "avito"));

        assertTrue(lastTouch.contributionOf(c).cells().containsKey(new AggregateKey(JAN, "vk")));
    }

    @Test
    void cohortCountersSitOnTheAcquisitionMonthByAge() {
        ClientState c = client(
                "D1", order("2026-01-01T10:00", "vk", "2026-01-10T10:00", "1000"),
                "D2", order("2026-01-01T10:00", "vk", "2026-03-10T10:00", "500"),
                "D3", order("2026-01-01T10:00", "vk", "2027-02-10T10:00", "700"));

        Counters cohort = bookkeeping.contributionOf(c).cells().get(new AggregateKey(JAN, "vk"));

        assertEquals(0, new BigDecimal("1000").compareTo(cohort.cohortRevenue(0)));
        assertEquals(0, new BigDecimal("500").compareTo(cohort.cohortRevenue(2)));
        assertEquals(1, cohort.cohortOrders(2));
        assertEquals(1, cohort.count(Measure.BUYERS), "January is one of the two buying months in the window");
        assertEquals(0, cohort.cohortOrders(11), "the 13th month is past the kept cohort ages");
    }

    @Test
    void aClientStaysActiveForTheWindowAfterEachOrder() {
        ClientState c = client("D1", order("2026-01-01T10:00", "vk", "2026-01-10T10:00", "1000"));

        Contribution contribution = bookkeeping.contributionOf(c);

        assertEquals(1, contribution.cells().get(new AggregateKey(JAN.plusMonths(11), "vk"))
                .count(Measure.ACTIVE_CLIENTS));
        // The month after the window holds only the retention view's "became lost" counter.
        assertTrue(contribution.cells().get(new AggregateKey(JAN.plusMonths(12), "vk")).monthlyPart().isZero());
    }

    @Test
    void withoutDealsAnAttendedVisitWithAnAmountIsTheOrder() {
        Bookkeeping visits = new Bookkeeping(PortalSettings.defaults().withOrderSource(OrderSource.ATTENDED_APPOINTMENTS));
        Instant visitAt = moscow("2026-01-15T12:00");
        LeadRecord attended = new LeadRecord(1, moscow("2026-01-10T10:00"), moscow("2026-01-15T13:00"),
                LeadSource.ofUtm("instagram", null, null),
                Semantic.SUCCESS, 5L, rubles("2500"), 1L, "instagram",
                new Appointment(visitAt, AppointmentState.ATTENDED, true), false, null);

        ClientMember member = visits.memberOf(attended);

        assertEquals(java.time.LocalDate.of(2026, 1, 15), member.order().day());
        assertNull(bookkeeping.memberOf(attended).order(), "with won deals as orders a lead is never an order");
    }

    @Test
    void aLeadAndItsVisitCountUnderTheLeadsOwnChannel() {
        LeadRecord lead = new LeadRecord(1, moscow("2026-01-31T23:30"), moscow("2026-01-31T23:30"),
                LeadSource.ofUtm("vk", null, null),
                Semantic.IN_PROGRESS, null, rubles("0"), 1L, "vk",
                new Appointment(moscow("2026-02-02T10:00"), AppointmentState.NO_SHOW, true), false, null);

        Contribution c = bookkeeping.contributionOf(lead);

        assertEquals(1, c.cells().get(new AggregateKey(JAN, "vk")).count(Measure.LEADS));
        Counters feb = c.cells().get(new AggregateKey(JAN.plusMonths(1), "vk"));
        assertEquals(1, feb.count(Measure.NO_SHOWS));
        assertEquals(1, feb.count(Measure.CONFIRMED));
    }

    private static DealSnapshot wonDeal(String modified, String closeDate, String movedAt, String amount,
                                        String currency) {
        return new DealSnapshot(7, moscow("2026-01-02T10:00"), moscow(modified), LeadSource.ofUtm("vk", null, null),
                Semantic.SUCCESS, 5L, null, new BigDecimal(amount), currency,
                closeDate == null ? null : java.time.LocalDate.parse(closeDate),
                movedAt == null ? null : moscow(movedAt), 1L, null);
    }

    @Test
    void aWonDealWithoutCloseDateKeepsTheMonthItWasFirstSeenWonThroughLaterEdits() {
        PortalSettings settings = PortalSettings.defaults();
        DealRecord first = DealRecord.from(wonDeal("2026-01-31T23:50", null, "2026-01-31T23:40", "1000", "RUB"),
                null, settings);
        DealRecord editedInFebruary = DealRecord.from(wonDeal("2026-02-03T11:00", null, "2026-01-31T23:40", "1000",
                "RUB"), first, settings);
        DealRecord movedAgainInMarch = DealRecord.from(wonDeal("2026-03-03T11:00", null, "2026-03-03T11:00", "1000",
                "RUB"), editedInFebruary, settings);

        assertEquals(java.time.LocalDate.of(2026, 1, 31), bookkeeping.memberOf(editedInFebruary).order().day());
        assertEquals(java.time.LocalDate.of(2026, 1, 31), bookkeeping.memberOf(movedAgainInMarch).order().day(),
                "DATE_MODIFY and later stage moves do not move an order");
    }

    @Test
    void aDealThatLeavesWonAndWinsAgainIsAnOrderWhenItWonAgain() {
        PortalSettings settings = PortalSettings.defaults();
        DealRecord won = DealRecord.from(wonDeal("2026-01-10T10:00", null, "2026-01-10T10:00", "1000", "RUB"),
                null, settings);
        DealRecord reopened = DealRecord.from(new DealSnapshot(7, moscow("2026-01-02T10:00"),
                moscow("2026-02-01T10:00"), LeadSource.ofUtm("vk", null, null), Semantic.IN_PROGRESS, 5L, null,
                new BigDecimal("1000"), null, 1L, null), won, settings);
        DealRecord wonAgain = DealRecord.from(wonDeal("2026-03-05T10:00", null, "2026-03-05T09:00", "1000", "RUB"),
                reopened, settings);

        assertNull(bookkeeping.memberOf(reopened).order());
        assertEquals(java.time.LocalDate.of(2026, 3, 5), bookkeeping.memberOf(wonAgain).order().day());
    }

    @Test
    void anOrderInACurrencyWithoutARateIsCountedApartNotAsRevenue() {
        ClientState c = client(
                "L1", touch("2026-01-02T10:00", "vk"),
                "D1", new ClientMember(moscow("2026-01-05T10:00"), "vk",
                        new ClientMember.Order(java.time.LocalDate.of(2026, 1, 6), null, null), null),
                "D2", order("2026-01-05T10:00", "vk", "2026-01-20T10:00", "2500"));

        Counters jan = bookkeeping.contributionOf(c).cells().get(new AggregateKey(JAN, "vk"));

        assertEquals(1, jan.count(Measure.ORDERS));
        assertEquals(1, jan.count(Measure.UNCOUNTED_ORDERS));
        assertEquals(0, new BigDecimal("2500").compareTo(jan.get(Measure.REVENUE)));
        assertEquals(1, jan.count(Measure.NEW_CLIENTS), "the client is new with the order that counts");
    }

    @Test
    void openVisitsAreCountedByTheirDayInThePortalsZone() {
        Bookkeeping yekaterinburg = new Bookkeeping(PortalSettings.defaults().withZone(java.time.ZoneId.of("Asia/Yekaterinburg")));
        LeadRecord lead = new LeadRecord(1, moscow("2026-01-20T10:00"), moscow("2026-01-20T10:00"),
                LeadSource.ofUtm("vk", null, null), Semantic.IN_PROGRESS, null, rubles("0"), 1L, "vk",
                new Appointment(Instant.parse("2026-01-31T19:30:00Z"), AppointmentState.CONFIRMED, true), false, null);

        Counters feb = yekaterinburg.contributionOf(lead).cells().get(new AggregateKey(JAN.plusMonths(1), "vk"));

        assertEquals(1, feb.count(Measure.APPOINTMENTS), "00:30 on 1 February in Yekaterinburg");
        assertEquals(1, feb.openVisitsBefore(2));
        assertEquals(0, feb.openVisitsBefore(1));
    }
}
