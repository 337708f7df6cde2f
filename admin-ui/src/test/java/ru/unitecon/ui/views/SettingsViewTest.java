package ru.unitecon.ui.views;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridTester;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.timepicker.TimePicker;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import ru.unitecon.core.appointments.AppointmentState;
import ru.unitecon.core.attribution.Channel;
import ru.unitecon.core.attribution.ChannelRule;
import ru.unitecon.core.attribution.ChannelRules;
import ru.unitecon.core.attribution.MatchKind;
import ru.unitecon.core.attribution.RulePreview;
import ru.unitecon.core.attribution.SourceField;
import ru.unitecon.core.currency.CurrencyRates;
import ru.unitecon.core.currency.Rate;
import ru.unitecon.core.bookkeeping.AggregateKey;
import ru.unitecon.core.bookkeeping.Counters;
import ru.unitecon.core.bookkeeping.Measure;
import ru.unitecon.core.portal.AlertKind;
import ru.unitecon.core.portal.AlertSettings;
import ru.unitecon.core.portal.AppointmentFields;
import ru.unitecon.core.portal.Attribution;
import ru.unitecon.core.portal.PortalSettings;
import ru.unitecon.core.portal.InstallationStatus;
import ru.unitecon.core.portal.ReminderPolicy;
import ru.unitecon.core.portal.RetentionPolicy;
import ru.unitecon.core.portal.SettingSource;
import ru.unitecon.core.portal.VariableCost;
import ru.unitecon.core.store.AlertSettingsStore;
import ru.unitecon.core.store.SettingsStore;
import ru.unitecon.core.sync.Recounts;
import ru.unitecon.testsupport.LocalDynamo;
import ru.unitecon.ui.TestInfrastructure;
import ru.unitecon.ui.data.SettingsEditor;
import ru.unitecon.ui.entry.PortalSession;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static ru.unitecon.ui.views.SeededPortal.FEBRUARY;
import static ru.unitecon.ui.views.SeededPortal.MARCH;

@SpringBootTest
@Import(TestInfrastructure.class)
@ViewPackages(packages = "ru.unitecon.ui.views")
class SettingsViewTest extends SpringBrowserlessTest {
    @Autowired
    private SettingsStore settingsStore;
    @Autowired
    private SettingsEditor editor;
    @Autowired
    private Recounts recounts;
    @Autowired
    private AlertSettingsStore alertSettingsStore;

    private <T extends Component> T field(Class<T> type, String id) {
        return $(type).id(id);
    }

    private void save() {
        test($(Button.class).id("save-settings")).click();
    }

    private String status() {
        return $(Paragraph.class).id("settings-status").getText();
    }

    @Test
    void theStoredSettingsAreShown() {
        SeededPortal salon = new SeededPortal(InstallationStatus.INSTALLED);
        PortalSettings stored = PortalSettings.defaults().withProcessingCostPerMonth(new BigDecimal("15000"))
                .withVariableCost(VariableCost.perOrder("300")).withAttribution(Attribution.LAST_TOUCH);
        settingsStore.save(salon.memberId, stored);
        salon.openInThisSession(PortalSession.RUSSIAN);

        navigate(SettingsView.class);

        assertEquals(0, new BigDecimal("15000").compareTo(field(BigDecimalField.class, "processing-cost").getValue()));
        assertEquals(VariableCost.Kind.AMOUNT_PER_ORDER, field(RadioButtonGroup.class, "variable-cost-kind").getValue());
        assertEquals(Attribution.LAST_TOUCH, field(RadioButtonGroup.class, "attribution").getValue());
        assertEquals("24; 3", field(TextField.class, "reminder-offsets").getValue());
        assertEquals("Europe/Moscow", field(ComboBox.class, "zone").getValue());
        assertEquals(ChannelRules.defaults().rules().size(), $(TextField.class).all().stream()
                .filter(text -> text.getId().orElse("").endsWith("-pattern")).count());
    }

