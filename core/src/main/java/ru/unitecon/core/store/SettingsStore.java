package ru.unitecon.core.store;

import ru.unitecon.core.appointments.AppointmentState;
import ru.unitecon.core.attribution.ChannelRule;
import ru.unitecon.core.attribution.ChannelRules;
import ru.unitecon.core.attribution.MatchKind;
import ru.unitecon.core.attribution.SourceField;
import ru.unitecon.core.currency.CurrencyRates;
import ru.unitecon.core.currency.Rate;
import ru.unitecon.core.portal.AppointmentFields;
import ru.unitecon.core.portal.Attribution;
import ru.unitecon.core.portal.OrderSource;
import ru.unitecon.core.portal.PortalSettings;
import ru.unitecon.core.portal.ReminderPolicy;
import ru.unitecon.core.portal.RetentionPolicy;
import ru.unitecon.core.portal.SettingSource;
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

/**
 * A portal's settings item, and its rates item beside it; a portal that never saved settings gets the defaults, one
 * whose rates were never read gets no rates.
 */
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
        PortalSettings settings = item == null ? PortalSettings.defaults() : decode(item);
        return settings.withRates(rates(reader.item(memberId, Keys.RATES)));
    }

    /** Stores the portal's rates; the settings item is left alone. */
    public void saveRates(String memberId, CurrencyRates rates) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(TableDefinition.PK, s(Keys.partition(memberId)));
        item.put(TableDefinition.SK, s(Keys.RATES));
        Attributes.putIfPresent(item, "base", rates.base());
        Attributes.putIfPresent(item, "fetchedAt", rates.fetchedAt());
        Attributes.putIfPresent(item, "checkedAt", rates.checkedAt());
        Map<String, AttributeValue> listed = new HashMap<>();
        rates.rates().forEach((code, rate) -> listed.put(code, AttributeValue.fromM(Map.of(
                "amount", n(rate.amount()), "units", n(rate.units())))));
        item.put("rates", AttributeValue.fromM(listed));
        dynamo.putItem(PutItemRequest.builder().tableName(table).item(item).build());
    }

    public void save(String memberId, PortalSettings settings) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(TableDefinition.PK, s(Keys.partition(memberId)));
        item.put(TableDefinition.SK, s(Keys.SETTINGS));
        item.put("zone", s(settings.zone().getId()));
        putSource(item, "zone", settings.zoneSource());
        item.put("currency", s(settings.currency()));
        putSource(item, "currency", settings.currencySource());
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
        item.put("secondVisitDays", n(settings.retention().secondVisitDays()));
        item.put("winBackOffer", s(settings.retention().winBackOffer()));
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
        ZoneId zone = ZoneId.of(string(item, "zone"));
        String currency = string(item, "currency");
        return new PortalSettings(zone, currency,
                decimal(item, "processingCostPerMonth"),
                new VariableCost(VariableCost.Kind.valueOf(string(item, "variableCostKind")),
                        decimal(item, "variableCost")),
                decimal(item, "retentionYears"), Attribution.valueOf(string(item, "attribution")),
                OrderSource.valueOf(string(item, "orderSource")),
                (int) Attributes.longOrZero(item, "activeWindowMonths"), new ChannelRules(rules),
                reminders(item), appointmentFields(item),
                source(item, "zone", !zone.equals(PortalSettings.DEFAULT_ZONE)),
                source(item, "currency", !currency.equals(PortalSettings.defaults().currency())),
                CurrencyRates.unknown(), retention(item));
    }

    /** Settings stored before the retention view keep its defaults until an administrator saves others. */
    private static RetentionPolicy retention(Map<String, AttributeValue> item) {
        if (!item.containsKey("secondVisitDays")) {
            return RetentionPolicy.defaults();
        }
        return new RetentionPolicy((int) Attributes.longOrZero(item, "secondVisitDays"), string(item, "winBackOffer"));
    }

    private static void putSource(Map<String, AttributeValue> item, String setting, SettingSource source) {
        item.put(setting + "Source", s(source.kind().name()));
        Attributes.putIfPresent(item, setting + "SourceAt", source.at());
    }

    /**
     * Where a setting came from. Settings saved before sources were kept count a value other than the default as
     * an administrator's choice (the app assumed the default until someone changed it), the default as assumed.
     */
    private static SettingSource source(Map<String, AttributeValue> item, String setting, boolean changed) {
        String kind = string(item, setting + "Source");
        if (kind == null) {
            return changed ? new SettingSource(SettingSource.Kind.ADMIN, null) : SettingSource.ASSUMED;
        }
        return new SettingSource(SettingSource.Kind.valueOf(kind), Attributes.instant(item, setting + "SourceAt"));
    }

    private static CurrencyRates rates(Map<String, AttributeValue> item) {
        if (item == null) {
            return CurrencyRates.unknown();
        }
        Map<String, Rate> listed = new HashMap<>();
        item.get("rates").m().forEach((code, rate) -> listed.put(code,
                new Rate(decimal(rate.m(), "amount"), decimal(rate.m(), "units"))));
        return new CurrencyRates(string(item, "base"), listed, Attributes.instant(item, "fetchedAt"),
                Attributes.instant(item, "checkedAt"));
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
