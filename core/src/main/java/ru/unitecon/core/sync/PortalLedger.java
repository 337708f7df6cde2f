package ru.unitecon.core.sync;

import com.fasterxml.jackson.databind.JsonNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ru.unitecon.core.appointments.AppointmentState;
import ru.unitecon.core.bitrix.crm.AppointmentFieldMapping;
import ru.unitecon.core.bitrix.crm.CrmEntity;
import ru.unitecon.core.bitrix.crm.CrmRecords;
import ru.unitecon.core.bitrix.crm.UnreadableRecord;
import ru.unitecon.core.bitrix.rest.BatchResult;
import ru.unitecon.core.bitrix.rest.BitrixRestClient;
import ru.unitecon.core.bitrix.rest.CommandError;
import ru.unitecon.core.bitrix.rest.FetchedRecords;
import ru.unitecon.core.portal.AppointmentFields;
import ru.unitecon.core.portal.PortalSettings;
import ru.unitecon.core.store.ApplyOutcome;
import ru.unitecon.core.store.LedgerStore;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One portal's records on their way from its REST answers into the ledger, with the portal's settings and its
 * appointment fields read once per run.
 */
final class PortalLedger {
    private static final Logger LOG = LoggerFactory.getLogger(PortalLedger.class);

    private final String memberId;
    private final PortalSettings settings;
    private final LedgerStore ledger;
    private final CrmRecords records;

    private PortalLedger(String memberId, PortalSettings settings, LedgerStore ledger, CrmRecords records) {
        this.memberId = memberId;
        this.settings = settings;
        this.ledger = ledger;
        this.records = records;
    }

    /**
     * Reads the portal's user fields (one batch request for leads and deals) and maps the appointment fields its
     * settings name: the app's own by default, or the portal's own fields and deal stages.
     */
    static PortalLedger open(String memberId, PortalSettings settings, LedgerStore ledger, BitrixRestClient client) {
        Map<String, String> commands = new LinkedHashMap<>();
        for (CrmEntity entity : CrmEntity.values()) {
            commands.put(entity.name(), entity.userFieldListMethod());
        }
        BatchResult fields = client.batch(commands);
        AppointmentFields named = settings.appointmentFields();
        return new PortalLedger(memberId, settings, ledger, new CrmRecords(
                mapping(fields, CrmEntity.LEAD, named), mapping(fields, CrmEntity.DEAL, named)));
    }

    List<String> select(CrmEntity entity) {
        return entity == CrmEntity.LEAD ? records.leadSelect() : records.dealSelect();
    }

    /** Applies a record as the portal returned it; one that cannot be read is logged and left out. */
    ApplyOutcome apply(CrmEntity entity, JsonNode record) {
        try {
            return switch (entity) {
                case LEAD -> ledger.apply(memberId, settings, records.lead(record));
                case DEAL -> ledger.apply(memberId, settings, records.deal(record));
            };
        } catch (UnreadableRecord e) {
            LOG.warn("portal {}: {} skipped: {}", memberId, entity, e.getMessage());
            return ApplyOutcome.STALE;
        }
    }

    /**
     * Fetches records by id (50 per batch request) and applies them; an id the portal no longer has is deleted as
     * of its {@code at}, and one the portal refuses for another reason is logged and left as stored.
     */
    void fetchAndApply(BitrixRestClient client, CrmEntity entity, Map<Long, Instant> changed) {
        FetchedRecords fetched = client.getMany(entity, changed.keySet());
        changed.forEach((id, at) -> {
            JsonNode record = fetched.found().get(id);
            CommandError error = fetched.failed().get(id);
            if (record != null) {
                apply(entity, record);
            } else if (error == null || isNotFound(error)) {
                delete(entity, id, at);
            } else {
                LOG.warn("portal {}: {} {} refused: {}", memberId, entity, id, error.errorCode());
            }
        });
    }

    /** A record deleted before we asked: Bitrix24 answers "Not found". */
    private static boolean isNotFound(CommandError error) {
        return error.errorCode().equalsIgnoreCase("NOT_FOUND")
                || error.description().toLowerCase(Locale.ROOT).contains("not found");
    }

    ApplyOutcome delete(CrmEntity entity, long id, Instant at) {
        return switch (entity) {
            case LEAD -> ledger.deleteLead(memberId, settings, id, at);
            case DEAL -> ledger.deleteDeal(memberId, settings, id, at);
        };
    }

    private static AppointmentFieldMapping mapping(BatchResult fields, CrmEntity entity, AppointmentFields named) {
        Map<String, AppointmentState> stages = entity == CrmEntity.DEAL ? named.stageStates() : Map.of();
        return fields.result(entity.name()).filter(JsonNode::isArray)
                .map(list -> AppointmentFieldMapping.fromUserFields(list, named.timeField(), named.stateField(), stages))
                .orElse(AppointmentFieldMapping.NONE);
    }
}