    @Test
    void validChangesAreSavedAndReadBack() {
        SeededPortal salon = new SeededPortal(InstallationStatus.INSTALLED);
        salon.openInThisSession(PortalSession.RUSSIAN);
        navigate(SettingsView.class);

        field(ComboBox.class, "zone").setValue("Asia/Yekaterinburg");
        field(ComboBox.class, "currency").setValue("KZT");
        field(BigDecimalField.class, "processing-cost").setValue(new BigDecimal("20000"));
        field(RadioButtonGroup.class, "variable-cost-kind").setValue(VariableCost.Kind.PERCENT_OF_REVENUE);
        field(BigDecimalField.class, "variable-cost").setValue(new BigDecimal("25"));
        field(BigDecimalField.class, "retention-years").setValue(new BigDecimal("1.5"));
        field(IntegerField.class, "active-window").setValue(6);
        field(RadioButtonGroup.class, "attribution").setValue(Attribution.LAST_TOUCH);
        test(field(TextField.class, "reminder-offsets")).setValue("48; 1,5");
        field(TimePicker.class, "quiet-from").setValue(LocalTime.of(21, 0));
        field(TimePicker.class, "quiet-until").setValue(LocalTime.of(9, 0));
        field(IntegerField.class, "mark-after").setValue(90);
        test($(TextArea.class).id("no-show-offer")).setValue("Скидка 15 %");
        field(IntegerField.class, "second-visit-days").setValue(45);
        test($(TextArea.class).id("win-back-offer")).setValue("Вернитесь со скидкой 20 %");
        test($(Button.class).id("rule-1-up")).click();
        test($(Button.class).id("rule-add")).click();
        int added = ChannelRules.defaults().rules().size();
        test(field(TextField.class, "rule-" + added + "-pattern")).setValue("flyer");
        field(ComboBox.class, "rule-" + added + "-channel").setValue(Channel.REFERRAL);
        field(RadioButtonGroup.class, "appointment-fields-kind").setValue(false);
        test(field(TextField.class, "appointment-time-field")).setValue("UF_CRM_VISIT_AT");
        test($(Button.class).id("stage-add")).click();
        test(field(TextField.class, "stage-0")).setValue("C1:WON");

        save();

        List<ChannelRule> rules = new ArrayList<>(ChannelRules.defaults().rules());
        rules.add(0, rules.remove(1));
        rules.add(new ChannelRule(SourceField.UTM_SOURCE, MatchKind.EQUALS, "flyer", Channel.REFERRAL));
        PortalSettings expected = new PortalSettings(ZoneId.of("Asia/Yekaterinburg"), "KZT",
                new BigDecimal("20000"), VariableCost.percent("25"), new BigDecimal("1.5"), Attribution.LAST_TOUCH,
                PortalSettings.defaults().orderSource(), 6, new ChannelRules(rules),
                new ReminderPolicy(List.of(Duration.ofHours(48), Duration.ofMinutes(90)), LocalTime.of(21, 0),
                        LocalTime.of(9, 0), Duration.ofMinutes(90), "Скидка 15 %"),
                new AppointmentFields("UF_CRM_VISIT_AT", null,
                        Map.of("C1:WON", AppointmentState.ATTENDED)))
                .withZone(ZoneId.of("Asia/Yekaterinburg"), SettingSource.admin(TestInfrastructure.NOW))
                .withCurrency("KZT", SettingSource.admin(TestInfrastructure.NOW))
                .withRetention(new RetentionPolicy(45, "Вернитесь со скидкой 20 %"));
        assertEquals(expected, settingsStore.load(salon.memberId));
        assertTrue(status().startsWith("Настройки сохранены. Цифры пересчитываются"), status());
    }

