package ru.unitecon.core.store;

import org.junit.jupiter.api.Test;
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
import ru.unitecon.testsupport.LocalDynamo;

import java.math.BigDecimal;
import java.time.Duration;
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
}
