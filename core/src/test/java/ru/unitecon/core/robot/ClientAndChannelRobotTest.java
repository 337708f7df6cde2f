package ru.unitecon.core.robot;

import org.junit.jupiter.api.Test;
import ru.unitecon.core.bitrix.crm.AppointmentFieldMapping;
import ru.unitecon.core.bitrix.crm.CrmEntity;
import ru.unitecon.core.bitrix.inbound.ForgedRequest;
import ru.unitecon.core.bitrix.inbound.MalformedRequest;
import ru.unitecon.core.bookkeeping.AggregateKey;
import ru.unitecon.core.metrics.MetricsEngine;
import ru.unitecon.core.metrics.Period;
import ru.unitecon.core.metrics.PeriodMetrics;
import ru.unitecon.core.store.StoredAggregates;
import ru.unitecon.simulator.CrmEntityType;
import ru.unitecon.simulator.Dataset;
import ru.unitecon.simulator.PortalRecords;
import ru.unitecon.testsupport.ServicesOnSimulatedPortal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The robot's answers on the bundled sample portal plus two vk clients of November 2026 written for the test. The
 * expected figures are worked out by hand below and the client's are counted again from the portal's raw deals.
 */
class ClientAndChannelRobotTest {
    private static final YearMonth NOVEMBER = YearMonth.of(2026, 11);
    private static final String FIRST_CONTACT = "9001";
    private static final String SECOND_CONTACT = "9002";

    @Test
    void answersTheLeadsChannelThisMonthAndItsClientToDate() {
        try (ServicesOnSimulatedPortal app = ServicesOnSimulatedPortal.start(Dataset.bundledSample())) {
            Salon salon = twoVkClients(app);

            Map<String, String> answer = app.services.robot().answer(runOnLead(app, salon.firstLead, Map.of()));

            // vk in November: 30 000 ₽ of spend, two new clients (contacts 9001 and 9002): CAC 15 000 ₽.
            assertEquals("vk", answer.get(RobotDefinition.CHANNEL));
            assertEquals("15000.00", answer.get(RobotDefinition.CHANNEL_CAC));
            // Contact 9001: won deals of 3 000 ₽ and 2 000 ₽, one visit missed.
            assertEquals("2", answer.get(RobotDefinition.CLIENT_ORDERS));
            assertEquals("5000.00", answer.get(RobotDefinition.CLIENT_REVENUE));
            assertEquals("1", answer.get(RobotDefinition.CLIENT_NO_SHOWS));
            // The last order was on 20 November, within the portal's twelve-month active-client window.
            assertEquals("N", answer.get(RobotDefinition.CLIENT_LOST));
            assertEquals(countedFromRawDeals(app, FIRST_CONTACT), Map.of(
                    "orders", answer.get(RobotDefinition.CLIENT_ORDERS),
                    "revenue", answer.get(RobotDefinition.CLIENT_REVENUE)));
            PeriodMetrics dashboard = vkInNovember(app);
            assertEquals(dashboard.ltvToCac().value().setScale(2, RoundingMode.HALF_EVEN).toPlainString(),
                    answer.get(RobotDefinition.CHANNEL_LTV_TO_CAC));
            assertEquals(dashboard.losingMoney() ? "Y" : "N", answer.get(RobotDefinition.CHANNEL_LOSING_MONEY));

            PortalRecords.RobotAnswer sent = app.portal.records().robotAnswers().getLast();
            assertEquals(RobotDefinition.CODE, sent.robotCode());
            assertEquals(answer, sent.returnValues());
        }
    }