    @Test
    void wrongValuesAreMarkedAtTheirFieldsAndNothingIsSaved() {
        SeededPortal salon = new SeededPortal(InstallationStatus.INSTALLED);
        PortalSettings stored = PortalSettings.defaults().withProcessingCostPerMonth(new BigDecimal("1000"));
        settingsStore.save(salon.memberId, stored);
        salon.openInThisSession(PortalSession.RUSSIAN);
        navigate(SettingsView.class);

        field(BigDecimalField.class, "processing-cost").setValue(new BigDecimal("-5"));
        field(BigDecimalField.class, "variable-cost").setValue(new BigDecimal("150"));
        field(BigDecimalField.class, "retention-years").setValue(BigDecimal.ZERO);
        field(IntegerField.class, "active-window").setValue(40);
        test(field(TextField.class, "reminder-offsets")).setValue("24; 3; 2; 1; 0,5");
        field(TimePicker.class, "quiet-until").setValue(LocalTime.of(22, 0));
        field(IntegerField.class, "mark-after").setValue(3000);
        test(field(TextField.class, "rule-0-pattern")).setValue("");
        field(ComboBox.class, "rule-1-channel").setValue(Channel.UNKNOWN);
        field(RadioButtonGroup.class, "appointment-fields-kind").setValue(false);
        test(field(TextField.class, "appointment-time-field")).setValue("VISIT_AT");

        save();

        assertInvalid(BigDecimalField.class, "processing-cost", "Введите сумму от 0");
        assertInvalid(BigDecimalField.class, "variable-cost", "Введите долю от 0 до 100 %");
        assertInvalid(BigDecimalField.class, "retention-years", "Введите срок больше 0 лет");
        assertInvalid(IntegerField.class, "active-window", "Введите от 1 до 36 месяцев");
        assertInvalid(TextField.class, "reminder-offsets",
                "До четырёх разных значений от 0,25 до 168 часов через «;»");
        assertInvalid(TimePicker.class, "quiet-until", "Укажите начало и конец тихих часов; они должны различаться");
        assertInvalid(IntegerField.class, "mark-after", "Введите от 0 до 2880 минут");
        assertInvalid(TextField.class, "rule-0-pattern", "Введите значение");
        assertInvalid(ComboBox.class, "rule-1-channel",
                "Код канала: латинские строчные буквы, цифры и _, не unknown");
        assertInvalid(TextField.class, "appointment-time-field", "Пользовательское поле вида UF_CRM_VISIT_AT");
        assertFalse(field(ComboBox.class, "zone").isInvalid());
        assertEquals("Настройки не сохранены: исправьте отмеченные поля.", status());
        assertEquals(stored, settingsStore.load(salon.memberId));
    }

    @Test
    void aFieldCorrectedAfterAnErrorSaves() {
        SeededPortal salon = new SeededPortal(InstallationStatus.INSTALLED);
        salon.openInThisSession(PortalSession.RUSSIAN);
        navigate(SettingsView.class);
        test(field(TextField.class, "reminder-offsets")).setValue("завтра");
        save();
        assertInvalid(TextField.class, "reminder-offsets",
                "До четырёх разных значений от 0,25 до 168 часов через «;»");

        test(field(TextField.class, "reminder-offsets")).setValue("2");
        save();

        assertFalse(field(TextField.class, "reminder-offsets").isInvalid());
        assertEquals("Настройки сохранены.", status());
        assertEquals(List.of(Duration.ofHours(2)), settingsStore.load(salon.memberId).reminders().offsets());
    }

    @Test
    void aViewerWhoIsNotAdminSeesTheSettingsReadOnlyAndCannotSave() {
        SeededPortal salon = new SeededPortal(InstallationStatus.INSTALLED);
        salon.openInThisSession(PortalSession.RUSSIAN, false);

        navigate(SettingsView.class);

        assertTrue($(Paragraph.class).id("admin-only").isVisible());
        assertFalse($(Button.class).withId("save-settings").exists());
        assertFalse($(Button.class).withId("rule-add").exists());
        assertFalse($(Button.class).withId("rule-0-remove").exists());
        assertTrue(field(BigDecimalField.class, "processing-cost").isReadOnly());
        assertTrue(field(TextField.class, "rule-0-pattern").isReadOnly());
        PortalSession viewer = PortalSession.current().orElseThrow();
        assertThrows(SettingsEditor.NotPortalAdmin.class,
                () -> editor.save(viewer, PortalSettings.defaults().withProcessingCostPerMonth(BigDecimal.TEN)));
        assertEquals(PortalSettings.defaults(), settingsStore.load(salon.memberId));
        assertTrue(recounts.pending(salon.memberId).isEmpty(), "a refused save queues no recount");
    }

