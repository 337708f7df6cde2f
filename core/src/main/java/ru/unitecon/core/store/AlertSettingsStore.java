package ru.unitecon.core.store;

import ru.unitecon.core.portal.AlertKind;
import ru.unitecon.core.portal.AlertSettings;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static ru.unitecon.core.store.Attributes.decimal;
import static ru.unitecon.core.store.Attributes.n;
import static ru.unitecon.core.store.Attributes.s;
import static ru.unitecon.core.store.Attributes.string;

/**
 * A portal's alert settings, one item ({@code ALERTS}) beside its settings. A portal installed before alerts existed
 * has none and gets the defaults without recipients: nobody is written to until an administrator chooses someone.
 */
public final class AlertSettingsStore {
    private final DynamoDbClient dynamo;
    private final String table;
    private final RecordReader reader;

    public AlertSettingsStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
        this.reader = new RecordReader(dynamo, table);
    }

    public AlertSettings load(String memberId) {
        Map<String, AttributeValue> item = reader.item(memberId, Keys.ALERT_SETTINGS);
        return item == null ? AlertSettings.defaults(null, null) : decode(item);
    }

    public void save(String memberId, AlertSettings settings) {
        dynamo.putItem(PutItemRequest.builder().tableName(table).item(encode(memberId, settings)).build());
    }

    /**
     * The install's defaults, unless the portal has alert settings already: a reinstall keeps what its
     * administrators chose.
     */
    public void createIfAbsent(String memberId, AlertSettings settings) {
        try {
            dynamo.putItem(PutItemRequest.builder().tableName(table).item(encode(memberId, settings))
                    .conditionExpression("attribute_not_exists(PK)").build());
        } catch (ConditionalCheckFailedException kept) {
            // An administrator's choices (or an earlier install's defaults) stay.
        }
    }

    private static Map<String, AttributeValue> encode(String memberId, AlertSettings settings) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(TableDefinition.PK, s(Keys.partition(memberId)));
        item.put(TableDefinition.SK, s(Keys.ALERT_SETTINGS));
        Map<String, AttributeValue> recipients = new HashMap<>();
        settings.recipients().forEach((kind, users) -> recipients.put(kind.name(),
                AttributeValue.fromL(users.stream().map(Attributes::n).toList())));
        item.put("recipients", AttributeValue.fromM(recipients));
        item.put("noShowRatePercent", n(settings.noShowRatePercent()));
        item.put("spikeFactor", n(settings.spikeFactor()));
        item.put("unknownSharePercent", n(settings.unknownSharePercent()));
        item.put("daysWithoutLeads", n(settings.daysWithoutLeads()));
        item.put("answeredIn15Percent", n(settings.answeredIn15Percent()));
        item.put("language", s(settings.language()));
        return item;
    }

    private static AlertSettings decode(Map<String, AttributeValue> item) {
        Map<AlertKind, List<Long>> recipients = new EnumMap<>(AlertKind.class);
        item.get("recipients").m().forEach((kind, users) -> recipients.put(AlertKind.valueOf(kind),
                users.l().stream().map(user -> Long.parseLong(user.n())).toList()));
        // Items written before the response alert have no threshold for it: the default.
        BigDecimal answeredIn15 = item.containsKey("answeredIn15Percent") ? decimal(item, "answeredIn15Percent")
                : AlertSettings.DEFAULT_ANSWERED_IN_15_PERCENT;
        return new AlertSettings(recipients, decimal(item, "noShowRatePercent"), decimal(item, "spikeFactor"),
                decimal(item, "unknownSharePercent"), (int) Attributes.longOrZero(item, "daysWithoutLeads"),
                answeredIn15, string(item, "language"));
    }
}
