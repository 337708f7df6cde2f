package ru.unitecon.core.bookkeeping;

import ru.unitecon.core.appointments.Appointment;
import ru.unitecon.core.appointments.AppointmentState;
import ru.unitecon.core.portal.Attribution;
import ru.unitecon.core.portal.OrderSource;
import ru.unitecon.core.portal.PortalSettings;

import ru.unitecon.core.currency.Amount;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Map.Entry;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The bookkeeping rules: what a lead and what a client add to the monthly aggregates, under one portal's settings.
 * Incremental updates and the from-scratch recomputation both go through these two functions, which is why an
 * aggregate built event by event equals one rebuilt from the stored records.
 */
public final class Bookkeeping {
    private static final Comparator<Entry<String, ClientMember>> BY_TOUCH =
            Comparator.comparing((Entry<String, ClientMember> e) -> e.getValue().touchedAt())
                    .thenComparing(Entry::getKey);

    /** A lead answered within this many seconds of its creation counts as answered within 5 (15) minutes. */
    public static final long RESPONSE_5_MINUTES = 300;
    public static final long RESPONSE_15_MINUTES = 900;

    private final PortalSettings settings;
    private final ZoneId zone;

    public Bookkeeping(PortalSettings settings) {
        this.settings = settings;
        this.zone = settings.zone();
    }

    public PortalSettings settings() {
        return settings;
    }

    public YearMonth monthOf(Instant instant) {
        return YearMonth.from(instant.atZone(zone));
    }

    /**
     * A lead counts once in its creation month, and its appointment in the appointment's month, under its channel;
     * its response speed counts in its creation month, overall and by the hour it was created.
     */
    public Contribution contributionOf(LeadRecord lead) {
        Contribution c = new Contribution();
        if (lead == null || lead.deleted()) {
            return c;
        }
        AggregateKey created = new AggregateKey(monthOf(lead.created()), lead.channel());
        c.add(created, Measure.LEADS, 1);
        String campaign = CampaignCell.normalized(lead.source().utmCampaign());
        if (campaign != null) {
            c.add(new CampaignCell(created.month(), campaign), Measure.LEADS.attribute(), BigDecimal.ONE);
        }
        if (lead.appointment() != null) {
            c.add(created, Measure.LEADS_WITH_APPOINTMENT, 1);
            addVisit(c, lead.appointment(), lead.channel());
        }
        addResponse(c, created, lead);
        return c;
    }

    private void addResponse(Contribution c, AggregateKey created, LeadRecord lead) {
        int hour = lead.created().atZone(zone).getHour();
        c.add(created, ResponseHours.name(hour, Measure.LEADS), BigDecimal.ONE);
        if (lead.firstResponse() == null) {
            return;
        }
        long seconds = lead.firstResponse().secondsAfter(lead.created());
        c.add(created, Measure.RESPONDED, 1);
        c.add(created, Measure.RESPONSE_SECONDS, seconds);
        if (seconds <= RESPONSE_5_MINUTES) {
            c.add(created, Measure.RESPONDED_IN_5, 1);
            c.add(created, ResponseHours.name(hour, Measure.RESPONDED_IN_5), BigDecimal.ONE);
        }
        if (seconds <= RESPONSE_15_MINUTES) {
            c.add(created, Measure.RESPONDED_IN_15, 1);
            c.add(created, ResponseHours.name(hour, Measure.RESPONDED_IN_15), BigDecimal.ONE);
        }
    }

