package ru.unitecon.core.clients;

import ru.unitecon.core.appointments.Appointment;
import ru.unitecon.core.attribution.LeadSource;
import ru.unitecon.core.bookkeeping.ClientMember;
import ru.unitecon.core.bookkeeping.ClientState;
import ru.unitecon.core.bookkeeping.CrmRecord;
import ru.unitecon.core.bookkeeping.Bookkeeping;
import ru.unitecon.core.portal.PortalSettings;
import ru.unitecon.core.store.RecordReader;
import ru.unitecon.core.store.SettingsStore;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The client tab of a CRM contact or deal card: the client the record belongs to, summed from the records the app
 * stores for the portal (the same clients the bookkeeping counts), as of the clock's moment.
 */
public final class ClientCards {
    private static final Comparator<Map.Entry<String, ClientMember>> FIRST_TOUCH =
            Comparator.comparing((Map.Entry<String, ClientMember> member) -> member.getValue().touchedAt())
                    .thenComparing(Map.Entry::getKey);

    private final RecordReader records;
    private final SettingsStore settings;
    private final Clock clock;

    public ClientCards(RecordReader records, SettingsStore settings, Clock clock) {
        this.records = records;
        this.settings = settings;
        this.clock = clock;
    }

    /** The contact's client; empty when the app has no lead or deal of that contact. */
    public Optional<ClientCard> forContact(String memberId, long contactId) {
        return card(memberId, "C" + contactId);
    }

    /** The client of the lead (its contact's, else the lead's own); empty for an unknown lead. */
    public Optional<ClientCard> forLead(String memberId, long leadId) {
        return records.lead(memberId, leadId).filter(lead -> !lead.deleted())
                .flatMap(lead -> card(memberId, lead.clientKey()));
    }

    /** The client of the deal (its contact's, else its lead's, else the deal's own); empty for an unknown deal. */
    public Optional<ClientCard> forDeal(String memberId, long dealId) {
        return records.deal(memberId, dealId).filter(deal -> !deal.deleted())
                .flatMap(deal -> card(memberId, deal.clientKey()));
    }

    private Optional<ClientCard> card(String memberId, String clientKey) {
        Optional<ClientState> client = records.client(memberId, clientKey).filter(found -> !found.isEmpty());
        if (client.isEmpty()) {
            return Optional.empty();
        }
        PortalSettings portal = settings.load(memberId);
        Bookkeeping bookkeeping = new Bookkeeping(portal);
        List<CrmRecord> members = new ArrayList<>();
        client.get().members().keySet().forEach(key -> records.record(memberId, key)
                .filter(found -> !found.deleted()).ifPresent(members::add));
        Map.Entry<String, ClientMember> first = client.get().members().entrySet().stream().min(FIRST_TOUCH)
                .orElseThrow();
        Optional<String> campaign = members.stream().filter(found -> found.memberId().equals(first.getKey()))
                .findFirst().map(CrmRecord::source).map(LeadSource::utmCampaign).filter(name -> !name.isBlank());

        long orders = 0;
        long notCounted = 0;
        BigDecimal revenue = BigDecimal.ZERO;
        LocalDate lastOrder = null;
        for (CrmRecord member : members) {
            ClientMember.Order order = bookkeeping.memberOf(member).order();
            if (order == null) {
                continue;
            }
            if (order.isCounted()) {
                orders++;
                revenue = revenue.add(order.amount());
            } else {
                notCounted++;
            }
            lastOrder = lastOrder == null || order.day().isAfter(lastOrder) ? order.day() : lastOrder;
        }
        Visits visits = visits(members, clock.instant());
        BigDecimal observedLtv = revenue.subtract(portal.variableCost().of(revenue, orders));
        return Optional.of(new ClientCard(first.getValue().channel(), campaign, visits.attended, orders, revenue,
                notCounted, visits.noShows, Optional.ofNullable(visits.next), observedLtv,
                Optional.ofNullable(lastOrder), status(lastOrder, portal)));
    }

    /** Active while an order lies within the portal's active-client window before today; lost after it. */
    private ClientCard.Status status(LocalDate lastOrder, PortalSettings portal) {
        if (lastOrder == null) {
            return ClientCard.Status.NOT_YET_CLIENT;
        }
        LocalDate today = LocalDate.now(clock.withZone(portal.zone()));
        return lastOrder.isBefore(today.minusMonths(portal.activeWindowMonths())) ? ClientCard.Status.LOST
                : ClientCard.Status.ACTIVE;
    }

    /**
     * The client's visits, one per visit time: a lead converted into a deal may carry the same visit on both
     * records, and the client came once.
     */
    private static Visits visits(List<CrmRecord> members, Instant now) {
        Map<Instant, Appointment> byTime = new HashMap<>();
        for (CrmRecord member : members) {
            Appointment visit = member.appointment();
            if (visit != null) {
                byTime.merge(visit.time(), visit, (kept, other) -> kept);
            }
        }
        Visits visits = new Visits();
        for (Appointment visit : byTime.values()) {
            switch (visit.state()) {
                case ATTENDED -> visits.attended++;
                case NO_SHOW -> visits.noShows++;
                case BOOKED, CONFIRMED -> {
                    if (visit.time().isAfter(now) && (visits.next == null || visit.time().isBefore(visits.next))) {
                        visits.next = visit.time();
                    }
                }
                case CANCELLED -> {
                    // A cancelled visit was neither kept nor missed.
                }
            }
        }
        return visits;
    }


    private static final class Visits {
        long attended;
        long noShows;
        Instant next;
    }
}
