package ru.unitecon.ui.views;

import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.timepicker.TimePicker;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import ru.unitecon.core.attribution.ChannelRules;
import ru.unitecon.core.portal.AlertSettings;
import ru.unitecon.core.portal.AppointmentFields;
import ru.unitecon.core.portal.Attribution;
import ru.unitecon.core.portal.OrderSource;
import ru.unitecon.core.portal.PortalSettings;
import ru.unitecon.core.portal.ReminderPolicy;
import ru.unitecon.core.portal.RetentionPolicy;
import ru.unitecon.core.portal.SettingSource;
import ru.unitecon.core.portal.VariableCost;
import ru.unitecon.ui.data.AlertSettingsData;
import ru.unitecon.ui.data.SettingsEditor;
import ru.unitecon.ui.entry.PortalSession;
import ru.unitecon.ui.format.Figures;
import ru.unitecon.ui.format.Hours;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import static ru.unitecon.ui.views.FieldChecks.required;

/**
 * Every setting of the portal. Each value is checked by the core type that holds it, and its error shown next to
 * its field; nothing is saved while any is wrong. Only the portal's administrators may save: others see the
 * settings read-only. The zone and the currency say where they came from (learned from the portal, or chosen),
 * and the portal's currency rates are shown beside the currency.
 */
@Route(value = "settings", layout = MainLayout.class)
public class SettingsView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {
    /** Region zones (Europe/Moscow, Asia/Yekaterinburg), not fixed offsets: they follow daylight-saving changes. */
    private static final List<String> ZONES = ZoneId.getAvailableZoneIds().stream()
            .filter(zone -> zone.contains("/") && !zone.startsWith("Etc/") && !zone.startsWith("SystemV/"))
            .sorted().toList();
    private static final List<String> CURRENCIES = Currency.getAvailableCurrencies().stream()
            .map(Currency::getCurrencyCode).sorted().toList();

    private final SettingsEditor editor;
    private final AlertSettingsData alerts;
    private final ComboBox<String> zone = new ComboBox<>();
    private final ComboBox<String> currency = new ComboBox<>();
    private final BigDecimalField processingCost = new BigDecimalField();
    private final RadioButtonGroup<VariableCost.Kind> variableCostKind = new RadioButtonGroup<>();
    private final BigDecimalField variableCost = new BigDecimalField();
    private final BigDecimalField retentionYears = new BigDecimalField();
    private final RadioButtonGroup<Attribution> attribution = new RadioButtonGroup<>();
    private final RadioButtonGroup<OrderSource> orderSource = new RadioButtonGroup<>();
    private final IntegerField activeWindow = new IntegerField();
    private final ChannelRulesEditor rules = new ChannelRulesEditor();
    private final AppointmentFieldsEditor appointmentFields = new AppointmentFieldsEditor();
    private final AlertSettingsEditor alertSettings = new AlertSettingsEditor();
    private final TextField reminderOffsets = new TextField();
    private final TimePicker quietFrom = new TimePicker();
    private final TimePicker quietUntil = new TimePicker();
    private final IntegerField markAfterMinutes = new IntegerField();
    private final TextArea noShowOffer = new TextArea();
    private final IntegerField secondVisitDays = new IntegerField();
    private final TextArea winBackOffer = new TextArea();
    private final Button save = new Button();
    private final Paragraph rates = new Paragraph();
    private final Paragraph reminderGrace = new Paragraph();
    private final Paragraph adminOnly = new Paragraph();
    private final Paragraph status = new Paragraph();
    private PortalSession portal;