    /**
     * A client counts under one channel (first or last touch): each order in its month, the first order as a new
     * client and as the start of a cohort, the months it bought in, the months it was active, and its deals' visits.
     * An order whose currency has no rate is none of these: it is counted as not counted, in its month.
     */
    public Contribution contributionOf(ClientState client) {
        Contribution c = new Contribution();
        if (client == null || client.isEmpty()) {
            return c;
        }
        List<ClientMember.Order> placed = client.members().values().stream()
                .map(ClientMember::order)
                .filter(o -> o != null)
                .toList();
        List<ClientMember.Order> orders = countedOrders(client);
        ClientMember touch = attributedTouch(client, orders.isEmpty() ? null : orders.getFirst().day());
        String channel = touch.channel();

        SortedSet<YearMonth> buyingMonths = new TreeSet<>();
        SortedSet<YearMonth> activeMonths = new TreeSet<>();
        YearMonth cohort = orders.isEmpty() ? null : YearMonth.from(orders.getFirst().day());
        for (ClientMember.Order order : orders) {
            YearMonth month = YearMonth.from(order.day());
            AggregateKey key = new AggregateKey(month, channel);
            c.add(key, Measure.ORDERS, 1);
            c.add(key, Measure.REVENUE.attribute(), order.amount());
            buyingMonths.add(month);
            for (int i = 0; i < settings.activeWindowMonths(); i++) {
                activeMonths.add(month.plusMonths(i));
            }
            long age = ChronoUnit.MONTHS.between(cohort, month);
            if (age < Counters.COHORT_AGES) {
                AggregateKey cohortKey = new AggregateKey(cohort, channel);
                c.add(cohortKey, Counters.cohortRevenueName((int) age), order.amount());
                c.add(cohortKey, Counters.cohortOrdersName((int) age), BigDecimal.ONE);
            }
        }
        placed.stream().filter(order -> !order.isCounted()).forEach(order ->
                c.add(new AggregateKey(YearMonth.from(order.day()), channel), Measure.UNCOUNTED_ORDERS, 1));
        if (cohort != null) {
            c.add(new AggregateKey(cohort, channel), Measure.NEW_CLIENTS, 1);
        }
        buyingMonths.forEach(m -> c.add(new AggregateKey(m, channel), Measure.BUYERS, 1));
        activeMonths.forEach(m -> c.add(new AggregateKey(m, channel), Measure.ACTIVE_CLIENTS, 1));
        client.members().values().stream()
                .filter(m -> m.visit() != null)
                .forEach(m -> addVisit(c, m.visit(), channel));
        addRetention(c, orders, channel);
        if (touch.campaign() != null) {
            addCampaign(c, orders, touch.campaign());
        }
        return c;
    }

    /**
     * A client's figures under the {@code UTM_CAMPAIGN} of the touch that gives it its channel: its counted orders
     * and revenue in their months, its first order as a new client, and each spell of activity as the month it began
     * and the month it lapsed (active clients at a month are the spells begun by then less those lapsed by then: two
     * cells a spell instead of one a month, so a long-time client's change still fits one transaction).
     */
    private void addCampaign(Contribution c, List<ClientMember.Order> orders, String campaign) {
        if (orders.isEmpty()) {
            return;
        }
        for (ClientMember.Order order : orders) {
            CampaignCell cell = new CampaignCell(YearMonth.from(order.day()), campaign);
            c.add(cell, Measure.ORDERS.attribute(), BigDecimal.ONE);
            c.add(cell, Measure.REVENUE.attribute(), order.amount());
        }
        c.add(new CampaignCell(YearMonth.from(orders.getFirst().day()), campaign), Measure.NEW_CLIENTS.attribute(),
                BigDecimal.ONE);
        YearMonth activeUntil = null;
        for (ClientMember.Order order : orders) {
            YearMonth month = YearMonth.from(order.day());
            if (activeUntil == null || month.isAfter(activeUntil.plusMonths(1))) {
                if (activeUntil != null) {
                    c.add(new CampaignCell(activeUntil.plusMonths(1), campaign), CampaignCell.LAPSED, BigDecimal.ONE);
                }
                c.add(new CampaignCell(month, campaign), CampaignCell.BECAME_ACTIVE, BigDecimal.ONE);
            }
            activeUntil = month.plusMonths(settings.activeWindowMonths() - 1);
        }
        c.add(new CampaignCell(activeUntil.plusMonths(1), campaign), CampaignCell.LAPSED, BigDecimal.ONE);
    }

