package ru.unitecon.core.store;

import ru.unitecon.core.appointments.ScheduledVisit;
import ru.unitecon.core.attribution.LeadSource;
import ru.unitecon.core.attribution.SourcedLead;
import ru.unitecon.core.bookkeeping.ClientState;
import ru.unitecon.core.bookkeeping.CrmRecord;
import ru.unitecon.core.bookkeeping.DealRecord;
import ru.unitecon.core.bookkeeping.LeadRecord;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Stream;

import static ru.unitecon.core.store.Attributes.s;

/** Reads one portal's records; every read names the portal's partition. */
public final class RecordReader {
    private static final List<String> VISIT_ATTRIBUTES = Stream.concat(Stream.of("id", "channel", "deleted"),
            RecordCodec.APPOINTMENT_ATTRIBUTES.stream()).toList();
    private static final List<String> SOURCE_ATTRIBUTES = List.of("id", "created", "sourceId", "utmSource",
            "utmMedium", "utmCampaign", "utmContent", "utmTerm", "channel", "deleted");
    /** Expressions name every attribute as #{name}, so no attribute name can clash with a reserved word. */
    private static final String VISITS_ONLY = "attribute_exists(#apptAt) AND attribute_not_exists(#deleted)";
    private static final String LIVE_ONLY = "attribute_not_exists(#deleted)";

    /** DynamoDB's limit on the keys of one BatchGetItem. */
    private static final int BATCH_GET_LIMIT = 100;

    private final DynamoDbClient dynamo;
    private final String table;

