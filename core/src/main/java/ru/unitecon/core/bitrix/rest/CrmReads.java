package ru.unitecon.core.bitrix.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import ru.unitecon.core.bitrix.crm.CrmEntity;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

import static ru.unitecon.core.bitrix.rest.BitrixRestClient.BATCH_LIMIT;
import static ru.unitecon.core.bitrix.rest.BitrixRestClient.PAGE_SIZE;

/**
 * Reads CRM records through one portal's client: by id in batches of {@value BitrixRestClient#BATCH_LIMIT}, and
 * whole lists in ID order without counting ({@code start=-1}, {@code >ID} paging), which stays fast on large
 * portals where offset paging does not (bitrix24.md §3.2). Every read says when the portal served it, by the
 * portal's clock, so that two reads of one record can be told apart in time.
 */
public final class CrmReads {
    private final BitrixRestClient client;

    public CrmReads(BitrixRestClient client) {
        this.client = Objects.requireNonNull(client, "client");
    }

    /**
     * Reads every record of a list method in id order, 50 per request.
     *
     * @param filter   extra filter conditions; an {@code >ID} condition is replaced by the paging one
     * @param select   the fields to fetch; ID is added when missing
     * @param pageSink gets each non-empty page
     * @return how many records were read
     */
    public long listAll(String method, Map<String, ?> filter, List<String> select, Consumer<ScanPage> pageSink) {
        long lastId = 0;
        long count = 0;
        while (true) {
            ScanPage page = scanPage(method, filter, select, lastId);
            if (!page.records().isEmpty()) {
                pageSink.accept(page);
                count += page.records().size();
            }
            if (page.last()) {
                return count;
            }
            lastId = page.lastId();
        }
    }

    /**
     * One page of a full scan: up to {@value BitrixRestClient#PAGE_SIZE} records with ID above {@code afterId}, in
     * ID order, without counting.
     *
     * @param select the fields to fetch; ID is added when missing
     */
    public ScanPage scanPage(String method, Map<String, ?> filter, List<String> select, long afterId) {
        Map<String, Object> pageFilter = new LinkedHashMap<>(filter);
        pageFilter.put(">ID", afterId);
        JsonNode answer = client.answer(method, listParams(pageFilter, select));
        return page(method, answer.path("result"), afterId,
                BatchResult.portalTime(answer.path("time").path("start")).orElse(null));
    }

    /**
     * Up to {@code pages} (at most {@value BitrixRestClient#BATCH_LIMIT}) consecutive pages of a full scan in one
     * {@code batch} request: each page's {@code >ID} is the last ID of the page before it
     * ({@code $result[p0][49][ID]}), so one request reads up to 2 500 records. A page with fewer than
     * {@value BitrixRestClient#PAGE_SIZE} records is the last, and the pages after it in the same batch, which had no
     * 50th record to refer to, are not looked at.
     *
     * @return the pages read in order; the last of them says {@link ScanPage#last()} when the scan is through
     */
    public List<ScanPage> scanPages(String method, Map<String, ?> filter, List<String> select, long afterId,
                                    int pages) {
        if (pages < 1 || pages > BATCH_LIMIT) {
            throw new IllegalArgumentException("a batch reads 1 to " + BATCH_LIMIT + " pages");
        }
        Map<String, Object> otherConditions = new LinkedHashMap<>(filter);
        otherConditions.remove(">ID");
        // The reference must reach the portal as written, so the >ID condition is appended unencoded.
        String query = method + "?" + BracketQuery.encode(listParams(otherConditions, select)) + "&filter[%3EID]=";
        Map<String, String> commands = new LinkedHashMap<>();
        for (int i = 0; i < pages; i++) {
            commands.put("p" + i, query + (i == 0 ? Long.toString(afterId)
                    : "$result[p" + (i - 1) + "][" + (PAGE_SIZE - 1) + "][ID]"));
        }
        BatchResult batch = client.batch(commands);
        List<ScanPage> read = new ArrayList<>();
        long cursor = afterId;
        for (int i = 0; i < pages; i++) {
            String key = "p" + i;
            Optional<CommandError> error = batch.error(key);
            if (error.isPresent()) {
                throw new BitrixApiError(method, error.get().errorCode(), 200);
            }
            ScanPage page = page(method, batch.result(key).orElse(MissingNode.getInstance()), cursor,
                    batch.starts().get(key));
            read.add(page);
            if (page.last()) {
                break;
            }
            cursor = page.lastId();
        }
        return read;
    }

    /**
     * How many pages a chained scan should ask for when it expects {@code expected} more records: enough for them
     * and one more to see the end, at most {@code limit}. A page after the end refers to a 50th record that does not
     * exist, which the portal runs as a list with an empty {@code >ID} condition: work thrown away.
     */
    public static int pagesFor(long expected, int limit) {
        return (int) Math.max(1, Math.min(limit, Math.max(0, expected) / PAGE_SIZE + 1));
    }

    /** How many records of a list method match the filter, counted by the portal (slow on very large lists). */
    public long count(String method, Map<String, ?> filter) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("filter", filter);
        params.put("select", List.of("ID"));
        params.put("start", 0);
        JsonNode total = client.answer(method, params).path("total");
        if (!total.canConvertToLong()) {
            throw new BitrixApiError(method, "INVALID_RESPONSE", 200);
        }
        return total.asLong();
    }

    /** Fetches records by id, 50 {@code *.get} commands per batch request. */
    public FetchedRecords getMany(CrmEntity entity, Collection<Long> ids) {
        List<Long> distinct = ids.stream().filter(Objects::nonNull).filter(id -> id > 0).distinct().toList();
        Map<Long, JsonNode> found = new HashMap<>();
        Map<Long, CommandError> failed = new HashMap<>();
        Map<Long, Instant> servedAt = new HashMap<>();
        for (int from = 0; from < distinct.size(); from += BATCH_LIMIT) {
            List<Long> chunk = distinct.subList(from, Math.min(from + BATCH_LIMIT, distinct.size()));
            Map<String, String> commands = new LinkedHashMap<>();
            chunk.forEach(id -> commands.put("id" + id, entity.getMethod() + "?id=" + id));
            BatchResult batch = client.batch(commands);
            for (Long id : chunk) {
                batch.result("id" + id).filter(JsonNode::isObject).ifPresent(record -> found.put(id, record));
                batch.error("id" + id).ifPresent(error -> failed.put(id, error));
                Optional.ofNullable(batch.starts().get("id" + id)).ifPresent(start -> servedAt.put(id, start));
            }
        }
        return new FetchedRecords(found, failed, servedAt);
    }

    private static Map<String, Object> listParams(Map<String, Object> filter, List<String> select) {
        List<String> fields = new ArrayList<>(select);
        if (!fields.contains("ID")) {
            fields.addFirst("ID");
        }
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("order", Map.of("ID", "ASC"));
        if (!filter.isEmpty()) {
            params.put("filter", filter);
        }
        params.put("select", fields);
        params.put("start", -1);
        return params;
    }

    private static ScanPage page(String method, JsonNode records, long afterId, Instant servedAt) {
        if (!records.isArray()) {
            throw new BitrixApiError(method, "INVALID_RESPONSE", 200);
        }
        long maxId = afterId;
        for (JsonNode record : records) {
            maxId = Math.max(maxId, record.path("ID").asLong(0));
        }
        boolean last = records.size() < PAGE_SIZE;
        if (!last && maxId <= afterId) {
            throw new BitrixApiError(method, "PAGING_STALLED", 200);
        }
        return new ScanPage(records, maxId, last, servedAt);
    }
}