    @Test
    void aClientIsLostAfterTheRulesDaysWithoutAVisit() {
        try (ServicesOnSimulatedPortal app = ServicesOnSimulatedPortal.start(Dataset.bundledSample())) {
            Salon salon = twoVkClients(app);

            // 23 November less 2 days is 21 November; the last order, 20 November, is before it.
            assertEquals("Y", app.services.robot().answer(runOnDeal(app, salon.secondDeal,
                    Map.of(RobotDefinition.LOST_AFTER_DAYS, "2"))).get(RobotDefinition.CLIENT_LOST));
            assertEquals("N", app.services.robot().answer(runOnDeal(app, salon.secondDeal,
                    Map.of(RobotDefinition.LOST_AFTER_DAYS, "3"))).get(RobotDefinition.CLIENT_LOST));
            assertThrows(MalformedRequest.class, () -> app.services.robot().answer(runOnDeal(app, salon.secondDeal,
                    Map.of(RobotDefinition.LOST_AFTER_DAYS, "soon"))));
        }
    }

    @Test
    void aLeadMadeASecondAgoIsReadFromThePortalBeforeItsEventIsSynced() {
        try (ServicesOnSimulatedPortal app = ServicesOnSimulatedPortal.start(Dataset.bundledSample())) {
            installed(app);
            long lead = app.portal.addLead(Map.of("TITLE", "Запись", "STATUS_ID", "NEW", "STATUS_SEMANTIC_ID", "P",
                    "UTM_SOURCE", "vk"));

            Map<String, String> answer = app.services.robot().answer(runOnLead(app, lead, Map.of()));

            assertEquals("vk", answer.get(RobotDefinition.CHANNEL));
            assertEquals("0", answer.get(RobotDefinition.CLIENT_ORDERS));
            // No new vk client this month yet: CAC has nothing to divide by and is left empty, never 0.
            assertEquals("", answer.get(RobotDefinition.CHANNEL_CAC));
            assertEquals("N", answer.get(RobotDefinition.CLIENT_LOST));
        }
    }

    @Test
    void aForgedOrUninstalledRunIsRefusedAndNothingIsAnswered() {
        try (ServicesOnSimulatedPortal app = ServicesOnSimulatedPortal.start(Dataset.bundledSample())) {
            installed(app);
            String genuine = runOnLead(app, 1, Map.of());
            String forged = genuine.replace("auth%5Bapplication_token%5D=" + app.portal.applicationToken(),
                    "auth%5Bapplication_token%5D=0123456789abcdef0123456789abcdef");
            String otherRobot = genuine.replace("code=" + RobotDefinition.CODE, "code=someone_elses_robot");

            assertNotEquals(genuine, forged);
            assertThrows(ForgedRequest.class, () -> app.services.robot().answer(forged));
            assertThrows(MalformedRequest.class, () -> app.services.robot().answer(otherRobot));
            assertThrows(MalformedRequest.class, () -> app.services.robot().answer("code=x&document_id[2]=CONTACT_5"));
            app.services.portals().markUninstalled(app.memberId());
            assertThrows(ForgedRequest.class, () -> app.services.robot().answer(genuine));
            assertEquals(List.of(), app.portal.records().robotAnswers());
        }
    }

