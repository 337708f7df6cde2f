package ru.unitecon.core.store;

import ru.unitecon.core.ads.AdAccount;
import ru.unitecon.core.ads.AdConnection;
import ru.unitecon.core.ads.AdPlatform;
import ru.unitecon.core.ads.ConnectionState;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static ru.unitecon.core.store.Attributes.n;
import static ru.unitecon.core.store.Attributes.s;
import static ru.unitecon.core.store.Attributes.string;

/**
 * A portal's connected ad accounts ({@code P#{member}}, {@code ADCONN#{platform}#{account}}): the tokens sealed
 * (never in clear), who connected the account, its state and its last import.
 */
public final class AdConnectionStore {
    private static final String TOKENS = "tokens";
    private static final String LAST_ERROR = "lastError";
    private static final String NOTIFIED = "reconnectNotifiedAt";

    /** A connection with its sealed tokens, as stored. */
    public record Stored(AdConnection connection, byte[] sealedTokens) {
    }

    private final DynamoDbClient dynamo;
    private final String table;

    public AdConnectionStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    /** Stores a (re)connected account, replacing what was stored for it, its state and errors included. */
    public void save(String memberId, AdConnection connection, byte[] sealedTokens) {
        Map<String, AttributeValue> item = new HashMap<>(key(memberId, connection.account()));
        item.put("platform", s(connection.account().platform().code()));
        item.put("account", s(connection.account().accountId()));
        item.put("agencyClient", Attributes.bool(connection.agencyClient()));
        item.put("connectedBy", n(connection.connectedBy()));
        item.put("connectedAt", s(connection.connectedAt().toString()));
        item.put("state", s(connection.state().name()));
        Attributes.putIfPresent(item, "lastImportAt", connection.lastImportAt());
        Attributes.putIfPresent(item, "lastAttemptAt", connection.lastAttemptAt());
        item.put("lastImportRows", n(connection.lastImportRows()));
        if (connection.importedThrough() != null) {
            item.put("importedThrough", s(connection.importedThrough().toString()));
        }
        Attributes.putIfPresent(item, LAST_ERROR, connection.lastError());
        item.put(TOKENS, AttributeValue.fromB(SdkBytes.fromByteArray(sealedTokens)));
        dynamo.putItem(PutItemRequest.builder().tableName(table).item(item).build());
    }

    public List<Stored> list(String memberId) {
        List<Stored> connections = new ArrayList<>();
        for (Map<String, AttributeValue> item : dynamo.queryPaginator(QueryRequest.builder().tableName(table)
                .keyConditionExpression("PK = :pk AND begins_with(SK, :prefix)")
                .expressionAttributeValues(Map.of(":pk", s(Keys.partition(memberId)),
                        ":prefix", s(Keys.AD_CONNECTION)))
                .consistentRead(true).build()).items()) {
            connections.add(decode(item));
        }
        return connections;
    }

    public Optional<Stored> find(String memberId, AdAccount account) {
        Map<String, AttributeValue> item = new RecordReader(dynamo, table).item(memberId,
                Keys.adConnection(account.platform().code(), account.accountId()));
        return item == null ? Optional.empty() : Optional.of(decode(item));
    }

    /** New tokens after a refresh; nothing when the account was disconnected meanwhile. */
    public void replaceTokens(String memberId, AdAccount account, byte[] sealedTokens) {
        update(memberId, account, "SET #t = :t", Map.of("#t", TOKENS),
                Map.of(":t", AttributeValue.fromB(SdkBytes.fromByteArray(sealedTokens))));
    }

    /** A good import: its time, rows and the last day it covered; the last error is cleared. */
    public void recordImport(String memberId, AdAccount account, Instant at, int rows, LocalDate through) {
        update(memberId, account, "SET lastImportAt = :a, lastAttemptAt = :a, lastImportRows = :r, importedThrough = :d REMOVE #e",
                Map.of("#e", LAST_ERROR), Map.of(":a", s(at.toString()), ":r", n(rows), ":d", s(through.toString())));
    }

    /** A failed import: a short, token-free description; {@code reconnect} marks the connection "reconnect". */
    public void recordFailure(String memberId, AdAccount account, Instant at, String error, boolean reconnect) {
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":a", s(at.toString()), ":e", s(error)));
        String expression = "SET lastAttemptAt = :a, #e = :e";
        if (reconnect) {
            values.put(":s", s(ConnectionState.RECONNECT.name()));
            expression += ", #s = :s";
        }
        update(memberId, account, expression, reconnect ? Map.of("#e", LAST_ERROR, "#s", "state")
                : Map.of("#e", LAST_ERROR), values);
    }

    /** @return whether this caller is the one to tell the administrator the account needs reconnecting */
    public boolean claimReconnectNotice(String memberId, AdAccount account, Instant at) {
        try {
            dynamo.updateItem(UpdateItemRequest.builder().tableName(table).key(key(memberId, account))
                    .updateExpression("SET #n = :n")
                    .conditionExpression("attribute_exists(PK) AND attribute_not_exists(#n)")
                    .expressionAttributeNames(Map.of("#n", NOTIFIED))
                    .expressionAttributeValues(Map.of(":n", s(at.toString()))).build());
            return true;
        } catch (ConditionalCheckFailedException alreadyTold) {
            return false;
        }
    }

    public void delete(String memberId, AdAccount account) {
        dynamo.deleteItem(DeleteItemRequest.builder().tableName(table).key(key(memberId, account)).build());
    }

    private void update(String memberId, AdAccount account, String expression, Map<String, String> names,
                        Map<String, AttributeValue> values) {
        UpdateItemRequest.Builder update = UpdateItemRequest.builder().tableName(table).key(key(memberId, account))
                .updateExpression(expression).conditionExpression("attribute_exists(PK)")
                .expressionAttributeValues(values);
        if (!names.isEmpty()) {
            update.expressionAttributeNames(names);
        }
        try {
            dynamo.updateItem(update.build());
        } catch (ConditionalCheckFailedException disconnected) {
            // Disconnected while importing: nothing of it is kept.
        }
    }

    private Map<String, AttributeValue> key(String memberId, AdAccount account) {
        return Map.of(TableDefinition.PK, s(Keys.partition(memberId)),
                TableDefinition.SK, s(Keys.adConnection(account.platform().code(), account.accountId())));
    }

    private static Stored decode(Map<String, AttributeValue> item) {
        AdAccount account = new AdAccount(AdPlatform.ofCode(string(item, "platform")), string(item, "account"));
        String through = string(item, "importedThrough");
        AdConnection connection = new AdConnection(account, Attributes.flag(item, "agencyClient"),
                Attributes.longOrZero(item, "connectedBy"), Attributes.instant(item, "connectedAt"),
                ConnectionState.valueOf(string(item, "state")), Attributes.instant(item, "lastImportAt"),
                Attributes.instant(item, "lastAttemptAt"),
                (int) Attributes.longOrZero(item, "lastImportRows"),
                through == null ? null : LocalDate.parse(through), string(item, LAST_ERROR));
        return new Stored(connection, item.get(TOKENS).b().asByteArray());
    }
}
