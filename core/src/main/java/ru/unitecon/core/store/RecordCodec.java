package ru.unitecon.core.store;

import ru.unitecon.core.appointments.Appointment;
import ru.unitecon.core.appointments.AppointmentState;
import ru.unitecon.core.attribution.LeadSource;
import ru.unitecon.core.crm.Semantic;
import ru.unitecon.core.currency.Amount;
import ru.unitecon.core.bookkeeping.ClientMember;
import ru.unitecon.core.bookkeeping.ClientState;
import ru.unitecon.core.bookkeeping.DealRecord;
import ru.unitecon.core.bookkeeping.FirstResponse;
import ru.unitecon.core.bookkeeping.LeadRecord;
import ru.unitecon.core.portal.PortalSettings;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static ru.unitecon.core.store.Attributes.bool;
import static ru.unitecon.core.store.Attributes.decimal;
import static ru.unitecon.core.store.Attributes.flag;
import static ru.unitecon.core.store.Attributes.instant;
import static ru.unitecon.core.store.Attributes.longOrNull;
import static ru.unitecon.core.store.Attributes.n;
import static ru.unitecon.core.store.Attributes.putIfPresent;
import static ru.unitecon.core.store.Attributes.s;
import static ru.unitecon.core.store.Attributes.string;

/**
 * Maps lead, deal and client records to items and back. Only ids, sources, times, states and amounts are written:
 * the records have no field for anything personal.
 */
final class RecordCodec {
    static final List<String> APPOINTMENT_ATTRIBUTES = List.of("apptAt", "apptState", "apptConfirmed", "apptBookedAt");

    static final String VERSION = "ver";
    /** Tombstones outlive, by far, any fetch still in flight when the record was deleted. */
    private static final long TOMBSTONE_DAYS = 90;

    private RecordCodec() {
    }

    static Map<String, AttributeValue> leadItem(String memberId, LeadRecord lead, long version) {
        Map<String, AttributeValue> item = common(memberId, Keys.lead(lead.id()), version, lead.id(),
                lead.created(), lead.modified(), lead.source(), lead.channel(), lead.deleted());
        item.put("status", s(lead.status().code()));
        putIfPresent(item, "contactId", lead.contactId());
        putIfPresent(item, "responsibleId", lead.responsibleId());
        putAmount(item, lead.amount());
        putAppointment(item, memberId, "L" + lead.id(), lead.appointment());
        if (lead.firstResponse() != null) {
            putIfPresent(item, "respondedAt", lead.firstResponse().at());
            item.put("respondedBy", s(lead.firstResponse().source().code()));
        }
        return item;
    }

    static LeadRecord lead(Map<String, AttributeValue> item) {
        return new LeadRecord(longOrNull(item, "id"), instant(item, "created"), instant(item, "modified"),
                source(item), Semantic.fromCode(string(item, "status")), longOrNull(item, "contactId"),
                amount(item), longOrNull(item, "responsibleId"), string(item, "channel"),
                appointment(item), flag(item, "deleted"), firstResponse(item));
    }

    private static FirstResponse firstResponse(Map<String, AttributeValue> item) {
        Instant at = instant(item, "respondedAt");
        return at == null ? null : new FirstResponse(at, FirstResponse.Source.fromCode(string(item, "respondedBy")));
    }

    static Map<String, AttributeValue> dealItem(String memberId, DealRecord deal, long version) {
        Map<String, AttributeValue> item = common(memberId, Keys.deal(deal.id()), version, deal.id(),
                deal.created(), deal.modified(), deal.source(), deal.channel(), deal.deleted());
        item.put("stage", s(deal.stage().code()));
        putIfPresent(item, "contactId", deal.contactId());
        putIfPresent(item, "leadId", deal.leadId());
        putIfPresent(item, "responsibleId", deal.responsibleId());
        if (deal.closeDate() != null) {
            item.put("closeDate", s(deal.closeDate().toString()));
        }
        putIfPresent(item, "wonAt", deal.wonAt());
        putAmount(item, deal.amount());
        putAppointment(item, memberId, "D" + deal.id(), deal.appointment());
        return item;
    }

