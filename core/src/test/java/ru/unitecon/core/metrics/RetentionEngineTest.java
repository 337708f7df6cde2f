package ru.unitecon.core.metrics;

import org.junit.jupiter.api.Test;
import ru.unitecon.core.bookkeeping.AggregateKey;
import ru.unitecon.core.bookkeeping.Bookkeeping;
import ru.unitecon.core.bookkeeping.ClientMember;
import ru.unitecon.core.bookkeeping.ClientState;
import ru.unitecon.core.bookkeeping.Contribution;
import ru.unitecon.core.bookkeeping.Counters;
import ru.unitecon.core.portal.PortalSettings;
import ru.unitecon.core.portal.RetentionPolicy;
import ru.unitecon.core.portal.VariableCost;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static ru.unitecon.core.metrics.MetricAssertions.assertValue;

/** The worked example of docs/metrics.md ("Retention") and a cross-check against a direct count over clients. */
class RetentionEngineTest {
    private static final PortalSettings TENTH_IS_VARIABLE =
            PortalSettings.defaults().withVariableCost(VariableCost.percent("10"));
    private static final Period Q1 = new Period(YearMonth.of(2026, 1), YearMonth.of(2026, 3));

    private record RawClient(String channel, List<ClientMember.Order> orders) {
        Long master() {
            return orders.stream().min(Comparator.comparing(ClientMember.Order::day)).orElseThrow().master();
        }
    }

    private static ClientMember.Order order(String day, String amount, Long master) {
        return new ClientMember.Order(LocalDate.parse(day), new BigDecimal(amount), master);
    }

    private static RetentionEngine engine(PortalSettings settings, List<RawClient> clients) {
        Bookkeeping bookkeeping = new Bookkeeping(settings);
        Contribution total = new Contribution();
        for (int i = 0; i < clients.size(); i++) {
            RawClient raw = clients.get(i);
            ClientState client = ClientState.empty("C" + i);
            for (int j = 0; j < raw.orders().size(); j++) {
                ClientMember.Order o = raw.orders().get(j);
                client = client.with("D" + i + "_" + j, new ClientMember(
                        o.day().atStartOfDay(settings.zone()).toInstant(), raw.channel(), o, null));
            }
            total.add(bookkeeping.contributionOf(client));
        }
        Map<AggregateKey, Counters> cohortItems = new HashMap<>();
        total.cells().forEach((key, counters) -> cohortItems.put(key, counters.cohortPart()));
        return new RetentionEngine(settings, cohortItems);
    }

    /** docs/metrics.md, "Retention": five clients, masters 7 and 9, the first quarter of 2026. */
    private static List<RawClient> example() {
        return List.of(
                new RawClient("vk", List.of(order("2026-01-10", "1000", 7L), order("2026-02-20", "1500", 7L),
                        order("2026-05-01", "2000", 9L))),
                new RawClient("vk", List.of(order("2026-01-25", "3000", 7L))),
                new RawClient("instagram", List.of(order("2026-01-05", "2000", 9L),
                        order("2026-04-14", "2000", 9L))),
                new RawClient("vk", List.of(order("2026-03-01", "800", 9L))),
                new RawClient("instagram", List.of(order("2025-03-03", "500", null))));
    }

    @Test
    void theWorkedExampleForThePortal() {
        RetentionRow all = engine(TENTH_IS_VARIABLE, example()).total(Q1);

        assertEquals(4, all.newClients());
        assertValue("0.5", all.returningRate());
        assertValue("0.25", all.secondVisitRate());
        assertValue("70", all.daysBetweenVisits());
        assertValue("1.25", all.ordersPerYear());
        assertEquals(4, all.activeAtEnd());
        assertEquals(1, all.lostAtEnd());
        assertEquals(1, all.becameLost());
        assertValue("0", all.retentionRate());
        assertValue("2767.5", all.observedLtv());
    }

    @Test
    void theWorkedExampleByMasterAndByChannel() {
        RetentionEngine engine = engine(TENTH_IS_VARIABLE, example());

        RetentionRow seven = engine.row(Q1, Optional.empty(), Optional.of(7L));
        assertEquals(2, seven.newClients());
        assertValue("0.5", seven.returningRate());
        assertValue("0.5", seven.secondVisitRate());
        assertValue("55.5", seven.daysBetweenVisits());
        assertValue("3375", seven.observedLtv());
        RetentionRow nine = engine.row(Q1, Optional.empty(), Optional.of(9L));
        assertValue("0", nine.secondVisitRate());
        assertValue("99", nine.daysBetweenVisits());
        RetentionRow none = engine.row(Q1, Optional.empty(), Optional.of(RetentionRow.NO_MASTER));
        assertEquals(1, none.lostAtEnd());

        RetentionRow instagram = engine.row(Q1, Optional.of("instagram"), Optional.empty());
        assertEquals(1, instagram.newClients());
        assertEquals(1, instagram.activeAtEnd());
        assertEquals(1, instagram.lostAtEnd());
        assertEquals(4, engine.byMasterAndChannel(Q1).size());
        assertEquals(List.of(7L, 9L, RetentionRow.NO_MASTER),
                engine.byMaster(Q1).stream().map(row -> row.master().orElseThrow()).toList());
    }

