package ru.unitecon.local;

import ru.unitecon.core.attribution.Channel;
import ru.unitecon.simulator.AppointmentBooking;
import ru.unitecon.simulator.Dataset;
import ru.unitecon.simulator.DatasetGenerator;
import ru.unitecon.simulator.PortalSeed;
import ru.unitecon.simulator.SimulatedPortal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The demo beauty salon of the local run, in Moscow time: six months of leads from the usual Russian channels
 * (Yandex Direct, VK ads, Instagram, Telegram, Avito, 2GIS with their UTM tags; referrals, calls, walk-ins without
 * a source), deals with amounts (won, lost, no-shows, repeat visits), appointments in the app's fields (attended,
 * no-shows, cancelled, and booked or confirmed ones in the coming days, so reminders have work), and the ad spend
 * per month and channel a manager would enter. The same seed and day give the same salon.
 */
public final class DemoSalon {
    public static final String MEMBER_ID = "de305a10de305a10de305a10de305a10";
    /** A local app's credentials on the simulated portal; they exist only there. */
    public static final String CLIENT_ID = "local.demo-salon.unit-economics";
    public static final String CLIENT_SECRET = "demo-salon-simulated-secret";
    public static final ZoneId ZONE = ZoneId.of("Europe/Moscow");
    public static final Duration HISTORY = Duration.ofDays(183);

    /** Monthly budgets of the paid channels, in roubles, before each month's ±15 % wobble. */
    private static final Map<String, Integer> MONTHLY_BUDGET = orderedBudget();

    private final long seed;
    private final Instant now;
    private final Dataset dataset;

    /**
     * @param leads how many leads the six months hold (1 200 is a busy salon: about 200 a month)
     * @param now   the end of the history; the day it falls on fixes the data, so a restart the same day finds
     *              the same records
     */
    public DemoSalon(long seed, int leads, Instant now) {
        this.seed = seed;
        this.now = now;
        Instant endOfHistory = now.atZone(ZONE).truncatedTo(ChronoUnit.DAYS).toInstant();
        this.dataset = DatasetGenerator.generate(seed, leads, ZONE, endOfHistory, HISTORY);
    }

    public Dataset dataset() {
        return dataset;
    }

    public PortalSeed portalSeed() {
        return new PortalSeed(MEMBER_ID, CLIENT_ID, CLIENT_SECRET, ZONE, dataset);
    }

    /** The months the history covers, oldest first, up to the current one. */
    public List<YearMonth> months() {
        YearMonth first = YearMonth.from(now.minus(HISTORY).atZone(ZONE));
        YearMonth last = YearMonth.from(now.atZone(ZONE));
        return Stream.iterate(first, month -> !month.isAfter(last), month -> month.plusMonths(1)).toList();
    }

    /** The spend a manager entered: each paid channel's budget per month, a little different each month. */
    public SortedMap<YearMonth, Map<String, BigDecimal>> spend() {
        Random random = new Random(seed);
        SortedMap<YearMonth, Map<String, BigDecimal>> spend = new TreeMap<>();
        for (YearMonth month : months()) {
            Map<String, BigDecimal> amounts = new LinkedHashMap<>();
            MONTHLY_BUDGET.forEach((channel, budget) -> amounts.put(channel,
                    BigDecimal.valueOf(budget).multiply(BigDecimal.valueOf(85 + random.nextInt(31)))
                            .divide(BigDecimal.valueOf(100), 0, RoundingMode.HALF_UP).setScale(2)));
            spend.put(month, amounts);
        }
        return spend;
    }

    /**
     * Writes the appointments into the app's user fields, which the install has just created on the portal
     * (see {@link AppointmentBooking#book}).
     */
    public int bookAppointments(SimulatedPortal portal) {
        return AppointmentBooking.book(portal, dataset, seed + 1, ZONE, now);
    }

    private static Map<String, Integer> orderedBudget() {
        Map<String, Integer> budget = new LinkedHashMap<>();
        budget.put(Channel.YANDEX_DIRECT, 60_000);
        budget.put(Channel.INSTAGRAM, 45_000);
        budget.put(Channel.VK, 30_000);
        budget.put(Channel.TELEGRAM, 10_000);
        budget.put(Channel.AVITO, 12_000);
        budget.put(Channel.TWO_GIS, 8_000);
        return budget;
    }
}