    static DealRecord deal(Map<String, AttributeValue> item) {
        return new DealRecord(longOrNull(item, "id"), instant(item, "created"), instant(item, "modified"),
                source(item), Semantic.fromCode(string(item, "stage")), longOrNull(item, "contactId"),
                longOrNull(item, "leadId"), amount(item), date(item, "closeDate"), wonAt(item),
                longOrNull(item, "responsibleId"), string(item, "channel"), appointment(item),
                flag(item, "deleted"));
    }

    /**
     * A deal stored before close dates were dates kept {@code closedAt}, the CLOSEDATE's instant or the last change:
     * read as the moment it was won, so its order stays, on that day in the portal's zone.
     */
    private static Instant wonAt(Map<String, AttributeValue> item) {
        if (item.containsKey("wonAt") || Semantic.fromCode(string(item, "stage")) != Semantic.SUCCESS) {
            return instant(item, "wonAt");
        }
        return instant(item, "closedAt");
    }

    static Map<String, AttributeValue> clientItem(String memberId, ClientState client, long version) {
        Map<String, AttributeValue> members = new HashMap<>();
        client.members().forEach((id, member) -> members.put(id, AttributeValue.fromM(memberAttributes(member))));
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(TableDefinition.PK, s(Keys.partition(memberId)));
        item.put(TableDefinition.SK, s(Keys.client(client.key())));
        item.put(VERSION, n(version));
        item.put("members", AttributeValue.fromM(members));
        return item;
    }

    static ClientState client(String key, Map<String, AttributeValue> item) {
        TreeMap<String, ClientMember> members = new TreeMap<>();
        item.get("members").m().forEach((id, value) -> members.put(id, member(value.m())));
        return new ClientState(key, members);
    }

    private static Map<String, AttributeValue> memberAttributes(ClientMember member) {
        Map<String, AttributeValue> m = new HashMap<>();
        m.put("touchedAt", s(member.touchedAt().toString()));
        m.put("channel", s(member.channel()));
        putIfPresent(m, "campaign", member.campaign());
        if (member.order() != null) {
            m.put("orderDay", s(member.order().day().toString()));
            if (member.order().isCounted()) {
                m.put("orderAmount", n(member.order().amount()));
            }
            if (member.order().master() != null) {
                m.put("orderMaster", n(member.order().master()));
            }
        }
        if (member.visit() != null) {
            m.put("visitAt", s(member.visit().time().toString()));
            m.put("visitState", s(member.visit().state().name()));
            m.put("visitConfirmed", bool(member.visit().everConfirmed()));
            if (member.visit().bookedAt() != null) {
                m.put("visitBookedAt", s(member.visit().bookedAt().toString()));
            }
        }
        return m;
    }

    private static ClientMember member(Map<String, AttributeValue> m) {
        ClientMember.Order order = m.containsKey("orderDay") ? new ClientMember.Order(date(m, "orderDay"),
                m.containsKey("orderAmount") ? decimal(m, "orderAmount") : null,
                m.containsKey("orderMaster") ? Long.valueOf(m.get("orderMaster").n()) : null) : legacyOrder(m);
        Appointment visit = m.containsKey("visitAt")
                ? new Appointment(instant(m, "visitAt"), AppointmentState.valueOf(string(m, "visitState")),
                flag(m, "visitConfirmed"), instant(m, "visitBookedAt")) : null;
        return new ClientMember(instant(m, "touchedAt"), string(m, "channel"), order, visit, string(m, "campaign"));
    }

