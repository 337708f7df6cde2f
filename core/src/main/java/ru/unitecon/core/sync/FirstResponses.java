package ru.unitecon.core.sync;

import com.fasterxml.jackson.databind.JsonNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ru.unitecon.core.bitrix.rest.BatchResult;
import ru.unitecon.core.bitrix.rest.BitrixRestClient;
import ru.unitecon.core.bitrix.rest.BracketQuery;
import ru.unitecon.core.bitrix.rest.CrmReads;
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
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads when the leads a sync run fetched were first answered: their activities ({@code crm.activity.list}) and
 * their stage moves ({@code crm.stagehistory.list}, TYPE_ID above 1, the creation entry left out), each filtered by
 * the list of the leads' ids and ordered by creation, so a lead's first row is its first response of that kind. One
 * batch request reads the first page of both; a second reads further pages only when a list has more than 50 rows.
 * The record batches themselves never ask (fifty changed leads still cost one batch request). Only leads still
 * unanswered and younger than {@link #LOOK_BACK} are asked, the youngest {@link #LEADS_PER_RUN} of them. A portal
 * that refuses one of the two methods is answered by the other. Leads answered by an activity alone are found by the
 * reconciliation's pass ({@link #fromNewActivities}).
 */
final class FirstResponses {
    /** A lead older than this without a response is counted as unanswered and no longer asked about. */
    static final Duration LOOK_BACK = Duration.ofDays(7);
    static final int LEADS_PER_RUN = 50;
    private static final int PAGE = BitrixRestClient.PAGE_SIZE;
    /** Pages of each method the second request may read: half a batch each. */
    private static final int MORE_PAGES = BitrixRestClient.BATCH_LIMIT / 2;
    private static final int LEAD_TYPE = 1;
    private static final Logger LOG = LoggerFactory.getLogger(FirstResponses.class);

    private enum Kind {
        ACTIVITY("a", "crm.activity.list", "CREATED", FirstResponse.Source.ACTIVITY),
        STAGE_CHANGE("s", "crm.stagehistory.list", "CREATED_TIME", FirstResponse.Source.STAGE_CHANGE);

        final String key;
        final String method;
        final String timeField;
        final FirstResponse.Source source;

        Kind(String key, String method, String timeField, FirstResponse.Source source) {
            this.key = key;
            this.method = method;
            this.timeField = timeField;
            this.source = source;
        }

        String command(List<Long> leads, int start) {
            Map<String, Object> params = new LinkedHashMap<>();
            if (this == STAGE_CHANGE) {
                params.put("entityTypeId", LEAD_TYPE);
                params.put("filter", Map.of("@OWNER_ID", leads, ">TYPE_ID", 1));
            } else {
                params.put("filter", Map.of("OWNER_TYPE_ID", LEAD_TYPE, "@OWNER_ID", leads));
            }
            params.put("order", Map.of(timeField, "ASC"));
            if (this == ACTIVITY) {
                // The method descriptions give stage history's select as an object, not a list: its rows are
                // short, so it is asked for whole.
                params.put("select", List.of("ID", "OWNER_ID", timeField));
            }
            params.put("start", start);
            return method + "?" + BracketQuery.encode(params);
        }
    }

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
        List<Long> unanswered = store.records().leads(memberId, fetchedLeads).stream()
                .filter(lead -> !lead.deleted() && lead.firstResponse() == null && !lead.created().isBefore(since))
                .sorted(Comparator.comparing(LeadRecord::created).reversed())
                .limit(LEADS_PER_RUN)
                .map(LeadRecord::id)
                .toList();
        if (unanswered.isEmpty()) {
            return 0;
        }
        Map<Long, FirstResponse> first = new HashMap<>();
        Map<String, String> firstPages = new LinkedHashMap<>();
        for (Kind kind : Kind.values()) {
            firstPages.put(kind.key + 0, kind.command(unanswered, 0));
        }
        BatchResult answer = client.batch(firstPages);
        Map<String, String> morePages = new LinkedHashMap<>();
        for (Kind kind : Kind.values()) {
            read(answer, kind, kind.key + 0, first, memberId);
            long total = answer.totals().getOrDefault(kind.key + 0, 0L);
            for (int start = PAGE; start < total && start / PAGE <= MORE_PAGES; start += PAGE) {
                morePages.put(kind.key + start, kind.command(unanswered, start));
            }
        }
        if (!morePages.isEmpty()) {
            BatchResult more = client.batch(morePages);
            morePages.keySet().forEach(key -> read(more, key.startsWith(Kind.ACTIVITY.key) ? Kind.ACTIVITY
                    : Kind.STAGE_CHANGE, key, first, memberId));
        }
        int answered = 0;
        for (Map.Entry<Long, FirstResponse> lead : first.entrySet()) {
            if (store.answerLead(memberId, settings, lead.getKey(), lead.getValue()) == ApplyOutcome.APPLIED) {
                answered++;
            }
        }
        return answered;
    }

    /**
     * The leads answered by an activity alone: an activity does not change its lead's DATE_MODIFY, so no event or
     * reconciliation brings the lead back to the sync. The reconciliation's pass lists the activities on leads
     * created since its last pass ({@code crm.activity.list}, ID-ordered pages) and asks about their owners as
     * {@link #ask} does, both kinds of evidence, so an earlier stage move not yet synced is not missed.
     *
     * @return how many activities were read
     */
    static long fromNewActivities(String memberId, PortalSettings settings, RecordStore store,
                                  BitrixRestClient client, CrmReads reads, String createdAfter, Instant now) {
        Set<Long> owners = new LinkedHashSet<>();
        long read = reads.listAll(Kind.ACTIVITY.method, Map.of("OWNER_TYPE_ID", LEAD_TYPE, ">CREATED", createdAfter),
                List.of("OWNER_ID"), page -> page.records().forEach(row -> {
                    long owner = row.path("OWNER_ID").asLong(0);
                    if (owner > 0) {
                        owners.add(owner);
                    }
                }));
        if (!owners.isEmpty()) {
            ask(memberId, settings, store, client, owners, now);
        }
        return read;
    }

    /** Keeps, per lead, the earliest of what it had and the rows of one page. */
    private static void read(BatchResult batch, Kind kind, String key, Map<Long, FirstResponse> first,
                             String memberId) {
        batch.error(key).ifPresent(error -> LOG.info("portal {}: {} refused ({}); the other evidence counts",
                memberId, kind.method, error.errorCode()));
        JsonNode result = batch.result(key).orElse(null);
        if (result == null) {
            return;
        }
        for (JsonNode row : result.isArray() ? result : result.path("items")) {
            long owner = row.path("OWNER_ID").asLong(0);
            Instant at = instant(row.path(kind.timeField).asText(""));
            if (owner > 0 && at != null) {
                first.merge(owner, new FirstResponse(at, kind.source), FirstResponse::earliest);
            }
        }
    }

    private static Instant instant(String text) {
        try {
            return text.isEmpty() ? null : OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
