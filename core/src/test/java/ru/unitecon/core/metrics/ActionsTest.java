package ru.unitecon.core.metrics;

import org.junit.jupiter.api.Test;
import ru.unitecon.core.attribution.LeadSource;
import ru.unitecon.core.bookkeeping.Measure;
import ru.unitecon.core.portal.PortalSettings;
import ru.unitecon.core.portal.ReminderPolicy;
import ru.unitecon.core.portal.VariableCost;
import ru.unitecon.testsupport.SeededSalon;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static ru.unitecon.core.attribution.Channel.INSTAGRAM;
import static ru.unitecon.core.attribution.Channel.TELEGRAM;
import static ru.unitecon.core.attribution.Channel.VK;
import static ru.unitecon.core.metrics.MetricAssertions.assertAmount;
import static ru.unitecon.core.metrics.MetricAssertions.assertUndefined;
import static ru.unitecon.core.metrics.MetricAssertions.assertValue;

class ActionsTest {
    private static final YearMonth MARCH = YearMonth.of(2026, 3);
    private static final Period IN_MARCH = Period.month(MARCH);
    private static final PortalSettings TEN_PERCENT = PortalSettings.defaults()
            .withVariableCost(VariableCost.percent("10"));

    /**
     * VK: 80 000 ₽ for 2 clients whose 2 orders brought 5 200 ₽. Telegram: 5 000 ₽, nobody came. Instagram: 6 000 ₽
     * for 3 clients, 3 orders, 9 000 ₽; 4 no-shows; 2 visits of 5 March nobody marked. Variable cost 10 %.
     */
    private static PortalFixture march() {
        return new PortalFixture()
                .spend(MARCH, VK, "80000").count(MARCH, VK, Measure.NEW_CLIENTS, 2)
                .count(MARCH, VK, Measure.ORDERS, 2).revenue(MARCH, VK, "5200")
                .spend(MARCH, TELEGRAM, "5000")
                .spend(MARCH, INSTAGRAM, "6000").count(MARCH, INSTAGRAM, Measure.NEW_CLIENTS, 3)
                .count(MARCH, INSTAGRAM, Measure.ORDERS, 3).revenue(MARCH, INSTAGRAM, "9000")
                .count(MARCH, INSTAGRAM, Measure.NO_SHOWS, 4)
                .openVisits(MARCH, INSTAGRAM, 5, 2);
    }

    @Test
    void theThreeActionsWorthTheMostMoneyComeFirstEachWithItsSum() {
        List<Action> actions = march().engine(TEN_PERCENT).actions(IN_MARCH);

        // VK: CAC 40 000 − (AOV 2 600 − 260) = 37 660 ₽ lost on each of 2 clients: 75 320 ₽.
        // The portal's AOV is 14 200 / 5 = 2 840 ₽: 4 no-shows 11 360 ₽, 2 unmarked visits 5 680 ₽.
        // Telegram's 5 000 ₽ is the fourth and is left out.
        assertEquals(List.of(Action.Kind.CHANNEL_LOSES_ON_EVERY_CLIENT, Action.Kind.NO_SHOWS,
                Action.Kind.UNMARKED_VISITS), actions.stream().map(Action::kind).toList());
        assertAmount("75320", actions.get(0).money());
        assertValue("37660", actions.get(0).perClient());
        assertEquals(Optional.of(VK), actions.get(0).channel());
        assertEquals(Action.Target.CHANNELS, actions.get(0).target());
        assertAmount("11360", actions.get(1).money());
        assertEquals(4, actions.get(1).count());
        assertEquals(Action.Target.APPOINTMENTS, actions.get(1).target());
        assertAmount("5680", actions.get(2).money());
        assertEquals(2, actions.get(2).count());
    }

    @Test
    void aChannelThatSpentAndBroughtNobodyPutsItsWholeSpendAtStake() {
        List<Action> actions = new PortalFixture().spend(MARCH, TELEGRAM, "5000").engine().actions(IN_MARCH);

        assertEquals(1, actions.size());
        assertEquals(Action.Kind.CHANNEL_SPENDS_WITHOUT_CLIENTS, actions.getFirst().kind());
        assertAmount("5000", actions.getFirst().money());
        assertEquals(Optional.of(TELEGRAM), actions.getFirst().channel());
        assertUndefined(actions.getFirst().perClient());
    }

