package ru.unitecon.core.store;

import ru.unitecon.core.bitrix.tokens.InstallationTokens;
import ru.unitecon.core.bitrix.tokens.TokenStorage;
import ru.unitecon.core.portal.BiRegistration;
import ru.unitecon.core.portal.Installation;
import ru.unitecon.core.portal.InstallationStatus;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DeleteRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static ru.unitecon.core.store.Attributes.s;
import static ru.unitecon.core.store.Attributes.string;

/**
 * The portal item: where the portal lives, its application_token, its status and (written by
 * {@link #saveTokens}) its OAuth tokens: this is the {@link TokenStorage} of the Bitrix24 client. Active portals
 * are also listed in the sparse due index under one bucket, so the scheduler can find them without scanning the table.
 */
public final class InstallationStore implements TokenStorage {
    static final String ACTIVE_PORTALS_BUCKET = "PORTALS";
    private static final String SET_TOKENS = "SET accessToken = :a, refreshToken = :r, accessExpiresAt = :e, "
            + "clientEndpoint = :c, serverEndpoint = :o";
    /** A refresh may only replace the pair it was made from. */
    static final String TOKEN_CONDITION = "refreshToken = :expected";
    private static final String BI_CONNECTOR = "biConnectorId";
    private static final String BI_SOURCE = "biSourceId";
    private static final String BI_DATASETS = "biDatasetIds";

    private final DynamoDbClient dynamo;
    private final String table;
    private final RecordReader reader;