    private static Map<String, AttributeValue> common(String memberId, String sortKey, long version, long id,
                                                      Instant created, Instant modified, LeadSource source,
                                                      String channel, boolean deleted) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(TableDefinition.PK, s(Keys.partition(memberId)));
        item.put(TableDefinition.SK, s(sortKey));
        item.put(VERSION, n(version));
        item.put("id", n(id));
        putIfPresent(item, "created", created);
        putIfPresent(item, "modified", modified);
        putIfPresent(item, "sourceId", source.sourceId());
        putIfPresent(item, "utmSource", source.utmSource());
        putIfPresent(item, "utmMedium", source.utmMedium());
        putIfPresent(item, "utmCampaign", source.utmCampaign());
        putIfPresent(item, "utmContent", source.utmContent());
        putIfPresent(item, "utmTerm", source.utmTerm());
        putIfPresent(item, "channel", channel);
        if (deleted) {
            item.put("deleted", bool(true));
            item.put(TableDefinition.TTL_ATTRIBUTE,
                    n(modified.plus(TOMBSTONE_DAYS, ChronoUnit.DAYS).getEpochSecond()));
        }
        return item;
    }

    /**
     * The amount as written, its currency and its value in the reporting currency; {@code convertedAmount} is
     * absent when the currency had no rate.
     */
    private static void putAmount(Map<String, AttributeValue> item, Amount amount) {
        item.put("amount", n(amount.value()));
        putIfPresent(item, "currency", amount.currency());
        if (amount.converted() != null) {
            item.put("convertedAmount", n(amount.converted()));
        }
        putIfPresent(item, "convertedTo", amount.convertedTo());
    }

    /** An amount stored before amounts had currencies is one in the reporting currency, counted as it is. */
    private static Amount amount(Map<String, AttributeValue> item) {
        if (!item.containsKey("currency") && !item.containsKey("convertedAmount")) {
            return new Amount(decimal(item, "amount"), null, decimal(item, "amount"), null);
        }
        return new Amount(decimal(item, "amount"), string(item, "currency"),
                item.containsKey("convertedAmount") ? decimal(item, "convertedAmount") : null,
                string(item, "convertedTo"));
    }

    /**
     * A client stored before orders had days kept the order's instant; its day in the zone every portal was assumed
     * to be in then stands until the recount that the first learning of the portal's zone and rates runs.
     */
    private static ClientMember.Order legacyOrder(Map<String, AttributeValue> m) {
        return m.containsKey("orderAt") ? new ClientMember.Order(LocalDate.ofInstant(instant(m, "orderAt"),
                PortalSettings.DEFAULT_ZONE), decimal(m, "orderAmount"), null) : null;
    }

    private static LocalDate date(Map<String, AttributeValue> item, String name) {
        String text = string(item, name);
        return text == null ? null : LocalDate.parse(text);
    }

    private static LeadSource source(Map<String, AttributeValue> item) {
        return new LeadSource(string(item, "sourceId"), string(item, "utmSource"), string(item, "utmMedium"),
                string(item, "utmCampaign"), string(item, "utmContent"), string(item, "utmTerm"));
    }

    /**
     * Open appointments, and no-shows awaiting the rebooking follow-up, also enter the sparse due index, bucketed by
     * the UTC hour of the visit; attended and cancelled visits leave it, which is what withdraws their reminders.
     */
    private static void putAppointment(Map<String, AttributeValue> item, String memberId, String memberKey,
                                       Appointment appointment) {
        if (appointment == null) {
            return;
        }
        item.put("apptAt", s(appointment.time().toString()));
        item.put("apptState", s(appointment.state().name()));
        item.put("apptConfirmed", bool(appointment.everConfirmed()));
        putIfPresent(item, "apptBookedAt", appointment.bookedAt());
        if (appointment.state().isOpen() || appointment.state() == AppointmentState.NO_SHOW) {
            item.put(TableDefinition.DUE_PK, s(DueIndex.bucket(appointment.time())));
            item.put(TableDefinition.DUE_SK, s(DueIndex.sortKey(appointment.time(), memberId, memberKey)));
        }
    }

    /** The record's appointment, or null; the attributes it reads are {@link #APPOINTMENT_ATTRIBUTES}. */
    static Appointment appointment(Map<String, AttributeValue> item) {
        Instant at = instant(item, "apptAt");
        if (at == null) {
            return null;
        }
        return new Appointment(at, AppointmentState.valueOf(string(item, "apptState")), flag(item, "apptConfirmed"),
                instant(item, "apptBookedAt"));
    }
}
