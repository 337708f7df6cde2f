package ru.unitecon.core.store;

import ru.unitecon.core.appointments.AppointmentState;
import ru.unitecon.core.attribution.ChannelRule;
import ru.unitecon.core.attribution.ChannelRules;
import ru.unitecon.core.attribution.MatchKind;
import ru.unitecon.core.attribution.SourceField;
import ru.unitecon.core.portal.AppointmentFields;
import ru.unitecon.core.portal.Attribution;
import ru.unitecon.core.portal.OrderSource;
import ru.unitecon.core.portal.PortalSettings;
import ru.unitecon.core.portal.ReminderPolicy;
import ru.unitecon.core.portal.VariableCost;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;

import java.time.Duration;
import java.time.LocalTime;
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
        ReminderPolicy reminders = settings.reminders();
        item.put("reminderOffsetsMinutes", AttributeValue.fromL(reminders.offsets().stream()
                .map(offset -> n(offset.toMinutes())).toList()));
        item.put("quietFrom", s(reminders.quietFrom().toString()));
        item.put("quietUntil", s(reminders.quietUntil().toString()));
        item.put("markAfterMinutes", n(reminders.markAfter().toMinutes()));
        item.put("noShowOffer", s(reminders.noShowOffer()));
        AppointmentFields fields = settings.appointmentFields();
        item.put("appointmentTimeField", s(fields.timeField()));
        Attributes.putIfPresent(item, "appointmentStateField", fields.stateField());
        Map<String, AttributeValue> stages = new HashMap<>();
        fields.stageStates().forEach((stage, state) -> stages.put(stage, s(state.name())));
        item.put("appointmentStageStates", AttributeValue.fromM(stages));
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
                (int) Attributes.longOrZero(item, "activeWindowMonths"), new ChannelRules(rules),
                reminders(item), appointmentFields(item));
    }

    /** Settings saved before reminders were configurable read as the defaults. */
    private static ReminderPolicy reminders(Map<String, AttributeValue> item) {
        if (!item.containsKey("quietFrom")) {
            return ReminderPolicy.defaults();
        }
        List<Duration> offsets = item.get("reminderOffsetsMinutes").l().stream()
                .map(value -> Duration.ofMinutes(Long.parseLong(value.n())))
                .toList();
        return new ReminderPolicy(offsets, LocalTime.parse(string(item, "quietFrom")),
                LocalTime.parse(string(item, "quietUntil")),
                Duration.ofMinutes(Attributes.longOrZero(item, "markAfterMinutes")), string(item, "noShowOffer"));
    }

    private static AppointmentFields appointmentFields(Map<String, AttributeValue> item) {
        if (!item.containsKey("appointmentTimeField")) {
            return AppointmentFields.appOwn();
        }
        Map<String, AppointmentState> stages = new HashMap<>();
        item.get("appointmentStageStates").m()
                .forEach((stage, state) -> stages.put(stage, AppointmentState.valueOf(state.s())));
        return new AppointmentFields(string(item, "appointmentTimeField"), string(item, "appointmentStateField"),
                stages);
    }
}