    public RecordReader(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    Map<String, AttributeValue> item(String memberId, String sortKey) {
        Map<String, AttributeValue> item = dynamo.getItem(GetItemRequest.builder().tableName(table)
                .key(Map.of(TableDefinition.PK, s(Keys.partition(memberId)), TableDefinition.SK, s(sortKey)))
                .consistentRead(true).build()).item();
        return item == null || item.isEmpty() ? null : item;
    }

    /**
     * Reads items of the portal's main partition by sort key, consistently, up to 100 per request; keys with no item
     * are absent from the answer.
     */
    Map<String, Map<String, AttributeValue>> items(String memberId, Collection<String> sortKeys) {
        Map<String, Map<String, AttributeValue>> found = new HashMap<>();
        List<String> keys = sortKeys.stream().distinct().toList();
        for (int from = 0; from < keys.size(); from += BATCH_GET_LIMIT) {
            List<Map<String, AttributeValue>> chunk = keys.subList(from, Math.min(from + BATCH_GET_LIMIT, keys.size()))
                    .stream().map(sortKey -> Map.of(TableDefinition.PK, s(Keys.partition(memberId)),
                            TableDefinition.SK, s(sortKey))).toList();
            Map<String, KeysAndAttributes> pending = Map.of(table,
                    KeysAndAttributes.builder().keys(chunk).consistentRead(true).build());
            while (!pending.isEmpty()) {
                BatchGetItemResponse response = dynamo.batchGetItem(BatchGetItemRequest.builder()
                        .requestItems(pending).build());
                response.responses().getOrDefault(table, List.of())
                        .forEach(item -> found.put(item.get(TableDefinition.SK).s(), item));
                pending = response.hasUnprocessedKeys() ? response.unprocessedKeys() : Map.of();
            }
        }
        return found;
    }

    public Optional<LeadRecord> lead(String memberId, long id) {
        return Optional.ofNullable(item(memberId, Keys.lead(id))).map(RecordCodec::lead);
    }

    /** The stored leads of these ids (live or deleted), read in batches; ids with no record are left out. */
    public List<LeadRecord> leads(String memberId, Collection<Long> ids) {
        return items(memberId, ids.stream().map(Keys::lead).toList()).values().stream()
                .map(RecordCodec::lead).toList();
    }

    public Optional<DealRecord> deal(String memberId, long id) {
        return Optional.ofNullable(item(memberId, Keys.deal(id))).map(RecordCodec::deal);
    }

    /** A lead or deal by its place in a client ({@code L42}, {@code D7}). */
    public Optional<CrmRecord> record(String memberId, String recordKey) {
        long id = Long.parseLong(recordKey.substring(1));
        return switch (recordKey.charAt(0)) {
            case 'L' -> lead(memberId, id).map(CrmRecord.class::cast);
            case 'D' -> deal(memberId, id).map(CrmRecord.class::cast);
            default -> throw new IllegalArgumentException("not a record key: " + recordKey);
        };
    }

    public Optional<ClientState> client(String memberId, String clientKey) {
        return Optional.ofNullable(item(memberId, Keys.client(clientKey))).map(item -> RecordCodec.client(clientKey, item));
    }

    /** Every stored lead of the portal, tombstones included. */
    public List<LeadRecord> leads(String memberId) {
        return withPrefix(memberId, Keys.LEAD, RecordCodec::lead);
    }

    public List<DealRecord> deals(String memberId) {
        return withPrefix(memberId, Keys.DEAL, RecordCodec::deal);
    }

    /**
     * Every appointment on the portal's live leads and deals. Reads only the attributes a visit needs, but still
     * every record of the portal: the due index lists open visits of all portals by hour, not one portal's.
     */
    public List<ScheduledVisit> visits(String memberId) {
        List<ScheduledVisit> visits = new ArrayList<>();
        visits.addAll(projected(memberId, Keys.LEAD, VISIT_ATTRIBUTES, VISITS_ONLY, Map.of(),
                item -> visit(ScheduledVisit.Holder.LEAD, item)));
        visits.addAll(projected(memberId, Keys.DEAL, VISIT_ATTRIBUTES, VISITS_ONLY, Map.of(),
                item -> visit(ScheduledVisit.Holder.DEAL, item)));
        return visits;
    }

    /** Every live lead's origin and current channel, for previewing channel rules. */
    public List<SourcedLead> leadSources(String memberId) {
        return projected(memberId, Keys.LEAD, SOURCE_ATTRIBUTES, LIVE_ONLY, Map.of(), RecordReader::sourcedLead);
    }

    /**
     * The live leads created at or after {@code since}, with their channel. The filter still reads every lead item
     * (record keys do not sort by time) but returns only these; alerts ask once per pass for a week's leads.
     */
    public List<SourcedLead> leadsCreatedSince(String memberId, Instant since) {
        return projected(memberId, Keys.LEAD, SOURCE_ATTRIBUTES, LIVE_ONLY + " AND #created >= :since",
                Map.of(":since", s(since.toString())), RecordReader::sourcedLead);
    }

    /** Every client of the portal with its members' touches, orders and visits: one query of its client items. */
    public List<ClientState> clients(String memberId) {
        return withPrefix(memberId, Keys.CLIENT, item -> RecordCodec.client(
                item.get(TableDefinition.SK).s().substring(Keys.CLIENT.length()), item));
    }

    private static SourcedLead sourcedLead(Map<String, AttributeValue> item) {
        return new SourcedLead(Attributes.longOrZero(item, "id"), Attributes.instant(item, "created"),
                new LeadSource(Attributes.string(item, "sourceId"), Attributes.string(item, "utmSource"),
                        Attributes.string(item, "utmMedium"), Attributes.string(item, "utmCampaign"),
                        Attributes.string(item, "utmContent"), Attributes.string(item, "utmTerm")),
                Attributes.string(item, "channel"));
    }

    /**
     * The ids of the portal's live leads ({@code "LEAD"}) or deals ({@code "DEAL"}) with {@code after < id <= upTo}.
     * Reads every record of that kind (record keys do not sort by number) but returns only the ids asked for.
     */
    public SortedSet<Long> liveIds(String memberId, String kind, long after, long upTo) {
        String prefix = switch (kind) {
            case "LEAD" -> Keys.LEAD;
            case "DEAL" -> Keys.DEAL;
            default -> throw new IllegalArgumentException("not a record kind: " + kind);
        };
        SortedSet<Long> ids = new TreeSet<>();
        dynamo.queryPaginator(QueryRequest.builder().tableName(table)
                        .keyConditionExpression("PK = :pk AND begins_with(SK, :prefix)")
                        .filterExpression("attribute_not_exists(#deleted) AND #id > :after AND #id <= :upTo")
                        .projectionExpression("#id")
                        .expressionAttributeNames(Map.of("#id", "id", "#deleted", "deleted"))
                        .expressionAttributeValues(Map.of(":pk", s(Keys.partition(memberId)), ":prefix", s(prefix),
                                ":after", Attributes.n(after), ":upTo", Attributes.n(upTo)))
                        .consistentRead(true).build())
                .items().forEach(item -> ids.add(Attributes.longOrZero(item, "id")));
        return ids;
    }

    private static ScheduledVisit visit(ScheduledVisit.Holder holder, Map<String, AttributeValue> item) {
        return new ScheduledVisit(holder, Attributes.longOrZero(item, "id"), Attributes.string(item, "channel"),
                RecordCodec.appointment(item));
    }

    private <T> List<T> projected(String memberId, String prefix, List<String> attributes, String filter,
                                  Map<String, AttributeValue> filterValues,
                                  Function<Map<String, AttributeValue>, T> decode) {
        Map<String, String> names = new HashMap<>();
        attributes.forEach(name -> names.put("#" + name, name));
        Map<String, AttributeValue> values = new HashMap<>(filterValues);
        values.put(":pk", s(Keys.partition(memberId)));
        values.put(":prefix", s(prefix));
        return dynamo.queryPaginator(QueryRequest.builder().tableName(table)
                        .keyConditionExpression("PK = :pk AND begins_with(SK, :prefix)")
                        .filterExpression(filter)
                        .projectionExpression(String.join(", ", names.keySet()))
                        .expressionAttributeNames(names)
                        .expressionAttributeValues(values)
                        .build())
                .items().stream().map(decode).toList();
    }

    <T> List<T> withPrefix(String memberId, String prefix, Function<Map<String, AttributeValue>, T> decode) {
        return dynamo.queryPaginator(QueryRequest.builder().tableName(table)
                        .keyConditionExpression("PK = :pk AND begins_with(SK, :prefix)")
                        .expressionAttributeValues(Map.of(":pk", s(Keys.partition(memberId)), ":prefix", s(prefix)))
                        .consistentRead(true).build())
                .items().stream().map(decode).toList();
    }
}
