package ru.unitecon.ui.views;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import ru.unitecon.core.appointments.AppointmentState;
import ru.unitecon.core.attribution.Channel;
import ru.unitecon.core.attribution.LeadSource;
import ru.unitecon.core.metrics.Period;
import ru.unitecon.core.metrics.WhatIf;
import ru.unitecon.core.metrics.WhatIfOutcome;
import ru.unitecon.core.portal.PortalSettings;
import ru.unitecon.core.portal.InstallationStatus;
import ru.unitecon.ui.TestInfrastructure;
import ru.unitecon.ui.entry.PortalSession;
import ru.unitecon.ui.format.Figures;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static ru.unitecon.ui.views.SeededPortal.MARCH;

@SpringBootTest
@Import(TestInfrastructure.class)
@ViewPackages(packages = "ru.unitecon.ui.views")
class WhatIfViewTest extends SpringBrowserlessTest {
    private static final Figures RUSSIAN = Figures.of(PortalSession.RUSSIAN, PortalSettings.defaults());

    /** The overview's salon, plus March visits: on Instagram two attended and one no-show. */
    private static SeededPortal salon() {
        return OverviewViewTest.salon(InstallationStatus.INSTALLED)
                .leadWithVisit(21, LeadSource.ofUtm("instagram", null, null),
                        Instant.parse("2026-03-11T10:00:00Z"), AppointmentState.ATTENDED)
                .leadWithVisit(22, LeadSource.ofUtm("instagram", null, null),
                        Instant.parse("2026-03-12T10:00:00Z"), AppointmentState.ATTENDED)
                .leadWithVisit(23, LeadSource.ofUtm("instagram", null, null),
                        Instant.parse("2026-03-13T10:00:00Z"), AppointmentState.NO_SHOW);
    }

    private String shown(String id) {
        return $(Span.class).id(id).getText();
    }

    private void assertShows(WhatIfOutcome outcome) {
        assertEquals(RUSSIAN.money(outcome.actual().revenue()), shown("whatif-revenue-actual"));
        assertEquals(RUSSIAN.money(outcome.projected().revenue()), shown("whatif-revenue-projected"));
        assertEquals(RUSSIAN.money(outcome.actual().contributionPerVisit()), shown("whatif-contribution-actual"));
        assertEquals(RUSSIAN.money(outcome.projected().contributionPerVisit()),
                shown("whatif-contribution-projected"));
        assertEquals(RUSSIAN.decimal(outcome.actual().ltvToCac()), shown("whatif-ltvToCac-actual"));
        assertEquals(RUSSIAN.decimal(outcome.projected().ltvToCac()), shown("whatif-ltvToCac-projected"));
        assertTrue(shown("whatif-uplift").contains(RUSSIAN.percent(outcome.revenueUplift())), shown("whatif-uplift"));
    }

    @Test
    void fewerNoShowsAndACheaperClientOnAChannelAreTheEnginesWhatIf() {
        SeededPortal salon = salon();
        salon.openInThisSession(PortalSession.RUSSIAN);
        navigate(WhatIfView.class);

        test($(Select.class).id("whatif-channel")).selectItem("Instagram");
        $(BigDecimalField.class).id("whatif-no-show").setValue(new BigDecimal("10"));
        $(BigDecimalField.class).id("whatif-cac").setValue(new BigDecimal("1500"));

        WhatIfOutcome expected = salon.engine().whatIf(Period.month(MARCH), Optional.of(Channel.INSTAGRAM),
                new WhatIf(Optional.of(new BigDecimal("0.1")), Optional.of(new BigDecimal("1500"))));
        assertShows(expected);
        assertTrue(expected.revenueUplift().isDefined());
        assertTrue(expected.projected().revenue().value().compareTo(expected.actual().revenue().value()) > 0);
    }

    @Test
    void withoutTargetsTheWholePortalStaysAsItIs() {
        SeededPortal salon = salon();
        salon.openInThisSession(PortalSession.RUSSIAN);

        navigate(WhatIfView.class);

        WhatIfOutcome expected = salon.engine().whatIf(Period.month(MARCH), Optional.empty(),
                new WhatIf(Optional.empty(), Optional.empty()));
        assertShows(expected);
        assertEquals(shown("whatif-revenue-actual"), shown("whatif-revenue-projected"));
    }

    @Test
    void aNoShowRateOfAHundredPercentIsRefusedAtItsField() {
        salon().openInThisSession(PortalSession.RUSSIAN);
        navigate(WhatIfView.class);

        $(BigDecimalField.class).id("whatif-no-show").setValue(new BigDecimal("100"));

        BigDecimalField field = $(BigDecimalField.class).id("whatif-no-show");
        assertTrue(field.isInvalid());
        assertEquals("Введите долю от 0 до 100 % (не включая 100)", field.getErrorMessage());
        assertFalse($(Span.class).all().stream().anyMatch(span -> span.getId().orElse("").startsWith("whatif-revenue")));
    }

    @Test
    void englishLabelsForAnEnglishPortal() {
        salon().openInThisSession(Locale.ENGLISH);
        UI.getCurrent().setLocale(Locale.ENGLISH);

        navigate(WhatIfView.class);

        assertEquals("What if", $(H2.class).first().getText());
        assertEquals("No-show rate, %", $(BigDecimalField.class).id("whatif-no-show").getLabel());
    }
}