    /**
     * Contact 9001 came from vk: a lead today, won deals of 3 000 ₽ on 10 November and 2 000 ₽ on 20 November, and
     * a visit on 21 November marked as missed. Contact 9002 came from vk too, with a won deal of 5 000 ₽ on
     * 15 November. vk's spend in November is 30 000 ₽.
     */
    private static Salon twoVkClients(ServicesOnSimulatedPortal app) {
        installed(app);
        Instant today = app.clock.instant();
        app.clock.set(Instant.parse("2026-11-10T09:00:00Z"));
        long firstDeal = wonDeal(app, FIRST_CONTACT, "3000.00", "2026-11-10");
        app.clock.set(Instant.parse("2026-11-15T09:00:00Z"));
        long otherClientsDeal = wonDeal(app, SECOND_CONTACT, "5000.00", "2026-11-15");
        app.clock.set(Instant.parse("2026-11-20T09:00:00Z"));
        long secondDeal = wonDeal(app, FIRST_CONTACT, "2000.00", "2026-11-20");
        app.clock.set(Instant.parse("2026-11-21T09:00:00Z"));
        long missed = app.portal.addDeal(Map.of("TITLE", "Стрижка", "STAGE_ID", "PREPARATION",
                "STAGE_SEMANTIC_ID", "P", "CONTACT_ID", FIRST_CONTACT, "UTM_SOURCE", "vk",
                AppointmentFieldMapping.TIME_FIELD, "2026-11-21T12:00:00+03:00",
                AppointmentFieldMapping.STATE_FIELD, app.portal.enumerationItem(CrmEntityType.DEAL,
                        AppointmentFieldMapping.STATE_FIELD, "NO_SHOW")));
        app.clock.set(today);
        long firstLead = app.portal.addLead(Map.of("TITLE", "Запись", "STATUS_ID", "NEW", "STATUS_SEMANTIC_ID", "P",
                "CONTACT_ID", FIRST_CONTACT, "UTM_SOURCE", "vk"));
        for (long deal : List.of(firstDeal, otherClientsDeal, secondDeal, missed)) {
            app.changed(CrmEntity.DEAL, deal);
        }
        app.changed(CrmEntity.LEAD, firstLead);
        app.sync();
        app.services.spend().replaceCells(app.memberId(),
                Map.of(new AggregateKey(NOVEMBER, "vk"), new BigDecimal("30000")));
        return new Salon(firstLead, secondDeal);
    }

    private record Salon(long firstLead, long secondDeal) {
    }

    /** The install page, its backfill, and the application token ONAPPINSTALL brings. */
    private static void installed(ServicesOnSimulatedPortal app) {
        app.installAndBackfill();
        app.services.portals().adoptApplicationToken(app.memberId(), app.portal.applicationToken());
    }

    private static long wonDeal(ServicesOnSimulatedPortal app, String contact, String amount, String closed) {
        return app.portal.addDeal(Map.of("TITLE", "Окрашивание", "STAGE_ID", "WON", "STAGE_SEMANTIC_ID", "S",
                "CONTACT_ID", contact, "OPPORTUNITY", amount, "CURRENCY_ID", "RUB", "CLOSEDATE",
                closed + "T00:00:00+03:00", "UTM_SOURCE", "vk"));
    }

    private static String runOnLead(ServicesOnSimulatedPortal app, long lead, Map<String, String> properties) {
        return app.portal.robots().runBody(RobotDefinition.CODE, CrmEntityType.LEAD, lead, properties,
                app.portal.employeeUserId());
    }

    private static String runOnDeal(ServicesOnSimulatedPortal app, long deal, Map<String, String> properties) {
        return app.portal.robots().runBody(RobotDefinition.CODE, CrmEntityType.DEAL, deal, properties,
                app.portal.employeeUserId());
    }

    /** Orders and revenue straight from the portal's deals: won deals of the contact, their OPPORTUNITY summed. */
    private static Map<String, String> countedFromRawDeals(ServicesOnSimulatedPortal app, String contact) {
        Map<String, String> counted = new HashMap<>();
        List<Map<String, Object>> won = app.portal.deals().all().stream()
                .filter(deal -> contact.equals(String.valueOf(deal.get("CONTACT_ID"))))
                .filter(deal -> "S".equals(deal.get("STAGE_SEMANTIC_ID"))).toList();
        counted.put("orders", String.valueOf(won.size()));
        counted.put("revenue", won.stream().map(deal -> new BigDecimal(String.valueOf(deal.get("OPPORTUNITY"))))
                .reduce(BigDecimal.ZERO, BigDecimal::add).setScale(2, RoundingMode.HALF_EVEN).toPlainString());
        return counted;
    }

    private static PeriodMetrics vkInNovember(ServicesOnSimulatedPortal app) {
        StoredAggregates stored = app.services.aggregates().load(app.memberId(), NOVEMBER.minusMonths(13), NOVEMBER);
        return new MetricsEngine(app.services.settings().load(app.memberId()), stored.counters(), stored.spend(),
                app.clock.instant()).channel(Period.month(NOVEMBER), "vk");
    }
}