    @Test
    void anAdminDoesNotSeeTheReadOnlyNote() {
        new SeededPortal(InstallationStatus.INSTALLED).openInThisSession(PortalSession.RUSSIAN);

        navigate(SettingsView.class);

        assertFalse($(Paragraph.class).withId("admin-only").exists());
        assertTrue($(Button.class).withId("save-settings").exists());
        assertFalse(field(BigDecimalField.class, "processing-cost").isReadOnly());
    }

    @Test
    void thePreviewClassifiesTheSeededLeadsAsTheEditedRulesWould() {
        SeededPortal salon = OverviewViewTest.salon(InstallationStatus.INSTALLED);
        salon.openInThisSession(PortalSession.RUSSIAN);
        navigate(SettingsView.class);

        // The first rule now sends utm_source "instagram" to a channel of the salon's own.
        field(ComboBox.class, "rule-0-channel").setValue("insta_ads");

        List<ChannelRule> rules = new ArrayList<>(ChannelRules.defaults().rules());
        rules.set(0, new ChannelRule(SourceField.UTM_SOURCE, MatchKind.CONTAINS, "instagram", "insta_ads"));
        ChannelRules edited = new ChannelRules(rules);
        RulePreview expected = SettingsEditor.preview(edited, editor.leadSources(
                PortalSession.current().orElseThrow()));
        @SuppressWarnings("unchecked")
        GridTester<Grid<RulePreview.Row>, RulePreview.Row> preview = test($(Grid.class).id("rules-preview"));
        assertEquals(5, preview.size());
        assertEquals(expected.rows(), IntStream.range(0, preview.size())
                .mapToObj(preview::getRow).toList());
        for (int row = 0; row < preview.size(); row++) {
            RulePreview.Row shown = preview.getRow(row);
            assertEquals(edited.classify(shown.lead().source()), shown.proposedChannel());
        }
        assertEquals(3, expected.changedCount());
        assertEquals("Последних лидов: 5; сменят канал: 3.",
                $(Paragraph.class).id("rules-preview-summary").getText());
        assertEquals(settingsStore.load(salon.memberId), PortalSettings.defaults());
    }

    @Test
    void savingOtherChannelRulesRecountsTheStoredFigures() {
        SeededPortal salon = OverviewViewTest.salon(InstallationStatus.INSTALLED);
        salon.openInThisSession(PortalSession.RUSSIAN);
        navigate(SettingsView.class);

        field(ComboBox.class, "rule-0-channel").setValue("insta_ads");
        save();

        PortalSettings saved = settingsStore.load(salon.memberId);
        Map<AggregateKey, Counters> stored = LocalDynamo.app().aggregates()
                .load(salon.memberId, FEBRUARY, MARCH.plusYears(1)).counters();
        assertEquals(2, stored.get(new AggregateKey(MARCH, "insta_ads")).count(Measure.LEADS));
        assertEquals(2, stored.get(new AggregateKey(MARCH, "insta_ads")).count(Measure.NEW_CLIENTS));
        assertFalse(stored.containsKey(new AggregateKey(MARCH, Channel.INSTAGRAM)));
        Map<AggregateKey, Counters> recomputed = new HashMap<>();
        LocalDynamo.app().recordStore().recompute(salon.memberId, saved)
                .cells().forEach((cell, counters) -> {
                    if (!counters.monthlyPart().isZero()) {
                        recomputed.put(cell, counters.monthlyPart());
                    }
                });
        assertEquals(recomputed, stored);
        assertEquals("Настройки сохранены. Цифры пересчитываются по новым правилам: для большого портала это займёт "
                + "несколько минут, затем обновите страницу.", status());
    }

    @Test
    void aWrongRuleStopsThePreviewUntilFixed() {
        OverviewViewTest.salon(InstallationStatus.INSTALLED).openInThisSession(PortalSession.RUSSIAN);
        navigate(SettingsView.class);

        test(field(TextField.class, "rule-0-pattern")).setValue("");

        assertEquals("Исправьте отмеченные правила, чтобы увидеть, как они разнесут лиды.",
                $(Paragraph.class).id("rules-preview-summary").getText());
        test(field(TextField.class, "rule-0-pattern")).setValue("instagram");
        assertEquals("Последних лидов: 5; сменят канал: 0.",
                $(Paragraph.class).id("rules-preview-summary").getText());
    }

