package ru.unitecon.core.sync;

import com.fasterxml.jackson.databind.JsonNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ru.unitecon.core.bitrix.rest.BatchResult;
import ru.unitecon.core.bitrix.rest.BitrixRestClient;
import ru.unitecon.core.bitrix.rest.BracketQuery;
import ru.unitecon.core.bookkeeping.FirstResponse;
import ru.unitecon.core.bookkeeping.LeadRecord;
import ru.unitecon.core.portal.PortalSettings;
import ru.unitecon.core.store.ApplyOutcome;
import ru.unitecon.core.store.RecordStore;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads when the leads a sync run fetched were first answered: each lead's first activity ({@code crm.activity.list})
 * and first stage move ({@code crm.stagehistory.list}, TYPE_ID above 1), both ordered by creation, in one batch
 * request of its own after the run's records. Only leads still unanswered and younger than {@link #LOOK_BACK} are
 * asked, the youngest {@link #LEADS_PER_RUN} of them; the record batches themselves never ask (one batch request
 * still fetches fifty changed leads). A portal that refuses one of the two methods is answered by the other.
 */
final class FirstResponses {
    /** A lead older than this without a response is counted as unanswered and no longer asked about. */
    static final Duration LOOK_BACK = Duration.ofDays(7);
    /** Two commands a lead, in one batch request. */
    static final int LEADS_PER_RUN = BitrixRestClient.BATCH_LIMIT / 2;
    private static final int LEAD_TYPE = 1;
    private static final Logger LOG = LoggerFactory.getLogger(FirstResponses.class);

    private FirstResponses() {
    }

    /**
     * Asks about the fetched leads that need it and records what was found.
     *
     * @return how many leads got a first response
     */
    static int ask(String memberId, PortalSettings settings, RecordStore store, BitrixRestClient client,
                   Collection<Long> fetchedLeads, Instant now) {
        Instant since = now.minus(LOOK_BACK);
        List<LeadRecord> unanswered = store.records().leads(memberId, fetchedLeads).stream()
                .filter(lead -> !lead.deleted() && lead.firstResponse() == null && !lead.created().isBefore(since))
                .sorted(Comparator.comparing(LeadRecord::created).reversed())
                .limit(LEADS_PER_RUN)
                .toList();
        if (unanswered.isEmpty()) {
            return 0;
        }
        Map<String, String> commands = new LinkedHashMap<>();
        for (LeadRecord lead : unanswered) {
            commands.put("a" + lead.id(), "crm.activity.list?" + BracketQuery.encode(Map.of(
                    "filter", Map.of("OWNER_TYPE_ID", LEAD_TYPE, "OWNER_ID", lead.id()),
                    "order", Map.of("CREATED", "ASC"),
                    "select", List.of("ID", "CREATED"))));
            commands.put("s" + lead.id(), "crm.stagehistory.list?" + BracketQuery.encode(Map.of(
                    "entityTypeId", LEAD_TYPE,
                    "filter", Map.of("OWNER_ID", lead.id(), ">TYPE_ID", 1),
                    "order", Map.of("CREATED_TIME", "ASC"),
                    "select", List.of("ID", "CREATED_TIME"))));
        }
        BatchResult batch = client.batch(commands);
        int answered = 0;
        for (LeadRecord lead : unanswered) {
            FirstResponse first = FirstResponse.earliest(
                    first(batch, "a" + lead.id(), FirstResponse.Source.ACTIVITY, memberId),
                    first(batch, "s" + lead.id(), FirstResponse.Source.STAGE_CHANGE, memberId));
            if (first != null && store.answerLead(memberId, settings, lead.id(), first) == ApplyOutcome.APPLIED) {
                answered++;
            }
        }
        return answered;
    }

    /** The first row's time of one command's answer, or null when it has none or failed. */
    private static FirstResponse first(BatchResult batch, String key, FirstResponse.Source source, String memberId) {
        batch.error(key).ifPresent(error -> LOG.info("portal {}: {} refused ({}); the other evidence counts",
                memberId, key.startsWith("a") ? "crm.activity.list" : "crm.stagehistory.list", error.errorCode()));
        JsonNode result = batch.result(key).orElse(null);
        if (result == null) {
            return null;
        }
        JsonNode rows = result.isArray() ? result : result.path("items");
        String field = source == FirstResponse.Source.ACTIVITY ? "CREATED" : "CREATED_TIME";
        Instant earliest = null;
        for (JsonNode row : rows) {
            Instant at = instant(row.path(field).asText(""));
            if (at != null && (earliest == null || at.isBefore(earliest))) {
                earliest = at;
            }
        }
        return earliest == null ? null : new FirstResponse(earliest, source);
    }

    private static Instant instant(String text) {
        try {
            return text.isEmpty() ? null : OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