    /**
     * The retention counters of a client with counted orders, all under its master (its first order's): in the
     * acquisition month its count, whether it came back (and within the second-visit window), its orders, revenue
     * and days from first to last order; each order in its month; and each spell of activity as the month it began
     * (an order with none in the window before it) and the month it ended (the first after the active window of its
     * last order).
     */
    private void addRetention(Contribution c, List<ClientMember.Order> orders, String channel) {
        if (orders.isEmpty()) {
            return;
        }
        ClientMember.Order first = orders.getFirst();
        ClientMember.Order last = orders.getLast();
        Long master = first.master();
        AggregateKey acquired = new AggregateKey(YearMonth.from(first.day()), channel);
        c.add(acquired, RetentionMeasure.CLIENTS.counter(master), BigDecimal.ONE);
        if (orders.size() > 1) {
            c.add(acquired, RetentionMeasure.RETURNING.counter(master), BigDecimal.ONE);
            long toSecond = ChronoUnit.DAYS.between(first.day(), orders.get(1).day());
            if (toSecond <= settings.retention().secondVisitDays()) {
                c.add(acquired, RetentionMeasure.SECOND_IN_TIME.counter(master), BigDecimal.ONE);
            }
            c.add(acquired, RetentionMeasure.GAP_DAYS.counter(master),
                    BigDecimal.valueOf(ChronoUnit.DAYS.between(first.day(), last.day())));
        }
        c.add(acquired, RetentionMeasure.ORDERS.counter(master), BigDecimal.valueOf(orders.size()));
        c.add(acquired, RetentionMeasure.REVENUE.counter(master),
                orders.stream().map(ClientMember.Order::amount).reduce(BigDecimal.ZERO, BigDecimal::add));
        orders.forEach(order -> c.add(new AggregateKey(YearMonth.from(order.day()), channel),
                RetentionMeasure.MONTH_ORDERS.counter(master), BigDecimal.ONE));
        int window = settings.activeWindowMonths();
        YearMonth activeUntil = null;
        for (ClientMember.Order order : orders) {
            YearMonth month = YearMonth.from(order.day());
            // An order in the month right after the window keeps the client active: it is never lost in between.
            if (activeUntil == null || month.isAfter(activeUntil.plusMonths(1))) {
                if (activeUntil != null) {
                    c.add(new AggregateKey(activeUntil.plusMonths(1), channel),
                            RetentionMeasure.BECAME_LOST.counter(master), BigDecimal.ONE);
                }
                c.add(new AggregateKey(month, channel), RetentionMeasure.BECAME_ACTIVE.counter(master),
                        BigDecimal.ONE);
            }
            activeUntil = month.plusMonths(window - 1);
        }
        c.add(new AggregateKey(lostIn(last.day()), channel), RetentionMeasure.BECAME_LOST.counter(master),
                BigDecimal.ONE);
    }

    /**
     * A client's orders counted in the reporting currency, in the order the counters take them: the first is its
     * acquisition (its master and cohort), the last starts the active window it is lost after.
     */
    public List<ClientMember.Order> countedOrders(ClientState client) {
        return client.members().values().stream()
                .map(ClientMember::order)
                .filter(o -> o != null && o.isCounted())
                .sorted(Comparator.comparing(ClientMember.Order::day).thenComparing(ClientMember.Order::amount)
                        .thenComparing(ClientMember.Order::master, Comparator.nullsFirst(Comparator.naturalOrder())))
                .toList();
    }

    /** The month a client whose latest counted order fell on this day becomes lost: the first after its window. */
    public YearMonth lostIn(LocalDate lastOrder) {
        return YearMonth.from(lastOrder).plusMonths(settings.activeWindowMonths());
    }

    /** The channel a client counts under (first or last touch, as the portal attributes). */
    public String channelOf(ClientState client) {
        List<ClientMember.Order> orders = countedOrders(client);
        return attributedTouch(client, orders.isEmpty() ? null : orders.getFirst().day()).channel();
    }

    /** What a lead brings to its client under these settings. */
    public ClientMember memberOf(LeadRecord lead) {
        ClientMember.Order order = null;
        if (settings.orderSource() == OrderSource.ATTENDED_APPOINTMENTS) {
            order = attendedVisitOrder(lead.appointment(), lead.amount(), lead.responsibleId());
        }
        return new ClientMember(lead.created(), lead.channel(), order, null, lead.source().utmCampaign());
    }