    public SettingsView(SettingsEditor editor, AlertSettingsData alerts) {
        this.editor = editor;
        this.alerts = alerts;
        zone.setId("zone");
        zone.setLabel(t("zone"));
        zone.setItems(ZONES);
        currency.setId("currency");
        currency.setLabel(t("currency"));
        currency.setItems(CURRENCIES);
        processingCost.setId("processing-cost");
        processingCost.setLabel(t("processingCost"));
        processingCost.setHelperText(t("processingCostHelp"));
        variableCostKind.setId("variable-cost-kind");
        variableCostKind.setLabel(t("variableCostKind"));
        variableCostKind.setItems(VariableCost.Kind.values());
        variableCostKind.setItemLabelGenerator(kind -> t("variableCost." + kind.name()));
        variableCost.setId("variable-cost");
        variableCost.setLabel(t("variableCost"));
        retentionYears.setId("retention-years");
        retentionYears.setLabel(t("retentionYears"));
        retentionYears.setHelperText(t("retentionYearsHelp"));
        attribution.setId("attribution");
        attribution.setLabel(t("attribution"));
        attribution.setItems(Attribution.values());
        attribution.setItemLabelGenerator(value -> t("attribution." + value.name()));
        orderSource.setId("order-source");
        orderSource.setLabel(t("orderSource"));
        orderSource.setItems(OrderSource.values());
        orderSource.setItemLabelGenerator(value -> t("orderSource." + value.name()));
        activeWindow.setId("active-window");
        activeWindow.setLabel(t("activeWindow"));
        reminderOffsets.setId("reminder-offsets");
        reminderOffsets.setLabel(t("reminderOffsets"));
        reminderOffsets.setHelperText(t("reminderOffsetsHelp"));
        quietFrom.setId("quiet-from");
        quietFrom.setLabel(t("quietFrom"));
        quietUntil.setId("quiet-until");
        quietUntil.setLabel(t("quietUntil"));
        markAfterMinutes.setId("mark-after");
        markAfterMinutes.setLabel(t("markAfter"));
        noShowOffer.setId("no-show-offer");
        noShowOffer.setLabel(t("noShowOffer"));
        noShowOffer.setMaxLength(ReminderPolicy.MAX_OFFER_LENGTH);
        noShowOffer.setWidthFull();
        secondVisitDays.setId("second-visit-days");
        secondVisitDays.setLabel(t("secondVisitDays"));
        secondVisitDays.setHelperText(t("secondVisitDaysHelp"));
        winBackOffer.setId("win-back-offer");
        winBackOffer.setLabel(t("winBackOffer"));
        winBackOffer.setMaxLength(ReminderPolicy.MAX_OFFER_LENGTH);
        winBackOffer.setWidthFull();
        save.setId("save-settings");
        save.setText(t("save"));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(event -> save());
        rates.setId("currency-rates");
        rates.getStyle().set("color", "var(--lumo-secondary-text-color)");
        reminderGrace.setId("reminder-grace");
        reminderGrace.setText(getTranslation("settings.reminderGrace", ReminderPolicy.LATE_GRACE.toMinutes()));
        reminderGrace.getStyle().set("color", "var(--lumo-secondary-text-color)");
        adminOnly.setId("admin-only");
        adminOnly.setText(t("adminOnly"));
        status.setId("settings-status");

        FormLayout money = new FormLayout(zone, currency, processingCost, variableCostKind, variableCost,
                retentionYears, activeWindow, attribution, orderSource);
        FormLayout reminders = new FormLayout(reminderOffsets, quietFrom, quietUntil, markAfterMinutes, noShowOffer);
        FormLayout retention = new FormLayout(secondVisitDays, winBackOffer);
        add(new H2(t("title")), adminOnly, money, rates, rules, appointmentFields,
                new H3(t("reminders")), reminders, reminderGrace, new H3(t("retention")), retention, alertSettings,
                save, status);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        portal = PortalSession.current().orElseThrow();
        PortalSettings settings = editor.load(portal);
        Figures figures = Figures.of(getLocale(), settings);
        show(settings);
        showSources(settings, figures);
        rules.show(settings.channelRules(), editor.leadSources(portal), figures);
        boolean readOnly = !portal.admin();
        adminOnly.setVisible(readOnly);
        save.setVisible(!readOnly);
        List.<HasValue<?, ?>>of(zone, currency, processingCost, variableCostKind, variableCost, retentionYears,
                        attribution, orderSource, activeWindow, reminderOffsets, quietFrom, quietUntil,
                        markAfterMinutes, noShowOffer, secondVisitDays, winBackOffer)
                .forEach(field -> field.setReadOnly(readOnly));
        rules.setReadOnly(readOnly);
        appointmentFields.setReadOnly(readOnly);
        alertSettings.show(alerts.load(portal));
        alertSettings.setReadOnly(readOnly);
        status.setText("");
    }

    @Override
    public String getPageTitle() {
        return t("title") + " · " + getTranslation("app.title");
    }

    private void show(PortalSettings settings) {
        if (!ZONES.contains(settings.zone().getId())) {
            // A zone learned as a fixed offset (UTC+05:00) is offered beside the region zones.
            List<String> zones = new ArrayList<>(ZONES);
            zones.addFirst(settings.zone().getId());
            zone.setItems(zones);
        }
        zone.setValue(settings.zone().getId());
        currency.setValue(settings.currency());
        processingCost.setValue(settings.processingCostPerMonth());
        variableCostKind.setValue(settings.variableCost().kind());
        variableCost.setValue(settings.variableCost().value());
        retentionYears.setValue(settings.retentionYears());
        attribution.setValue(settings.attribution());
        orderSource.setValue(settings.orderSource());
        activeWindow.setValue(settings.activeWindowMonths());
        appointmentFields.show(settings.appointmentFields());
        ReminderPolicy reminders = settings.reminders();
        reminderOffsets.setValue(Hours.format(reminders.offsets(), getLocale()));
        quietFrom.setValue(reminders.quietFrom());
        quietUntil.setValue(reminders.quietUntil());
        markAfterMinutes.setValue((int) reminders.markAfter().toMinutes());
        noShowOffer.setValue(reminders.noShowOffer());
        secondVisitDays.setValue(settings.retention().secondVisitDays());
        winBackOffer.setValue(settings.retention().winBackOffer());
    }

