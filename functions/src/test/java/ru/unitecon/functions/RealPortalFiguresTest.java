package ru.unitecon.functions;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import ru.unitecon.core.access.SecretKind;
import ru.unitecon.core.portal.PortalSettings;
import ru.unitecon.core.portal.SettingSource;
import ru.unitecon.core.store.SecretStore;
import ru.unitecon.core.store.SpendStore;
import ru.unitecon.simulator.DatasetGenerator;
import ru.unitecon.simulator.SimulatedPortal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The proof that the numbers are right in real portals: three salons in UTC+5, UTC+7 and UTC−3 with deals in
 * roubles, dollars, tenge and a currency the portal does not rate, deals closed on the 1st of a month at midnight and
 * won deals without a close date, are installed and backfilled through the functions; nobody touches Settings. The
 * BI export of each is then compared, cell by cell and to the kopeck, with figures computed here straight from the
 * simulator's records by a deliberately naive reading that shares nothing with the bookkeeping: a month is the first
 * seven characters of the date as the portal wrote it, a channel is looked up from the lead's SOURCE_ID, and an
 * amount is converted with the portal's own AMOUNT / AMOUNT_CNT.
 */
class RealPortalFiguresTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String EXPORT_FROM = "2025-11";
    private static final String EXPORT_TO = "2026-12";
    /** How the simulator tags a lead's source, and the channel a salon means by it. */
    private static final Map<String, String> CHANNEL_OF_SOURCE = Map.ofEntries(
            Map.entry("UC_INSTAGRAM", "instagram"), Map.entry("UC_VK", "vk"), Map.entry("UC_TELEGRAM", "telegram"),
            Map.entry("UC_WHATSAPP", "whatsapp"), Map.entry("ADVERTISING", "yandex_direct"),
            Map.entry("UC_AVITO", "avito"), Map.entry("UC_2GIS", "2gis"), Map.entry("WEB", "website"),
            Map.entry("RECOMMENDATION", "referral"), Map.entry("CALL", "call"), Map.entry("", "unknown"));
    /** Typed into the app's spend, including a channel that brought nobody: Yandex Maps in June. */
    private static final Map<YearMonth, Map<String, BigDecimal>> SPEND = spendPlan();

    private static AppOnSimulatedPortal app;
    private static final Map<String, SimulatedPortal> SALONS = new LinkedHashMap<>();

    @BeforeAll
    static void installThreeSalons() {
        ZoneId yekaterinburg = ZoneId.of("Asia/Yekaterinburg");
        app = AppOnSimulatedPortal.start(DatasetGenerator.generateVaried(1201, 300, yekaterinburg,
                AppOnSimulatedPortal.START), yekaterinburg, Duration.ofSeconds(20));
        app.installAndBackfill();
        SALONS.put("Asia/Yekaterinburg", app.portal);
        for (String zone : List.of("Asia/Novosibirsk", "America/Sao_Paulo")) {
            SALONS.put(zone, app.installAnotherPortal(DatasetGenerator.generateVaried(1202 + SALONS.size(), 300,
                    ZoneId.of(zone), AppOnSimulatedPortal.START), ZoneId.of(zone)));
        }
        SpendStore spend = app.services.spend();
        SALONS.values().forEach(portal -> spend.replaceMonths(portal.memberId(), SPEND));
    }

    @AfterAll
    static void close() {
        SALONS.values().forEach(portal -> assertEquals(List.of(), portal.violations()));
        app.close();
    }

    private static Map<YearMonth, Map<String, BigDecimal>> spendPlan() {
        Map<YearMonth, Map<String, BigDecimal>> plan = new TreeMap<>();
        for (int month = 1; month <= 10; month++) {
            plan.put(YearMonth.of(2026, month), new HashMap<>(Map.of(
                    "instagram", new BigDecimal(18_000 + 350 * month + ".50"),
                    "vk", new BigDecimal(12_000 + 110 * month),
                    "yandex_direct", new BigDecimal(24_000 + 90 * month + ".25"))));
        }
        plan.get(YearMonth.of(2026, 6)).put("yandex_maps", new BigDecimal("9000"));
        return plan;
    }

    @Test
    void eachPortalsZoneAndCurrencyWereLearnedWithoutAnyoneTouchingSettings() {
        Map<String, String> expected = Map.of("Asia/Yekaterinburg", "UTC+05:00", "Asia/Novosibirsk", "UTC+07:00",
                "America/Sao_Paulo", "UTC-03:00");
        SALONS.forEach((zone, portal) -> {
            PortalSettings settings = app.settings.load(portal.memberId());
            assertEquals(ZoneId.of(expected.get(zone)), settings.zone(), zone);
            assertEquals(SettingSource.Kind.PORTAL, settings.zoneSource().kind(), zone);
            assertEquals("RUB", settings.currency(), zone);
        });
    }

    @Test
    void theDatasetsHaveWhatBrokeTheNumbersBefore() {
        for (SimulatedPortal portal : SALONS.values()) {
            List<Map<String, Object>> won = portal.deals().all().stream().filter(RealPortalFiguresTest::isWon).toList();
            assertTrue(won.stream().filter(deal -> text(deal, "CLOSEDATE").matches("\\d{4}-\\d{2}-01T00:00:00.*"))
                    .count() >= 5, "deals closed at midnight of the 1st");
            assertTrue(won.stream().anyMatch(deal -> text(deal, "CLOSEDATE").isEmpty()), "won without CLOSEDATE");
            Set<String> currencies = new TreeSet<>();
            won.forEach(deal -> currencies.add(text(deal, "CURRENCY_ID")));
            assertEquals(Set.of("RUB", "USD", "KZT", DatasetGenerator.UNRATED_CURRENCY), currencies);
        }
    }

    @Test
    void everyMonthAndChannelOfTheBiExportMatchesTheRecordsToTheKopeck() throws Exception {
        for (Map.Entry<String, SimulatedPortal> salon : SALONS.entrySet()) {
            Map<String, Cell> expected = NaiveFigures.of(salon.getValue(), SPEND).cells();
            Map<String, JsonNode> exported = export(salon.getValue());

            Set<String> keys = new TreeSet<>(expected.keySet());
            keys.addAll(exported.keySet());
            int compared = 0;
            for (String key : keys) {
                Cell want = expected.getOrDefault(key, new Cell());
                JsonNode row = exported.get(key);
                String where = salon.getKey() + " " + key;
                assertTrue(row != null || want.isEmpty(), where + " is missing from the export");
                if (row == null) {
                    continue;
                }
                assertEquals(want.leads, row.path("leads").asLong(), where + " leads");
                assertEquals(want.newClients, row.path("new_clients").asLong(), where + " new clients");
                assertEquals(want.orders, row.path("orders").asLong(), where + " orders");
                assertMoney(want.revenue, row.path("revenue"), where + " revenue");
                assertMoney(want.spend, row.path("spend"), where + " spend");
                assertMoney(want.cac(), row.path("cac"), where + " CAC");
                assertEquals(want.ordersNotCounted, row.path("orders_not_counted").asLong(), where + " not counted");
                assertEquals(want.losingMoneyReason() != null, row.path("losing_money").asBoolean(), where + " flag");
                assertEquals(Objects.toString(want.losingMoneyReason(), "null"),
                        row.path("losing_money_reason").asText("null"), where + " reason");
                compared++;
            }
            assertTrue(compared > 40, salon.getKey() + ": only " + compared + " cells compared");
        }
    }

    @Test
    void theNaiveMoscowReadingOfTheSameRecordsWouldHaveMovedOrdersToThePreviousMonth() {
        // The check above can fail: the old reading (CLOSEDATE as an instant in Moscow) disagrees with it.
        for (SimulatedPortal portal : List.of(SALONS.get("Asia/Yekaterinburg"), SALONS.get("Asia/Novosibirsk"))) {
            long moved = portal.deals().all().stream().filter(RealPortalFiguresTest::isWon)
                    .map(deal -> text(deal, "CLOSEDATE")).filter(date -> !date.isEmpty())
                    .filter(date -> !YearMonth.from(java.time.OffsetDateTime.parse(date)
                            .atZoneSameInstant(ZoneId.of("Europe/Moscow"))).toString().equals(date.substring(0, 7)))
                    .count();
            assertTrue(moved >= 5, "orders a Moscow reading moves: " + moved);
        }
    }

    @Test
    void aChannelWithSpendAndNoClientIsFlaggedAsTheWorstCase() throws Exception {
        JsonNode row = export(SALONS.get("Asia/Yekaterinburg")).get("2026-06 yandex_maps");

        assertTrue(row.path("losing_money").asBoolean());
        assertEquals("spend_no_new_client", row.path("losing_money_reason").asText());
        assertTrue(row.path("cac").isNull());
        assertNotEquals(0, new BigDecimal(row.path("spend").asText()).signum());
    }

    private static Map<String, JsonNode> export(SimulatedPortal portal) throws Exception {
        SecretStore secrets = app.services.secrets();
        String secret = secrets.create(portal.memberId(), SecretKind.BI_EXPORT);
        BiExportHandler handler = new BiExportHandler(app.services.metricsExport());
        APIGatewayV2HTTPResponse answer = handler.handleRequest(HttpApiEvents.request("GET",
                "/bi/" + portal.memberId() + "/" + secret + ".json", "from=" + EXPORT_FROM + "&to=" + EXPORT_TO,
                Map.of(), null), null);
        assertEquals(200, answer.getStatusCode(), answer.getBody());
        Map<String, JsonNode> rows = new TreeMap<>();
        for (JsonNode row : JSON.readTree(answer.getBody()).path("rows")) {
            assertEquals(null, rows.put(row.path("month").asText() + " " + row.path("channel").asText(), row));
        }
        assertFalse(rows.isEmpty());
        return rows;
    }

    private static void assertMoney(BigDecimal expected, JsonNode actual, String where) {
        if (expected == null) {
            assertTrue(actual.isNull(), where + ": expected none, got " + actual);
            return;
        }
        assertEquals(0, expected.setScale(2, RoundingMode.HALF_EVEN).compareTo(new BigDecimal(actual.asText())),
                where + ": expected " + expected + ", exported " + actual);
    }

    private static boolean isWon(Map<String, Object> deal) {
        return "S".equals(deal.get("STAGE_SEMANTIC_ID"));
    }

    private static String text(Map<String, Object> record, String field) {
        Object value = record.get(field);
        return value == null ? "" : String.valueOf(value);
    }

    /** What one month of one channel adds up to, by the naive reading. */
    static final class Cell {
        long leads;
        long newClients;
        long orders;
        long ordersNotCounted;
        BigDecimal revenue = BigDecimal.ZERO;
        BigDecimal spend = BigDecimal.ZERO;

        boolean isEmpty() {
            return leads == 0 && newClients == 0 && orders == 0 && ordersNotCounted == 0 && spend.signum() == 0;
        }

        BigDecimal cac() {
            return newClients == 0 ? null : spend.divide(BigDecimal.valueOf(newClients), 2, RoundingMode.HALF_EVEN);
        }

        /** No variable costs are set: a channel loses money with spend and no client, or when CAC > AOV. */
        String losingMoneyReason() {
            if (newClients == 0) {
                return spend.signum() > 0 ? "spend_no_new_client" : null;
            }
            boolean cacAboveAov = spend.multiply(BigDecimal.valueOf(orders))
                    .compareTo(revenue.multiply(BigDecimal.valueOf(newClients))) > 0;
            return cacAboveAov ? "cac_above_margin" : null;
        }
    }

    /** The straight reading of one portal's records. */
    private record NaiveFigures(Map<String, Cell> cells) {
        private record Order(String day, BigDecimal roubles) {
        }

        static NaiveFigures of(SimulatedPortal portal, Map<YearMonth, Map<String, BigDecimal>> spend) {
            Map<String, Cell> cells = new TreeMap<>();
            Map<String, String> channelOfContact = new HashMap<>();
            Map<String, String> firstTouchOfContact = new HashMap<>();
            for (Map<String, Object> lead : portal.leads().all()) {
                String channel = CHANNEL_OF_SOURCE.get(text(lead, "SOURCE_ID"));
                cell(cells, text(lead, "DATE_CREATE").substring(0, 7), channel).leads++;
                String contact = text(lead, "CONTACT_ID");
                if (!contact.isEmpty() && text(lead, "DATE_CREATE").compareTo(
                        firstTouchOfContact.getOrDefault(contact, "9999")) < 0) {
                    firstTouchOfContact.put(contact, text(lead, "DATE_CREATE"));
                    channelOfContact.put(contact, channel);
                }
            }
            Map<String, List<Order>> ordersOfContact = new HashMap<>();
            for (Map<String, Object> deal : portal.deals().all()) {
                if (!isWon(deal)) {
                    continue;
                }
                String closeDate = text(deal, "CLOSEDATE");
                String day = (closeDate.isEmpty() ? text(deal, "MOVED_TIME") : closeDate).substring(0, 10);
                String contact = text(deal, "CONTACT_ID");
                BigDecimal roubles = roubles(portal, new BigDecimal(text(deal, "OPPORTUNITY")),
                        text(deal, "CURRENCY_ID"));
                if (roubles == null) {
                    cell(cells, day.substring(0, 7), channelOfContact.get(contact)).ordersNotCounted++;
                    continue;
                }
                ordersOfContact.computeIfAbsent(contact, c -> new ArrayList<>()).add(new Order(day, roubles));
            }
            ordersOfContact.forEach((contact, orders) -> {
                String channel = channelOfContact.get(contact);
                orders.sort(Comparator.comparing(Order::day).thenComparing(Order::roubles));
                cell(cells, orders.getFirst().day().substring(0, 7), channel).newClients++;
                for (Order order : orders) {
                    Cell cell = cell(cells, order.day().substring(0, 7), channel);
                    cell.orders++;
                    cell.revenue = cell.revenue.add(order.roubles());
                }
            });
            spend.forEach((month, amounts) -> amounts.forEach((channel, amount) ->
                    cell(cells, month.toString(), channel).spend = amount));
            return new NaiveFigures(cells);
        }

        private static Cell cell(Map<String, Cell> cells, String month, String channel) {
            return cells.computeIfAbsent(month + " " + Objects.requireNonNull(channel, "channel"), k -> new Cell());
        }

        /** OPPORTUNITY × AMOUNT / AMOUNT_CNT of the portal's list, in kopecks; null for a currency it lacks. */
        private static BigDecimal roubles(SimulatedPortal portal, BigDecimal amount, String currency) {
            return portal.currencies().stream().filter(listed -> currency.equals(listed.get("CURRENCY")))
                    .findFirst()
                    .map(listed -> amount.multiply(new BigDecimal(text(listed, "AMOUNT")))
                            .divide(new BigDecimal(text(listed, "AMOUNT_CNT")), 2, RoundingMode.HALF_EVEN))
                    .orElse(null);
        }
    }
}
