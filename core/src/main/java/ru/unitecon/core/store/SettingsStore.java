package ru.unitecon.core.store;

import ru.unitecon.core.attribution.ChannelRule;
import ru.unitecon.core.attribution.ChannelRules;
import ru.unitecon.core.attribution.MatchKind;
import ru.unitecon.core.attribution.SourceField;
import ru.unitecon.core.portal.Attribution;
import ru.unitecon.core.portal.OrderSource;
import ru.unitecon.core.portal.PortalSettings;
import ru.unitecon.core.portal.VariableCost;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;

import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static ru.unitecon.core.store.Attributes.decimal;
import static ru.unitecon.core.store.Attributes.n;
import static ru.unitecon.core.store.Attributes.s;
import static ru.unitecon.core.store.Attributes.string;

/** A portal's settings item; a portal that never saved settings gets the defaults. */
public final class SettingsStore {
    private final DynamoDbClient dynamo;
    private final String table;
    private final RecordReader reader;

    public SettingsStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
        this.reader = new RecordReader(dynamo, table);
    }

    public PortalSettings load(String memberId) {
        Map<String, AttributeValue> item = reader.item(memberId, Keys.SETTINGS);
        return item == null ? PortalSettings.defaults() : decode(item);
    }

    public void save(String memberId, PortalSettings settings) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(TableDefinition.PK, s(Keys.partition(memberId)));
        item.put(TableDefinition.SK, s(Keys.SETTINGS));
        item.put("zone", s(settings.zone().getId()));
        item.put("currency", s(settings.currency()));
        item.put("processingCostPerMonth", n(settings.processingCostPerMonth()));
        item.put("variableCostKind", s(settings.variableCost().kind().name()));
        item.put("variableCost", n(settings.variableCost().value()));
        item.put("retentionYears", n(settings.retentionYears()));
        item.put("attribution", s(settings.attribution().name()));
        item.put("orderSource", s(settings.orderSource().name()));
        item.put("activeWindowMonths", n(settings.activeWindowMonths()));
        item.put("channelRules", AttributeValue.fromL(settings.channelRules().rules().stream()
                .map(rule -> AttributeValue.fromM(Map.of(
                        "field", s(rule.field().name()),
                        "match", s(rule.match().name()),
                        "pattern", s(rule.pattern()),
                        "channel", s(rule.channel()))))
                .toList()));
        dynamo.putItem(PutItemRequest.builder().tableName(table).item(item).build());
    }

    private static PortalSettings decode(Map<String, AttributeValue> item) {
        List<ChannelRule> rules = item.get("channelRules").l().stream()
                .map(AttributeValue::m)
                .map(m -> new ChannelRule(SourceField.valueOf(string(m, "field")), MatchKind.valueOf(string(m, "match")),
                        string(m, "pattern"), string(m, "channel")))
                .toList();
        return new PortalSettings(ZoneId.of(string(item, "zone")), string(item, "currency"),
                decimal(item, "processingCostPerMonth"),
                new VariableCost(VariableCost.Kind.valueOf(string(item, "variableCostKind")),
                        decimal(item, "variableCost")),
                decimal(item, "retentionYears"), Attribution.valueOf(string(item, "attribution")),
                OrderSource.valueOf(string(item, "orderSource")),
                (int) Attributes.longOrZero(item, "activeWindowMonths"), new ChannelRules(rules));
    }
}