    public InstallationStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
        this.reader = new RecordReader(dynamo, table);
    }

    /**
     * Records where an installation lives and that it is installed. Tokens are left alone, and so is the
     * application token when {@code portal} has none, as the app's own install paths pass it: they set it only
     * through {@link #adoptApplicationToken} and {@link #renewApplicationToken}.
     */
    public void saveInstallation(Installation portal) {
        Map<String, String> names = new HashMap<>();
        Map<String, AttributeValue> values = new HashMap<>();
        List<String> sets = new ArrayList<>();
        set(sets, names, values, "domain", s(portal.domain()));
        set(sets, names, values, "clientEndpoint", s(portal.clientEndpoint().toString()));
        if (portal.serverEndpoint() != null) {
            set(sets, names, values, "serverEndpoint", s(portal.serverEndpoint().toString()));
        }
        if (portal.applicationToken() != null) {
            set(sets, names, values, "applicationToken", s(portal.applicationToken()));
        }
        set(sets, names, values, "status", s(portal.status().name()));
        if (portal.installedAt() != null) {
            set(sets, names, values, "installedAt", s(portal.installedAt().toString()));
        }
        if (portal.lastReconciledAt() != null) {
            set(sets, names, values, "lastReconciledAt", s(portal.lastReconciledAt().toString()));
        }
        set(sets, names, values, TableDefinition.DUE_PK, s(ACTIVE_PORTALS_BUCKET));
        set(sets, names, values, TableDefinition.DUE_SK, s(portal.memberId()));
        dynamo.updateItem(UpdateItemRequest.builder().tableName(table).key(key(portal.memberId()))
                .updateExpression("SET " + String.join(", ", sets))
                .expressionAttributeNames(names).expressionAttributeValues(values).build());
    }

    public Optional<Installation> find(String memberId) {
        if (!Keys.isValidMemberId(memberId)) {
            return Optional.empty();
        }
        Map<String, AttributeValue> item = reader.item(memberId, Keys.PORTAL);
        if (item == null || string(item, "domain") == null) {
            return Optional.empty();
        }
        String server = string(item, "serverEndpoint");
        return Optional.of(new Installation(memberId, string(item, "domain"),
                URI.create(string(item, "clientEndpoint")), server == null ? null : URI.create(server),
                string(item, "applicationToken"), InstallationStatus.valueOf(string(item, "status")),
                Attributes.instant(item, "installedAt"), Attributes.instant(item, "lastReconciledAt")));
    }

    @Override
    public void markNeedsReconnect(String memberId) {
        dynamo.updateItem(UpdateItemRequest.builder().tableName(table).key(key(memberId))
                .updateExpression("SET #s = :s")
                .conditionExpression("attribute_exists(PK)")
                .expressionAttributeNames(Map.of("#s", "status"))
                .expressionAttributeValues(Map.of(":s", s(InstallationStatus.NEEDS_RECONNECT.name())))
                .build());
    }

    /** The portal's new address after a rename; the one the stored tokens are used with, too. */
    @Override
    public void recordMove(String memberId, String domain, String clientEndpoint) {
        dynamo.updateItem(UpdateItemRequest.builder().tableName(table).key(key(memberId))
                .updateExpression("SET #d = :d, clientEndpoint = :c")
                .conditionExpression("attribute_exists(PK)")
                .expressionAttributeNames(Map.of("#d", "domain"))
                .expressionAttributeValues(Map.of(":d", s(domain), ":c", s(clientEndpoint)))
                .build());
    }

    /**
     * Forgets the tokens and the application token and takes the portal off the scheduler's list; its data stays
     * until purged. Without an application token the portal's next {@code ONAPPINSTALL} (a reinstall) may set one.
     * The BI Builder registration is forgotten too, so that a reinstall registers anew rather than trust ids that
     * belonged to the deleted app.
     */
    public void markUninstalled(String memberId) {
        dynamo.updateItem(UpdateItemRequest.builder().tableName(table).key(key(memberId))
                .updateExpression("SET #s = :s REMOVE accessToken, refreshToken, accessExpiresAt, applicationToken, "
                        + BI_CONNECTOR + ", " + BI_SOURCE + ", " + BI_DATASETS + ", "
                        + TableDefinition.DUE_PK + ", " + TableDefinition.DUE_SK)
                .expressionAttributeNames(Map.of("#s", "status"))
                .expressionAttributeValues(Map.of(":s", s(InstallationStatus.UNINSTALLED.name())))
                .build());
    }

    /**
     * Stores the application token of a new installation, only if the portal has none: the first
     * {@code ONAPPINSTALL}, or the one after a verified uninstall cleared it. Of two at once, one wins.
     *
     * @return false when the portal already has one (or is not recorded), which then stays as it was
     */
    public boolean adoptApplicationToken(String memberId, String applicationToken) {
        try {
            dynamo.updateItem(UpdateItemRequest.builder().tableName(table).key(key(memberId))
                    .updateExpression("SET applicationToken = :t")
                    .conditionExpression("attribute_exists(PK) AND attribute_not_exists(applicationToken)")
                    .expressionAttributeValues(Map.of(":t", s(applicationToken)))
                    .build());
            return true;
        } catch (ConditionalCheckFailedException alreadySet) {
            return false;
        }
    }

    /** Replaces the application token with the one an update renewed ({@code ONAPPUPDATE}, checked by its caller). */
    public void renewApplicationToken(String memberId, String applicationToken) {
        dynamo.updateItem(UpdateItemRequest.builder().tableName(table).key(key(memberId))
                .updateExpression("SET applicationToken = :t")
                .conditionExpression("attribute_exists(PK)")
                .expressionAttributeValues(Map.of(":t", s(applicationToken)))
                .build());
    }

    public void recordReconciledUpTo(String memberId, Instant modifiedUpTo) {
        dynamo.updateItem(UpdateItemRequest.builder().tableName(table).key(key(memberId))
                .updateExpression("SET lastReconciledAt = :t")
                .expressionAttributeValues(Map.of(":t", s(modifiedUpTo.toString())))
                .build());
    }

    /** What the app has registered in the portal's BI Builder; {@link BiRegistration#NONE} when nothing yet. */
    public BiRegistration biRegistration(String memberId) {
        Map<String, AttributeValue> item = Keys.isValidMemberId(memberId) ? reader.item(memberId, Keys.PORTAL) : null;
        if (item == null) {
            return BiRegistration.NONE;
        }
        Map<String, Long> datasets = new HashMap<>();
        AttributeValue stored = item.get(BI_DATASETS);
        if (stored != null && stored.hasM()) {
            stored.m().forEach((code, id) -> datasets.put(code, Long.parseLong(id.n())));
        }
        return new BiRegistration(number(item, BI_CONNECTOR), number(item, BI_SOURCE), datasets);
    }

    /** Records what is registered in the portal's BI Builder, on the portal's item. */
    public void saveBiRegistration(String memberId, BiRegistration registration) {
        Map<String, AttributeValue> datasets = new HashMap<>();
        registration.datasets().forEach((code, id) -> datasets.put(code, AttributeValue.fromN(Long.toString(id))));
        List<String> sets = new ArrayList<>();
        Map<String, AttributeValue> values = new HashMap<>();
        sets.add(BI_DATASETS + " = :d");
        values.put(":d", AttributeValue.fromM(datasets));
        if (registration.connectorId() != null) {
            sets.add(BI_CONNECTOR + " = :c");
            values.put(":c", AttributeValue.fromN(Long.toString(registration.connectorId())));
        }
        if (registration.sourceId() != null) {
            sets.add(BI_SOURCE + " = :s");
            values.put(":s", AttributeValue.fromN(Long.toString(registration.sourceId())));
        }
        dynamo.updateItem(UpdateItemRequest.builder().tableName(table).key(key(memberId))
                .updateExpression("SET " + String.join(", ", sets))
                .conditionExpression("attribute_exists(PK)")
                .expressionAttributeValues(values)
                .build());
    }

    private static Long number(Map<String, AttributeValue> item, String attribute) {
        AttributeValue value = item.get(attribute);
        return value == null || value.n() == null ? null : Long.parseLong(value.n());
    }

    /** The member_ids of installed portals (and those waiting for a reconnect). */
    public List<String> activePortals() {
        return dynamo.queryPaginator(QueryRequest.builder().tableName(table).indexName(TableDefinition.DUE_INDEX)
                        .keyConditionExpression(TableDefinition.DUE_PK + " = :b")
                        .expressionAttributeValues(Map.of(":b", s(ACTIVE_PORTALS_BUCKET)))
                        .build())
                .items().stream().map(item -> string(item, TableDefinition.DUE_SK)).toList();
    }

    /**
     * Stores a fresh pair from an install or a reopened app, unconditionally, and makes the portal active again
     * (a portal waiting for a reconnect is reconnected by exactly this).
     */
    public void saveTokens(String memberId, InstallationTokens tokens) {
        Map<String, AttributeValue> values = new HashMap<>(tokenValues(tokens));
        values.put(":s", s(InstallationStatus.INSTALLED.name()));
        dynamo.updateItem(UpdateItemRequest.builder().tableName(table).key(key(memberId))
                .updateExpression(SET_TOKENS + ", #s = :s")
                .conditionExpression("attribute_exists(PK)")
                .expressionAttributeNames(Map.of("#s", "status"))
                .expressionAttributeValues(values)
                .build());
    }

    @Override
    public Optional<InstallationTokens> load(String memberId) {
        if (!Keys.isValidMemberId(memberId)) {
            return Optional.empty();
        }
        Map<String, AttributeValue> item = reader.item(memberId, Keys.PORTAL);
        if (item == null || string(item, "refreshToken") == null
                || !InstallationStatus.INSTALLED.name().equals(string(item, "status"))) {
            return Optional.empty();
        }
        return Optional.of(new InstallationTokens(string(item, "accessToken"), string(item, "refreshToken"),
                Attributes.instant(item, "accessExpiresAt"), string(item, "clientEndpoint"),
                string(item, "serverEndpoint")));
    }

    /**
     * Stores a refreshed pair only if the stored refresh token is still {@code expected}'s: of two workers that
     * refreshed at once, exactly one wins, and the loser reads the winner's pair.
     */
    @Override
    public boolean replaceIfCurrent(String memberId, InstallationTokens expected, InstallationTokens next) {
        Map<String, AttributeValue> values = new HashMap<>(tokenValues(next));
        values.put(":expected", s(expected.refreshToken()));
        try {
            dynamo.updateItem(UpdateItemRequest.builder().tableName(table).key(key(memberId))
                    .updateExpression(SET_TOKENS)
                    .conditionExpression(TOKEN_CONDITION)
                    .expressionAttributeValues(values)
                    .build());
            return true;
        } catch (ConditionalCheckFailedException lostTheRace) {
            return false;
        }
    }

    /** Deletes every item of the portal, in both its partitions (uninstall with "delete data" ticked). */
    public int purge(String memberId) {
        int deleted = 0;
        for (String partition : Keys.partitions(memberId)) {
            deleted += purgePartition(partition);
        }
        return deleted;
    }

    private int purgePartition(String partition) {
        List<WriteRequest> deletes = dynamo.queryPaginator(QueryRequest.builder().tableName(table)
                        .keyConditionExpression("PK = :pk")
                        .expressionAttributeValues(Map.of(":pk", s(partition)))
                        .projectionExpression("PK, SK").consistentRead(true).build())
                .items().stream()
                .map(k -> WriteRequest.builder().deleteRequest(DeleteRequest.builder().key(k).build()).build())
                .toList();
        for (int from = 0; from < deletes.size(); from += 25) {
            List<WriteRequest> chunk = deletes.subList(from, Math.min(from + 25, deletes.size()));
            Map<String, List<WriteRequest>> pending = Map.of(table, chunk);
            while (!pending.isEmpty()) {
                BatchWriteItemResponse response = dynamo.batchWriteItem(
                        BatchWriteItemRequest.builder().requestItems(pending).build());
                pending = response.hasUnprocessedItems() ? response.unprocessedItems() : Map.of();
            }
        }
        return deletes.size();
    }

    private static Map<String, AttributeValue> tokenValues(InstallationTokens tokens) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":a", s(tokens.accessToken()));
        values.put(":r", s(tokens.refreshToken()));
        values.put(":e", s(tokens.accessExpiresAt().toString()));
        values.put(":c", s(tokens.clientEndpoint()));
        values.put(":o", tokens.serverEndpoint() == null ? AttributeValue.fromNul(true) : s(tokens.serverEndpoint()));
        return values;
    }

    private Map<String, AttributeValue> key(String memberId) {
        return Map.of(TableDefinition.PK, s(Keys.partition(memberId)), TableDefinition.SK, s(Keys.PORTAL));
    }

    private static void set(List<String> sets, Map<String, String> names, Map<String, AttributeValue> values,
                            String attribute, AttributeValue value) {
        String n = "#a" + sets.size();
        String v = ":v" + sets.size();
        sets.add(n + " = " + v);
        names.put(n, attribute);
        values.put(v, value);
    }
}
