package ru.unitecon.core.portal;

import ru.unitecon.core.attribution.ChannelRules;
import ru.unitecon.core.currency.CurrencyRates;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.Objects;

/**
 * A portal's choices for the metrics: where its months begin (time zone), its reporting currency and costs, how
 * clients are attributed and what an order is; and what the portal told about itself (its rates, and whether the
 * zone and the currency were learned from it or chosen).
 *
 * @param currency            the reporting currency, the portal's base currency unless an administrator chose one
 * @param retentionYears      how long a client stays, for the LTV formula (seed 000 uses 2 years)
 * @param activeWindowMonths  a client with an order in this many trailing months is active
 * @param reminders           appointment reminders, quiet hours and the no-show follow-up
 * @param appointmentFields   which CRM fields hold appointment time and state
 * @param zoneSource          whether the zone was learned from the portal, chosen, or is still the default
 * @param currencySource      the same for the reporting currency
 * @param rates               the portal's currency rates, kept apart from the settings item and refreshed daily
 * @param retention           the second-visit window and the win-back offer of the retention view
 */
public record PortalSettings(ZoneId zone, String currency, BigDecimal processingCostPerMonth,
                             VariableCost variableCost, BigDecimal retentionYears, Attribution attribution,
                             OrderSource orderSource, int activeWindowMonths, ChannelRules channelRules,
                             ReminderPolicy reminders, AppointmentFields appointmentFields,
                             SettingSource zoneSource, SettingSource currencySource, CurrencyRates rates,
                             RetentionPolicy retention) {

    public static final ZoneId DEFAULT_ZONE = ZoneId.of("Europe/Moscow");

    public PortalSettings {
        Objects.requireNonNull(zone, "zone");
        if (currency == null || !currency.matches("[A-Z]{3}")) {
            throw new IllegalArgumentException("currency must be an ISO 4217 code such as RUB");
        }
        Objects.requireNonNull(processingCostPerMonth, "processingCostPerMonth");
        if (processingCostPerMonth.signum() < 0) {
            throw new IllegalArgumentException("processing cost cannot be negative");
        }
        processingCostPerMonth = Decimals.normalized(processingCostPerMonth);
        Objects.requireNonNull(variableCost, "variableCost");
        Objects.requireNonNull(retentionYears, "retentionYears");
        if (retentionYears.signum() <= 0) {
            throw new IllegalArgumentException("retention must be positive");
        }
        retentionYears = Decimals.normalized(retentionYears);
        Objects.requireNonNull(attribution, "attribution");
        Objects.requireNonNull(orderSource, "orderSource");
        if (activeWindowMonths < 1 || activeWindowMonths > 36) {
            throw new IllegalArgumentException("the active-client window must be 1 to 36 months");
        }
        Objects.requireNonNull(channelRules, "channelRules");
        Objects.requireNonNull(reminders, "reminders");
        Objects.requireNonNull(appointmentFields, "appointmentFields");
        Objects.requireNonNull(zoneSource, "zoneSource");
        Objects.requireNonNull(currencySource, "currencySource");
        Objects.requireNonNull(rates, "rates");
        Objects.requireNonNull(retention, "retention");
    }

    /** Settings stored before the retention view: its defaults. */
    public PortalSettings(ZoneId zone, String currency, BigDecimal processingCostPerMonth, VariableCost variableCost,
                          BigDecimal retentionYears, Attribution attribution, OrderSource orderSource,
                          int activeWindowMonths, ChannelRules channelRules, ReminderPolicy reminders,
                          AppointmentFields appointmentFields, SettingSource zoneSource,
                          SettingSource currencySource, CurrencyRates rates) {
        this(zone, currency, processingCostPerMonth, variableCost, retentionYears, attribution, orderSource,
                activeWindowMonths, channelRules, reminders, appointmentFields, zoneSource, currencySource, rates,
                RetentionPolicy.defaults());
    }

    /** Settings as an administrator types them: where zone and currency came from is the editor's to tell. */
    public PortalSettings(ZoneId zone, String currency, BigDecimal processingCostPerMonth, VariableCost variableCost,
                          BigDecimal retentionYears, Attribution attribution, OrderSource orderSource,
                          int activeWindowMonths, ChannelRules channelRules, ReminderPolicy reminders,
                          AppointmentFields appointmentFields) {
        this(zone, currency, processingCostPerMonth, variableCost, retentionYears, attribution, orderSource,
                activeWindowMonths, channelRules, reminders, appointmentFields, SettingSource.ASSUMED,
                SettingSource.ASSUMED, CurrencyRates.unknown());
    }

    public static PortalSettings defaults() {
        return new PortalSettings(DEFAULT_ZONE, "RUB", BigDecimal.ZERO, VariableCost.NONE, BigDecimal.valueOf(2),
                Attribution.FIRST_TOUCH, OrderSource.WON_DEALS, 12, ChannelRules.defaults(), ReminderPolicy.defaults(),
                AppointmentFields.appOwn());
    }

    public PortalSettings withZone(ZoneId newZone) {
        return new PortalSettings(newZone, currency, processingCostPerMonth, variableCost, retentionYears,
                attribution, orderSource, activeWindowMonths, channelRules, reminders, appointmentFields, zoneSource,
                currencySource, rates, retention);
    }

    /** This zone, and where it came from. */
    public PortalSettings withZone(ZoneId newZone, SettingSource source) {
        return new PortalSettings(newZone, currency, processingCostPerMonth, variableCost, retentionYears,
                attribution, orderSource, activeWindowMonths, channelRules, reminders, appointmentFields, source,
                currencySource, rates, retention);
    }

    public PortalSettings withVariableCost(VariableCost newCost) {
        return new PortalSettings(zone, currency, processingCostPerMonth, newCost, retentionYears, attribution,
                orderSource, activeWindowMonths, channelRules, reminders, appointmentFields, zoneSource,
                currencySource, rates, retention);
    }

    public PortalSettings withProcessingCostPerMonth(BigDecimal newCost) {
        return new PortalSettings(zone, currency, newCost, variableCost, retentionYears, attribution, orderSource,
                activeWindowMonths, channelRules, reminders, appointmentFields, zoneSource, currencySource, rates, retention);
    }

    public PortalSettings withAttribution(Attribution newAttribution) {
        return new PortalSettings(zone, currency, processingCostPerMonth, variableCost, retentionYears,
                newAttribution, orderSource, activeWindowMonths, channelRules, reminders, appointmentFields,
                zoneSource, currencySource, rates, retention);
    }

    public PortalSettings withOrderSource(OrderSource newSource) {
        return new PortalSettings(zone, currency, processingCostPerMonth, variableCost, retentionYears, attribution,
                newSource, activeWindowMonths, channelRules, reminders, appointmentFields, zoneSource,
                currencySource, rates, retention);
    }

    public PortalSettings withRetentionYears(BigDecimal years) {
        return new PortalSettings(zone, currency, processingCostPerMonth, variableCost, years, attribution,
                orderSource, activeWindowMonths, channelRules, reminders, appointmentFields, zoneSource,
                currencySource, rates, retention);
    }

    public PortalSettings withChannelRules(ChannelRules rules) {
        return new PortalSettings(zone, currency, processingCostPerMonth, variableCost, retentionYears, attribution,
                orderSource, activeWindowMonths, rules, reminders, appointmentFields, zoneSource, currencySource,
                rates, retention);
    }

    public PortalSettings withReminders(ReminderPolicy policy) {
        return new PortalSettings(zone, currency, processingCostPerMonth, variableCost, retentionYears, attribution,
                orderSource, activeWindowMonths, channelRules, policy, appointmentFields, zoneSource,
                currencySource, rates, retention);
    }

    public PortalSettings withAppointmentFields(AppointmentFields fields) {
        return new PortalSettings(zone, currency, processingCostPerMonth, variableCost, retentionYears, attribution,
                orderSource, activeWindowMonths, channelRules, reminders, fields, zoneSource, currencySource,
                rates, retention);
    }

    public PortalSettings withCurrency(String newCurrency) {
        return new PortalSettings(zone, newCurrency, processingCostPerMonth, variableCost, retentionYears,
                attribution, orderSource, activeWindowMonths, channelRules, reminders, appointmentFields,
                zoneSource, currencySource, rates, retention);
    }

    /** This reporting currency, and where it came from. */
    public PortalSettings withCurrency(String newCurrency, SettingSource source) {
        return new PortalSettings(zone, newCurrency, processingCostPerMonth, variableCost, retentionYears,
                attribution, orderSource, activeWindowMonths, channelRules, reminders, appointmentFields,
                zoneSource, source, rates, retention);
    }

    public PortalSettings withActiveWindowMonths(int months) {
        return new PortalSettings(zone, currency, processingCostPerMonth, variableCost, retentionYears, attribution,
                orderSource, months, channelRules, reminders, appointmentFields, zoneSource, currencySource, rates, retention);
    }

    public PortalSettings withRates(CurrencyRates newRates) {
        return new PortalSettings(zone, currency, processingCostPerMonth, variableCost, retentionYears, attribution,
                orderSource, activeWindowMonths, channelRules, reminders, appointmentFields, zoneSource,
                currencySource, newRates, retention);
    }

    public PortalSettings withRetention(RetentionPolicy policy) {
        return new PortalSettings(zone, currency, processingCostPerMonth, variableCost, retentionYears, attribution,
                orderSource, activeWindowMonths, channelRules, reminders, appointmentFields, zoneSource,
                currencySource, rates, policy);
    }
}