    @Test
    void removingARuleDropsItFromTheSavedRules() {
        SeededPortal salon = new SeededPortal(InstallationStatus.INSTALLED);
        salon.openInThisSession(PortalSession.RUSSIAN);
        navigate(SettingsView.class);

        test($(Button.class).id("rule-0-remove")).click();
        save();

        assertEquals(ChannelRules.defaults().rules().subList(1, ChannelRules.defaults().rules().size()),
                settingsStore.load(salon.memberId).channelRules().rules());
    }

    @Test
    void englishLabelsForAnEnglishPortal() {
        new SeededPortal(InstallationStatus.INSTALLED).openInThisSession(Locale.ENGLISH);
        UI.getCurrent().setLocale(Locale.ENGLISH);

        navigate(SettingsView.class);

        assertEquals("Settings", $(H2.class).first().getText());
        assertEquals("Processing cost per month", field(BigDecimalField.class, "processing-cost").getLabel());
    }

    @Test
    void theAlertRecipientsAndThresholdsAreShownAndSavedWhileThePortalsLanguageStays() {
        SeededPortal salon = new SeededPortal(InstallationStatus.INSTALLED);
        alertSettingsStore.save(salon.memberId, AlertSettings.defaults(null, "en")
                .withRecipients(AlertKind.NO_SHOW_RATE, List.of(1L)));
        salon.openInThisSession(PortalSession.RUSSIAN);
        navigate(SettingsView.class);

        assertEquals("1", field(TextField.class, "alert-recipients-no-show-rate").getValue());
        assertEquals("", field(TextField.class, "alert-recipients-weekly-digest").getValue());
        assertEquals("Недельная сводка (понедельник, 09:00)",
                field(TextField.class, "alert-recipients-weekly-digest").getLabel());
        test(field(TextField.class, "alert-recipients-weekly-digest")).setValue("6, 12");
        test(field(TextField.class, "alert-recipients-no-show-rate")).setValue("");
        field(BigDecimalField.class, "alert-no-show-rate").setValue(new BigDecimal("30"));
        field(BigDecimalField.class, "alert-answered-in-15").setValue(new BigDecimal("65"));
        save();

        assertEquals("Настройки сохранены.", status());
        AlertSettings saved = alertSettingsStore.load(salon.memberId);
        assertEquals(0, new BigDecimal("65").compareTo(saved.answeredIn15Percent()));
        assertEquals(Map.of(AlertKind.WEEKLY_DIGEST, List.of(6L, 12L)), saved.recipients(),
                "an alert nobody receives is off");
        assertEquals(0, new BigDecimal("30").compareTo(saved.noShowRatePercent()));
        assertEquals("en", saved.language(), "the texts follow the portal, not the administrator who saved");
    }

    @Test
    void wrongAlertSettingsAreMarkedAndNothingIsSaved() {
        SeededPortal salon = new SeededPortal(InstallationStatus.INSTALLED);
        AlertSettings stored = AlertSettings.defaults(1L, "ru");
        alertSettingsStore.save(salon.memberId, stored);
        salon.openInThisSession(PortalSession.RUSSIAN);
        navigate(SettingsView.class);

        test(field(TextField.class, "alert-recipients-channel-losing-money")).setValue("Анна");
        field(BigDecimalField.class, "alert-spike-factor").setValue(new BigDecimal("0.5"));
        field(BigDecimalField.class, "alert-unknown-share").setValue(new BigDecimal("100"));
        field(IntegerField.class, "alert-days-without-leads").setValue(0);
        field(BigDecimalField.class, "alert-answered-in-15").setValue(new BigDecimal("0"));
        field(BigDecimalField.class, "processing-cost").setValue(new BigDecimal("777"));
        save();

        assertInvalid(TextField.class, "alert-recipients-channel-losing-money",
                "Номера пользователей через запятую, не больше 10");
        assertInvalid(BigDecimalField.class, "alert-spike-factor", "Число больше 1 и не больше 10");
        assertInvalid(BigDecimalField.class, "alert-unknown-share", "Процент больше 0 и меньше 100");
        assertInvalid(IntegerField.class, "alert-days-without-leads", "От 1 до 31 дня");
        assertInvalid(BigDecimalField.class, "alert-answered-in-15", "Процент больше 0 и меньше 100");
        assertEquals("Настройки не сохранены: исправьте отмеченные поля.", status());
        assertEquals(stored, alertSettingsStore.load(salon.memberId));
        assertEquals(PortalSettings.defaults(), settingsStore.load(salon.memberId),
                "a wrong alert setting keeps the other settings from being saved too");
    }