    @Test
    void theSecondVisitWindowIsASetting() {
        PortalSettings hundredDays = TENTH_IS_VARIABLE.withRetention(new RetentionPolicy(100, ""));

        assertValue("0.5", engine(hundredDays, example()).total(Q1).secondVisitRate());
    }

    @Test
    void figuresFromTheCountersEqualADirectCountOverTheClients() {
        Random random = new Random(18);
        List<String> channels = List.of("vk", "instagram", "call");
        List<RawClient> clients = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            List<ClientMember.Order> orders = new ArrayList<>();
            LocalDate day = LocalDate.of(2024, 1, 1).plusDays(random.nextInt(900));
            int count = 1 + random.nextInt(5);
            for (int j = 0; j < count; j++) {
                orders.add(new ClientMember.Order(day, BigDecimal.valueOf(100 + random.nextInt(5000)),
                        random.nextInt(4) == 0 ? null : 1L + random.nextInt(3)));
                day = day.plusDays(1 + random.nextInt(400));
            }
            clients.add(new RawClient(channels.get(random.nextInt(channels.size())), orders));
        }
        PortalSettings settings = PortalSettings.defaults().withActiveWindowMonths(6);
        RetentionEngine engine = engine(settings, clients);

        for (Period period : List.of(Q1, Period.month(YearMonth.of(2025, 7)), new Period(YearMonth.of(2024, 3),
                YearMonth.of(2025, 2)))) {
            for (Optional<String> channel : List.of(Optional.<String>empty(), Optional.of("vk"))) {
                for (Optional<Long> master : List.of(Optional.<Long>empty(), Optional.of(2L),
                        Optional.of(RetentionRow.NO_MASTER))) {
                    List<RawClient> group = clients.stream()
                            .filter(c -> channel.map(c.channel()::equals).orElse(true))
                            .filter(c -> master.map(m -> m == (c.master() == null ? 0 : c.master())).orElse(true))
                            .toList();
                    assertDirect(period, settings, group, engine.row(period, channel, master));
                }
            }
        }
    }

    private static void assertDirect(Period period, PortalSettings settings, List<RawClient> group, RetentionRow row) {
        int window = settings.activeWindowMonths();
        long newClients = 0;
        long returning = 0;
        long inTime = 0;
        long active = 0;
        long lost = 0;
        long becameLost = 0;
        for (RawClient client : group) {
            List<LocalDate> days = client.orders().stream().map(ClientMember.Order::day).sorted().toList();
            YearMonth first = YearMonth.from(days.getFirst());
            if (period.contains(first)) {
                newClients++;
                if (days.size() > 1) {
                    returning++;
                    if (ChronoUnit.DAYS.between(days.get(0), days.get(1)) <= settings.retention().secondVisitDays()) {
                        inTime++;
                    }
                }
            }
            boolean activeAtEnd = days.stream().map(YearMonth::from)
                    .anyMatch(m -> !m.isAfter(period.to()) && m.isAfter(period.to().minusMonths(window)));
            if (activeAtEnd) {
                active++;
            } else if (!first.isAfter(period.to())) {
                lost++;
            }
            for (YearMonth month : period.months()) {
                YearMonth lastBefore = month.minusMonths(window);
                boolean wasActive = days.stream().map(YearMonth::from).anyMatch(m -> m.equals(lastBefore));
                boolean stillActive = days.stream().map(YearMonth::from)
                        .anyMatch(m -> m.isAfter(lastBefore) && !m.isAfter(month));
                if (wasActive && !stillActive) {
                    becameLost++;
                }
            }
        }
        String what = period + " " + row.channel() + " " + row.master();
        assertEquals(newClients, row.newClients(), what);
        assertEquals(active, row.activeAtEnd(), what);
        assertEquals(lost, row.lostAtEnd(), what);
        assertEquals(becameLost, row.becameLost(), what);
        if (newClients > 0) {
            assertEquals(0, BigDecimal.valueOf(returning).divide(BigDecimal.valueOf(newClients), 4,
                    java.math.RoundingMode.HALF_UP).compareTo(row.returningRate().value().setScale(4,
                    java.math.RoundingMode.HALF_UP)), what);
            assertEquals(0, BigDecimal.valueOf(inTime).divide(BigDecimal.valueOf(newClients), 4,
                    java.math.RoundingMode.HALF_UP).compareTo(row.secondVisitRate().value().setScale(4,
                    java.math.RoundingMode.HALF_UP)), what);
        }
    }
}
