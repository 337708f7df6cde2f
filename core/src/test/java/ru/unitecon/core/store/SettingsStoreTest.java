package ru.unitecon.core.store;

import org.junit.jupiter.api.Test;
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
import ru.unitecon.core.portal.SettingSource;
import ru.unitecon.core.portal.VariableCost;
import ru.unitecon.testsupport.LocalDynamo;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SettingsStoreTest {
    private final SettingsStore settings = new SettingsStore(LocalDynamo.client(), LocalDynamo.TABLE);
    private final String member = LocalDynamo.freshMemberId();

    @Test
    void aPortalWithoutSavedSettingsGetsTheDefaults() {
        assertEquals(PortalSettings.defaults(), settings.load(member));
    }

    @Test
    void savedSettingsComeBackExactly() {
        PortalSettings chosen = PortalSettings.defaults()
                .withZone(ZoneId.of("Asia/Novosibirsk"))
                .withVariableCost(VariableCost.perOrder("300"))
                .withProcessingCostPerMonth(new BigDecimal("45000.00"))
                .withAttribution(Attribution.LAST_TOUCH)
                .withOrderSource(OrderSource.ATTENDED_APPOINTMENTS)
                .withRetentionYears(new BigDecimal("1.5"))
                .withChannelRules(new ChannelRules(List.of(
                        new ChannelRule(SourceField.UTM_CAMPAIGN, MatchKind.STARTS_WITH, "promo", "promo"))))
                .withReminders(new ReminderPolicy(List.of(Duration.ofHours(2), Duration.ofHours(48)),
                        LocalTime.of(23, 30), LocalTime.of(9, 0), Duration.ofMinutes(90), ""))
                .withAppointmentFields(new AppointmentFields("UF_CRM_VISIT_AT", null,
                        Map.of("C1:PREPARATION", AppointmentState.BOOKED, "C1:WON", AppointmentState.ATTENDED)));

        settings.save(member, chosen);

        assertEquals(chosen, settings.load(member));
    }

    @Test
    void whereTheZoneAndCurrencyCameFromAndTheRatesComeBack() {
        Instant learned = Instant.parse("2026-09-01T05:00:00Z");
        CurrencyRates rates = new CurrencyRates("RUB", Map.of("RUB", Rate.PAR,
                "KZT", new Rate(new BigDecimal("18.3100"), new BigDecimal("100"))), learned, learned);
        PortalSettings fromPortal = PortalSettings.defaults()
                .withZone(ZoneId.of("UTC+05:00"), SettingSource.portal(learned))
                .withCurrency("KZT", SettingSource.admin(learned.plusSeconds(60)));

        settings.save(member, fromPortal);
        settings.saveRates(member, rates);

        assertEquals(fromPortal.withRates(rates), settings.load(member));
    }

    @Test
    void savingSettingsNeverRollsTheRatesBack() {
        Instant learned = Instant.parse("2026-09-01T05:00:00Z");
        CurrencyRates fresh = new CurrencyRates("RUB", Map.of("USD", new Rate(new BigDecimal("92.45"),
                BigDecimal.ONE)), learned, learned);
        PortalSettings loadedBeforeTheRefresh = settings.load(member);
        settings.saveRates(member, fresh);

        settings.save(member, loadedBeforeTheRefresh.withProcessingCostPerMonth(BigDecimal.TEN));

        assertEquals(fresh, settings.load(member).rates());
    }

    @Test
    void settingsSavedBeforeSourcesWereKeptTellAChoiceFromTheDefault() {
        settings.save(member, PortalSettings.defaults().withZone(ZoneId.of("Asia/Omsk")));
        LocalDynamo.client().updateItem(b -> b.tableName(LocalDynamo.TABLE)
                .key(Map.of(TableDefinition.PK, AttributeValue.fromS(Keys.partition(member)),
                        TableDefinition.SK, AttributeValue.fromS(Keys.SETTINGS)))
                .updateExpression("REMOVE zoneSource, currencySource"));

        PortalSettings loaded = settings.load(member);

        assertEquals(SettingSource.Kind.ADMIN, loaded.zoneSource().kind(), "somebody chose Omsk");
        assertEquals(SettingSource.ASSUMED, loaded.currencySource(), "RUB was the app's default");
    }
}