    @Test
    void englishAlertLabels() {
        new SeededPortal(InstallationStatus.INSTALLED).openInThisSession(Locale.ENGLISH);
        UI.getCurrent().setLocale(Locale.ENGLISH);

        navigate(SettingsView.class);

        assertEquals("Weekly digest (Monday, 09:00)",
                field(TextField.class, "alert-recipients-weekly-digest").getLabel());
    }

    private <T extends Component & HasValidation> void assertInvalid(
            Class<T> type, String id, String message) {
        T shown = field(type, id);
        assertTrue(shown.isInvalid(), id + " should be marked invalid");
        assertEquals(message, shown.getErrorMessage(), id);
    }

    @Test
    void theZoneSaysItWasLearnedFromThePortalAndTheRatesAreShown() {
        SeededPortal salon = new SeededPortal(InstallationStatus.INSTALLED);
        Instant learned = Instant.parse("2026-03-01T06:00:00Z");
        settingsStore.save(salon.memberId, PortalSettings.defaults()
                .withZone(ZoneId.of("UTC+05:00"), SettingSource.portal(learned))
                .withCurrency("RUB", SettingSource.portal(learned)));
        settingsStore.saveRates(salon.memberId, new CurrencyRates("RUB", Map.of("RUB", Rate.PAR,
                "KZT", new Rate(new BigDecimal("18.3100"), new BigDecimal("100"))), learned, learned));
        salon.openInThisSession(PortalSession.RUSSIAN);

        navigate(SettingsView.class);

        ComboBox<?> zone = field(ComboBox.class, "zone");
        assertEquals("UTC+05:00", zone.getValue());
        assertTrue(zone.getHelperText().startsWith("Получен из портала 1 мар"), zone.getHelperText());
        assertTrue(field(ComboBox.class, "currency").getHelperText().startsWith("Базовая валюта портала, получена"));
        assertTrue($(Paragraph.class).id("currency-rates").getText().contains("100 KZT = 18.31 RUB"),
                $(Paragraph.class).id("currency-rates").getText());
        assertTrue($(Paragraph.class).id("reminder-grace").getText().contains("больше чем на 30 мин"));
    }

    @Test
    void anAdministratorsZoneBecomesTheirChoiceAndRecountsWhileAnUnchangedOneStaysLearned() {
        SeededPortal salon = new SeededPortal(InstallationStatus.INSTALLED);
        Instant learned = Instant.parse("2026-03-01T06:00:00Z");
        settingsStore.save(salon.memberId, PortalSettings.defaults()
                .withZone(ZoneId.of("UTC+05:00"), SettingSource.portal(learned)));
        salon.openInThisSession(PortalSession.RUSSIAN);
        navigate(SettingsView.class);

        field(BigDecimalField.class, "processing-cost").setValue(new BigDecimal("5000"));
        save();
        SettingSource keptLearned = settingsStore.load(salon.memberId).zoneSource();
        field(ComboBox.class, "zone").setValue("Asia/Yekaterinburg");
        save();

        assertEquals(SettingSource.portal(learned), keptLearned);
        assertEquals(SettingSource.admin(TestInfrastructure.NOW), settingsStore.load(salon.memberId).zoneSource());
        assertTrue(status().startsWith("Настройки сохранены. Цифры пересчитываются"), status());
        assertTrue(field(ComboBox.class, "zone").getHelperText().startsWith("Выбран администратором"));
    }
}
