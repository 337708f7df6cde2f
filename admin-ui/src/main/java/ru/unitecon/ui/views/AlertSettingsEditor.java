package ru.unitecon.ui.views;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import ru.unitecon.core.portal.AlertKind;
import ru.unitecon.core.portal.AlertSettings;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import static ru.unitecon.ui.views.FieldChecks.required;

/**
 * Who receives which alert (the portal's user ids; an alert nobody receives is off) and when an alert is raised.
 * Quiet hours are the reminders' (above): alerts never go out at night either.
 */
class AlertSettingsEditor extends Composite<VerticalLayout> {
    private final Map<AlertKind, TextField> recipients = new EnumMap<>(AlertKind.class);
    private final BigDecimalField noShowRate = new BigDecimalField();
    private final BigDecimalField spikeFactor = new BigDecimalField();
    private final BigDecimalField unknownShare = new BigDecimalField();
    private final IntegerField daysWithoutLeads = new IntegerField();
    private final BigDecimalField answeredIn15 = new BigDecimalField();

    AlertSettingsEditor() {
        FormLayout who = new FormLayout();
        for (AlertKind kind : AlertKind.values()) {
            TextField users = new TextField();
            users.setId("alert-recipients-" + kind.name().toLowerCase(Locale.ROOT).replace('_', '-'));
            users.setLabel(t("kind." + kind.name()));
            users.setPlaceholder("1, 6");
            recipients.put(kind, users);
            who.add(users);
        }
        noShowRate.setId("alert-no-show-rate");
        noShowRate.setLabel(t("noShowRate"));
        spikeFactor.setId("alert-spike-factor");
        spikeFactor.setLabel(t("spikeFactor"));
        unknownShare.setId("alert-unknown-share");
        unknownShare.setLabel(t("unknownShare"));
        daysWithoutLeads.setId("alert-days-without-leads");
        daysWithoutLeads.setLabel(t("daysWithoutLeads"));
        answeredIn15.setId("alert-answered-in-15");
        answeredIn15.setLabel(t("answeredIn15"));
        Paragraph help = new Paragraph(t("help"));
        help.getStyle().set("color", "var(--lumo-secondary-text-color)");
        getContent().setPadding(false);
        getContent().add(new H3(t("title")), help, who,
                new FormLayout(noShowRate, spikeFactor, unknownShare, daysWithoutLeads, answeredIn15));
    }

    void show(AlertSettings settings) {
        recipients.forEach((kind, field) -> field.setValue(String.join(", ",
                settings.recipientsOf(kind).stream().map(String::valueOf).toList())));
        noShowRate.setValue(settings.noShowRatePercent());
        spikeFactor.setValue(settings.spikeFactor());
        unknownShare.setValue(settings.unknownSharePercent());
        daysWithoutLeads.setValue(settings.daysWithoutLeads());
        answeredIn15.setValue(settings.answeredIn15Percent());
    }

    void setReadOnly(boolean readOnly) {
        recipients.values().forEach(field -> field.setReadOnly(readOnly));
        List.of(noShowRate, spikeFactor, unknownShare, answeredIn15).forEach(field -> field.setReadOnly(readOnly));
        daysWithoutLeads.setReadOnly(readOnly);
    }

    /** The alert settings on screen, each field checked by the core type; empty when any is wrong. */
    Optional<AlertSettings> read(FieldChecks checks, String language) {
        AlertSettings defaults = AlertSettings.defaults(null, language);
        Map<AlertKind, List<Long>> users = new EnumMap<>(AlertKind.class);
        recipients.forEach((kind, field) -> {
            List<Long> ids = checks.check(field, t("error.recipients"),
                    () -> defaults.withRecipients(kind, userIds(field.getValue())).recipientsOf(kind));
            if (ids != null) {
                users.put(kind, ids);
            }
        });
        BigDecimal rate = checks.check(noShowRate, t("error.percent"), () -> defaults.withThresholds(
                required(noShowRate.getValue()), defaults.spikeFactor(), defaults.unknownSharePercent(),
                defaults.daysWithoutLeads()).noShowRatePercent());
        BigDecimal spike = checks.check(spikeFactor, t("error.spikeFactor"), () -> defaults.withThresholds(
                defaults.noShowRatePercent(), required(spikeFactor.getValue()), defaults.unknownSharePercent(),
                defaults.daysWithoutLeads()).spikeFactor());
        BigDecimal share = checks.check(unknownShare, t("error.percent"), () -> defaults.withThresholds(
                defaults.noShowRatePercent(), defaults.spikeFactor(), required(unknownShare.getValue()),
                defaults.daysWithoutLeads()).unknownSharePercent());
        Integer days = checks.check(daysWithoutLeads, t("error.daysWithoutLeads"), () -> defaults.withThresholds(
                defaults.noShowRatePercent(), defaults.spikeFactor(), defaults.unknownSharePercent(),
                required(daysWithoutLeads.getValue())).daysWithoutLeads());
        BigDecimal answered = checks.check(answeredIn15, t("error.percent"),
                () -> defaults.withAnsweredIn15Percent(required(answeredIn15.getValue())).answeredIn15Percent());
        if (!checks.valid()) {
            return Optional.empty();
        }
        return Optional.of(new AlertSettings(users, rate, spike, share, days, answered, language));
    }

    /** "1, 6 12" → [1, 6, 12]; anything but whole numbers is refused. */
    private static List<Long> userIds(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return Arrays.stream(text.split("[,;\\s]+")).filter(part -> !part.isBlank()).map(part -> {
            if (!part.matches("\\d{1,12}")) {
                throw new IllegalArgumentException("not a user id: " + part);
            }
            return Long.parseLong(part);
        }).toList();
    }

    private String t(String key) {
        return getTranslation("settings.alerts." + key);
    }
}
