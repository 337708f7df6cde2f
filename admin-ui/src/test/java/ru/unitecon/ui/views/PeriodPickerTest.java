package ru.unitecon.ui.views;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import ru.unitecon.core.metrics.Period;
import ru.unitecon.core.metrics.PeriodMetrics;
import ru.unitecon.core.portal.PortalSettings;
import ru.unitecon.core.portal.InstallationStatus;
import ru.unitecon.ui.TestInfrastructure;
import ru.unitecon.ui.entry.PortalSession;
import ru.unitecon.ui.format.Figures;

import java.time.YearMonth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static ru.unitecon.ui.views.SeededPortal.FEBRUARY;
import static ru.unitecon.ui.views.SeededPortal.MARCH;

/** The overview's period picker: a custom run of months, and one that ends before it starts. */
@SpringBootTest
@Import(TestInfrastructure.class)
@ViewPackages(packages = "ru.unitecon.ui.views")
class PeriodPickerTest extends SpringBrowserlessTest {
    private static final Figures RUSSIAN = Figures.of(PortalSession.RUSSIAN, PortalSettings.defaults());

    private String shown(String id) {
        return $(Span.class).id(id).getText();
    }

    @SuppressWarnings("unchecked")
    private Select<YearMonth> month(String id) {
        return $(Select.class).id(id);
    }

    @Test
    void aCustomPeriodShowsTheEnginesFiguresForItsMonths() {
        SeededPortal salon = OverviewViewTest.salon(InstallationStatus.INSTALLED);
        salon.openInThisSession(PortalSession.RUSSIAN);
        navigate(OverviewView.class);

        test($(RadioButtonGroup.class).id("period-kind")).selectItem("Свой период");
        month("period-from").setValue(FEBRUARY);

        PeriodMetrics februaryToMarch = salon.engine().total(new Period(FEBRUARY, MARCH));
        assertEquals(RUSSIAN.money(februaryToMarch.spend()), shown("metric-spend"));
        assertEquals(RUSSIAN.count(februaryToMarch.newClients()), shown("metric-newClients"));
        assertEquals(RUSSIAN.money(februaryToMarch.cac()), shown("metric-cac"));
        assertEquals("25 000 ₽", shown("metric-spend").replace('\u00a0', ' ').replace('\u202f', ' '));
    }

    @Test
    void aCustomPeriodStartsAsTheLastThreeMonths() {
        SeededPortal salon = OverviewViewTest.salon(InstallationStatus.INSTALLED);
        salon.openInThisSession(PortalSession.RUSSIAN);
        navigate(OverviewView.class);

        test($(RadioButtonGroup.class).id("period-kind")).selectItem("Свой период");

        assertEquals(YearMonth.of(2026, 1), month("period-from").getValue());
        assertEquals(MARCH, month("period-to").getValue());
        assertEquals(RUSSIAN.money(salon.engine().total(Period.quarter(2026, 1)).spend()), shown("metric-spend"));
    }

    @Test
    void aPeriodThatEndsBeforeItStartsIsRefusedAndTheFiguresStay() {
        SeededPortal salon = OverviewViewTest.salon(InstallationStatus.INSTALLED);
        salon.openInThisSession(PortalSession.RUSSIAN);
        navigate(OverviewView.class);
        test($(RadioButtonGroup.class).id("period-kind")).selectItem("Свой период");
        month("period-from").setValue(MARCH);
        String marchSpend = shown("metric-spend");

        month("period-to").setValue(FEBRUARY);

        assertTrue(month("period-to").isInvalid());
        assertEquals("Конец периода раньше начала: выберите месяцы по порядку.",
                month("period-to").getErrorMessage());
        assertEquals(marchSpend, shown("metric-spend"));
        assertEquals(RUSSIAN.money(salon.engine().total(Period.month(MARCH)).spend()), marchSpend);

        month("period-to").setValue(MARCH);

        assertFalse(month("period-to").isInvalid());
    }
}