    /** Where the zone and the currency came from, and the portal's rates the amounts are converted with. */
    private void showSources(PortalSettings settings, Figures figures) {
        zone.setHelperText(source("zoneSource", settings.zoneSource(), figures));
        currency.setHelperText(source("currencySource", settings.currencySource(), figures));
        if (settings.rates().fetchedAt() == null) {
            rates.setText(t("ratesUnknown"));
            return;
        }
        String listed = settings.rates().rates().entrySet().stream()
                .filter(rate -> !rate.getKey().equals(settings.rates().base()))
                .sorted(Map.Entry.comparingByKey())
                .map(rate -> rate.getValue().units().stripTrailingZeros().toPlainString() + " " + rate.getKey()
                        + " = " + rate.getValue().amount().stripTrailingZeros().toPlainString() + " "
                        + settings.rates().base())
                .collect(Collectors.joining("; "));
        rates.setText(getTranslation("settings.rates", figures.dateTime(settings.rates().fetchedAt()),
                listed.isEmpty() ? settings.rates().base() : listed));
    }

    private String source(String key, SettingSource source, Figures figures) {
        if (source.at() == null) {
            return getTranslation("settings." + key + "." + source.kind().name());
        }
        return getTranslation("settings." + key + "." + source.kind().name() + ".at", figures.dateTime(source.at()));
    }

    private void save() {
        FieldChecks alertChecks = new FieldChecks();
        Optional<AlertSettings> alertsChanged = alertSettings.read(alertChecks, alerts.load(portal).language());
        Optional<PortalSettings> changed = read();
        if (changed.isEmpty() || alertsChanged.isEmpty()) {
            status.setText(t("invalid"));
            return;
        }
        alerts.save(portal, alertsChanged.get());
        SettingsEditor.Saved saved = editor.save(portal, changed.get());
        PortalSettings stored = editor.load(portal);
        showSources(stored, Figures.of(getLocale(), stored));
        status.setText(t(saved == SettingsEditor.Saved.RECOUNTING ? "recounting" : "saved"));
    }

    /**
     * The settings on screen, each part checked by substituting it into valid defaults, so a refusal names the
     * one field it came from; empty when any part is wrong.
     */
    private Optional<PortalSettings> read() {
        PortalSettings defaults = PortalSettings.defaults();
        ReminderPolicy defaultReminders = defaults.reminders();
        FieldChecks checks = new FieldChecks();
        ZoneId zoneId = checks.check(zone, t("error.zone"), () -> ZoneId.of(required(zone.getValue())));
        String currencyCode = checks.check(currency, t("error.currency"),
                () -> defaults.withCurrency(Currency.getInstance(required(currency.getValue())).getCurrencyCode())
                        .currency());
        BigDecimal processing = checks.check(processingCost, t("error.processingCost"),
                () -> defaults.withProcessingCostPerMonth(required(processingCost.getValue()))
                        .processingCostPerMonth());
        VariableCost cost = checks.check(variableCost, t("error.variableCost." + variableCostKind.getValue()),
                () -> new VariableCost(required(variableCostKind.getValue()), required(variableCost.getValue())));
        BigDecimal retention = checks.check(retentionYears, t("error.retentionYears"),
                () -> defaults.withRetentionYears(required(retentionYears.getValue())).retentionYears());
        Integer window = checks.check(activeWindow, t("error.activeWindow"),
                () -> defaults.withActiveWindowMonths(required(activeWindow.getValue())).activeWindowMonths());
        List<Duration> offsets = checks.check(reminderOffsets, t("error.reminderOffsets"),
                () -> new ReminderPolicy(Hours.parse(reminderOffsets.getValue()), defaultReminders.quietFrom(),
                        defaultReminders.quietUntil(), defaultReminders.markAfter(), "").offsets());
        LocalTime from = checks.check(quietFrom, t("error.quietHours"), () -> required(quietFrom.getValue()));
        LocalTime until = checks.check(quietUntil, t("error.quietHours"),
                () -> new ReminderPolicy(List.of(), required(from), required(quietUntil.getValue()),
                        defaultReminders.markAfter(), "").quietUntil());
        Duration markAfter = checks.check(markAfterMinutes, t("error.markAfter"),
                () -> new ReminderPolicy(List.of(), defaultReminders.quietFrom(), defaultReminders.quietUntil(),
                        Duration.ofMinutes(required(markAfterMinutes.getValue())), "").markAfter());
        String offer = checks.check(noShowOffer, t("error.noShowOffer"),
                () -> new ReminderPolicy(List.of(), defaultReminders.quietFrom(), defaultReminders.quietUntil(),
                        defaultReminders.markAfter(), noShowOffer.getValue()).noShowOffer());
        RetentionPolicy retentionPolicy = checks.check(secondVisitDays, t("error.secondVisitDays"),
                () -> new RetentionPolicy(required(secondVisitDays.getValue()), winBackOffer.getValue()));
        Optional<ChannelRules> channelRules = rules.read(checks);
        Optional<AppointmentFields> fields = appointmentFields.read(checks);
        if (!checks.valid() || channelRules.isEmpty() || fields.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new PortalSettings(zoneId, currencyCode, processing, cost, retention,
                required(attribution.getValue()), required(orderSource.getValue()), window, channelRules.get(),
                new ReminderPolicy(offsets, from, until, markAfter, offer), fields.get())
                .withRetention(retentionPolicy));
    }

    private String t(String key) {
        return getTranslation("settings." + key);
    }
}