    /** What a deal brings to its client under these settings. */
    public ClientMember memberOf(DealRecord deal) {
        LocalDate wonOn = deal.orderDay(zone);
        ClientMember.Order order = switch (settings.orderSource()) {
            case WON_DEALS -> wonOn == null ? null : new ClientMember.Order(wonOn, deal.amount().converted(),
                    deal.responsibleId());
            case ATTENDED_APPOINTMENTS -> attendedVisitOrder(deal.appointment(), deal.amount(), deal.responsibleId());
        };
        return new ClientMember(deal.created(), deal.channel(), order, deal.appointment(),
                deal.source().utmCampaign());
    }

    public ClientMember memberOf(CrmRecord record) {
        return switch (record) {
            case LeadRecord lead -> memberOf(lead);
            case DealRecord deal -> memberOf(deal);
        };
    }

    /** The aggregates of a whole portal, computed from its stored records without any stored aggregate. */
    public Contribution recompute(Collection<LeadRecord> leads, Collection<DealRecord> deals) {
        Contribution total = new Contribution();
        leads.forEach(lead -> total.add(contributionOf(lead)));
        clients(leads, deals).values().forEach(client -> total.add(contributionOf(client)));
        return total;
    }

    /** The clients the live records make up under these settings, by client key. */
    public Map<String, ClientState> clients(Collection<LeadRecord> leads, Collection<DealRecord> deals) {
        Map<String, ClientState> clients = new HashMap<>();
        leads.forEach(lead -> join(clients, lead));
        deals.forEach(deal -> join(clients, deal));
        return clients;
    }

    private void join(Map<String, ClientState> clients, CrmRecord record) {
        if (record.deleted()) {
            return;
        }
        clients.merge(record.clientKey(), ClientState.empty(record.clientKey()).with(record.memberId(), memberOf(record)),
                (a, b) -> a.with(record.memberId(), memberOf(record)));
    }

    /** Last touch takes the latest touch up to the first order's day (an order has a day, not a time). */
    private ClientMember attributedTouch(ClientState client, LocalDate firstOrderDay) {
        List<Entry<String, ClientMember>> touches = client.members().entrySet().stream().sorted(BY_TOUCH).toList();
        if (settings.attribution() == Attribution.LAST_TOUCH) {
            Entry<String, ClientMember> last = null;
            for (Entry<String, ClientMember> touch : touches) {
                if (firstOrderDay == null
                        || !LocalDate.ofInstant(touch.getValue().touchedAt(), zone).isAfter(firstOrderDay)) {
                    last = touch;
                }
            }
            if (last != null) {
                return last.getValue();
            }
        }
        return touches.getFirst().getValue();
    }

    private void addVisit(Contribution c, Appointment visit, String channel) {
        ZonedDateTime local = visit.time().atZone(zone);
        AggregateKey key = new AggregateKey(YearMonth.from(local), channel);
        c.add(key, Measure.APPOINTMENTS, 1);
        if (visit.everConfirmed()) {
            c.add(key, Measure.CONFIRMED, 1);
        }
        switch (visit.state()) {
            case ATTENDED -> c.add(key, Measure.ATTENDED, 1);
            case NO_SHOW -> c.add(key, Measure.NO_SHOWS, 1);
            case CANCELLED -> c.add(key, Measure.CANCELLED, 1);
            case BOOKED, CONFIRMED -> c.add(key, Counters.openVisitsName(local.getDayOfMonth()), BigDecimal.ONE);
        }
    }

    private ClientMember.Order attendedVisitOrder(Appointment visit, Amount amount, Long master) {
        if (visit == null || visit.state() != AppointmentState.ATTENDED || amount.value().signum() <= 0) {
            return null;
        }
        return new ClientMember.Order(LocalDate.ofInstant(visit.time(), zone), amount.converted(), master);
    }
}