    @Test
    void noShowsPointToTheSettingsWhenRemindersAreOffOrNoneIsSameDay() {
        PortalFixture portal = march();
        ReminderPolicy defaults = ReminderPolicy.defaults();
        PortalSettings off = TEN_PERCENT.withReminders(new ReminderPolicy(List.of(), defaults.quietFrom(),
                defaults.quietUntil(), defaults.markAfter(), defaults.noShowOffer()));
        PortalSettings dayBefore = TEN_PERCENT.withReminders(new ReminderPolicy(List.of(Duration.ofHours(24)),
                defaults.quietFrom(), defaults.quietUntil(), defaults.markAfter(), defaults.noShowOffer()));

        Action withoutReminders = portal.engine(off).actions(IN_MARCH).get(1);
        Action withoutSameDay = portal.engine(dayBefore).actions(IN_MARCH).get(1);

        assertEquals(Action.Kind.NO_SHOWS_WITHOUT_REMINDERS, withoutReminders.kind());
        assertEquals(Action.Target.SETTINGS, withoutReminders.target());
        assertEquals(Action.Kind.NO_SHOWS_WITHOUT_SAME_DAY_REMINDER, withoutSameDay.kind());
        assertEquals(Action.Target.SETTINGS, withoutSameDay.target());
        assertAmount("11360", withoutSameDay.money());
    }

    @Test
    void equalSumsRankAChannelBeforeNoShowsBeforeUnmarkedVisits() {
        // VK: 2 000 ₽ for a client whose order brought 1 000 ₽ loses 1 000 ₽; one no-show and one unmarked visit
        // are worth the same 1 000 ₽ average order.
        List<Action> actions = new PortalFixture()
                .spend(MARCH, VK, "2000").count(MARCH, VK, Measure.NEW_CLIENTS, 1)
                .count(MARCH, VK, Measure.ORDERS, 1).revenue(MARCH, VK, "1000")
                .count(MARCH, VK, Measure.NO_SHOWS, 1).openVisits(MARCH, VK, 9, 1)
                .engine().actions(IN_MARCH);

        assertEquals(List.of(Action.Kind.CHANNEL_LOSES_ON_EVERY_CLIENT, Action.Kind.NO_SHOWS,
                Action.Kind.UNMARKED_VISITS), actions.stream().map(Action::kind).toList());
        actions.forEach(action -> assertAmount("1000", action.money()));
    }

    @Test
    void aPortalWithNothingWrongHasNothingToDo() {
        List<Action> actions = new PortalFixture()
                .spend(MARCH, INSTAGRAM, "6000").count(MARCH, INSTAGRAM, Measure.NEW_CLIENTS, 3)
                .count(MARCH, INSTAGRAM, Measure.ORDERS, 3).revenue(MARCH, INSTAGRAM, "9000")
                .engine().actions(IN_MARCH);

        assertEquals(List.of(), actions);
    }

    @Test
    void withoutOrdersVisitsAreCountedButValuedAtNothingAndRankLast() {
        List<Action> actions = new PortalFixture()
                .count(MARCH, INSTAGRAM, Measure.NO_SHOWS, 3)
                .spend(MARCH, TELEGRAM, "500")
                .engine().actions(IN_MARCH);

        assertEquals(List.of(Action.Kind.CHANNEL_SPENDS_WITHOUT_CLIENTS, Action.Kind.NO_SHOWS),
                actions.stream().map(Action::kind).toList());
        assertEquals(3, actions.get(1).count());
        assertAmount("0", actions.get(1).money());
    }

    /**
     * Leads and won deals applied as the sync applies them; the loss is then computed straight from the same raw
     * amounts, without the aggregates: spend − new clients × their average order.
     */
    @Test
    void theLossMatchesADirectComputationFromTheRawRecords() {
        Map<Long, String> vkOrders = Map.of(201L, "300", 202L, "500");
        BigDecimal vkSpend = new BigDecimal("10000");
        SeededSalon salon = new SeededSalon()
                .lead(1, MARCH, 2, LeadSource.ofUtm("vk", null, null), 201L)
                .lead(2, MARCH, 3, LeadSource.ofUtm("vk", null, null), 202L)
                .lead(3, MARCH, 4, LeadSource.ofUtm("instagram", null, null), 203L)
                .wonDeal(11, MARCH, 5, 201, 1, vkOrders.get(201L))
                .wonDeal(12, MARCH, 6, 202, 2, vkOrders.get(202L))
                .wonDeal(13, MARCH, 7, 203, 3, "2000")
                .spend(MARCH, Map.of(VK, vkSpend, INSTAGRAM, new BigDecimal("1000")));

        BigDecimal vkRevenue = vkOrders.values().stream().map(BigDecimal::new).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal directLoss = vkSpend.subtract(vkRevenue); // each client ordered once: clients × AOV = revenue

        List<Action> actions = salon.engine().actions(IN_MARCH);
        assertEquals(1, actions.size());
        assertEquals(Optional.of(VK), actions.getFirst().channel());
        assertAmount(directLoss.toPlainString(), actions.getFirst().money());
        assertAmount("9200", actions.getFirst().money());
    }
}
