package ru.unitecon.core.bitrix.crm;

import com.fasterxml.jackson.databind.JsonNode;
import ru.unitecon.core.attribution.LeadSource;
import ru.unitecon.core.crm.DealSnapshot;
import ru.unitecon.core.crm.LeadSnapshot;
import ru.unitecon.core.crm.Semantic;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Turns {@code crm.lead.*} and {@code crm.deal.*} records into snapshots. It reads named fields only, so names,
 * phones, e-mails, titles and comments are never looked at; the select lists keep them from being fetched at all.
 */
public final class CrmRecords {
    /** The standard lead fields the app needs, for {@code crm.lead.list}'s select. */
    public static final List<String> LEAD_FIELDS = List.of("ID", "DATE_CREATE", "DATE_MODIFY",
            "STATUS_SEMANTIC_ID", "SOURCE_ID", "UTM_SOURCE", "UTM_MEDIUM", "UTM_CAMPAIGN", "UTM_CONTENT",
            "UTM_TERM", "CONTACT_ID", "ASSIGNED_BY_ID", "OPPORTUNITY", "CURRENCY_ID");
    /** The standard deal fields the app needs, for {@code crm.deal.list}'s select. */
    public static final List<String> DEAL_FIELDS = List.of("ID", "DATE_CREATE", "DATE_MODIFY",
            "STAGE_SEMANTIC_ID", "CLOSEDATE", "MOVED_TIME", "SOURCE_ID", "UTM_SOURCE", "UTM_MEDIUM", "UTM_CAMPAIGN",
            "UTM_CONTENT", "UTM_TERM", "CONTACT_ID", "LEAD_ID", "ASSIGNED_BY_ID", "OPPORTUNITY", "CURRENCY_ID");

    private final AppointmentFieldMapping leadAppointments;
    private final AppointmentFieldMapping dealAppointments;

    public CrmRecords(AppointmentFieldMapping leadAppointments, AppointmentFieldMapping dealAppointments) {
        this.leadAppointments = Objects.requireNonNull(leadAppointments, "leadAppointments");
        this.dealAppointments = Objects.requireNonNull(dealAppointments, "dealAppointments");
    }

    /** The lead select: the standard fields and the portal's appointment fields. */
    public List<String> leadSelect() {
        return Stream.concat(LEAD_FIELDS.stream(), leadAppointments.fields().stream()).toList();
    }

    public List<String> dealSelect() {
        return Stream.concat(DEAL_FIELDS.stream(), dealAppointments.fields().stream()).toList();
    }

    /** @throws UnreadableRecord when the id or the creation date is missing or malformed */
    public LeadSnapshot lead(JsonNode record) {
        long id = CrmValues.requiredId(record, "ID");
        Instant created = created(record, "lead", id);
        return new LeadSnapshot(id, created, modified(record, created), source(record),
                CrmValues.semantic(record, "STATUS_SEMANTIC_ID"), CrmValues.optionalId(record, "CONTACT_ID"),
                CrmValues.amount(record, "OPPORTUNITY"), CrmValues.currency(record, "CURRENCY_ID"),
                CrmValues.optionalId(record, "ASSIGNED_BY_ID"), leadAppointments.read(record));
    }

    /** @throws UnreadableRecord when the id or the creation date is missing or malformed */
    public DealSnapshot deal(JsonNode record) {
        long id = CrmValues.requiredId(record, "ID");
        Instant created = created(record, "deal", id);
        Semantic stage = CrmValues.semantic(record, "STAGE_SEMANTIC_ID");
        // On an open deal CLOSEDATE is only the planned close date.
        LocalDate closeDate = stage == Semantic.IN_PROGRESS ? null : CrmValues.date(record, "CLOSEDATE");
        return new DealSnapshot(id, created, modified(record, created), source(record), stage,
                CrmValues.optionalId(record, "CONTACT_ID"), CrmValues.optionalId(record, "LEAD_ID"),
                CrmValues.amount(record, "OPPORTUNITY"), CrmValues.currency(record, "CURRENCY_ID"), closeDate,
                CrmValues.instant(record, "MOVED_TIME"), CrmValues.optionalId(record, "ASSIGNED_BY_ID"),
                dealAppointments.read(record));
    }

    private static Instant created(JsonNode record, String kind, long id) {
        Instant created = CrmValues.instant(record, "DATE_CREATE");
        if (created == null) {
            throw new UnreadableRecord(kind + " " + id + ": DATE_CREATE is missing");
        }
        return created;
    }

    private static Instant modified(JsonNode record, Instant created) {
        Instant modified = CrmValues.instant(record, "DATE_MODIFY");
        return modified != null ? modified : created;
    }

    private static LeadSource source(JsonNode record) {
        return new LeadSource(CrmValues.text(record, "SOURCE_ID"), CrmValues.text(record, "UTM_SOURCE"),
                CrmValues.text(record, "UTM_MEDIUM"), CrmValues.text(record, "UTM_CAMPAIGN"),
                CrmValues.text(record, "UTM_CONTENT"), CrmValues.text(record, "UTM_TERM"));
    }
}
