package ru.unitecon.ui.views;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridTester;
import com.vaadin.flow.component.select.Select;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import ru.unitecon.core.attribution.Channel;
import ru.unitecon.core.attribution.LeadSource;
import ru.unitecon.core.metrics.CohortRow;
import ru.unitecon.core.metrics.Period;
import ru.unitecon.core.portal.PortalSettings;
import ru.unitecon.core.portal.InstallationStatus;
import ru.unitecon.ui.TestInfrastructure;
import ru.unitecon.ui.chart.MonthlyChart;
import ru.unitecon.ui.entry.PortalSession;
import ru.unitecon.ui.format.Figures;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static ru.unitecon.ui.views.SeededPortal.MARCH;

@SpringBootTest
@Import(TestInfrastructure.class)
@ViewPackages(packages = "ru.unitecon.ui.views")
class CohortsViewTest extends SpringBrowserlessTest {
    private static final Figures RUSSIAN = Figures.of(PortalSession.RUSSIAN, PortalSettings.defaults());
    private static final YearMonth OCTOBER = YearMonth.of(2025, 10);
    private static final YearMonth DECEMBER = YearMonth.of(2025, 12);
    private static final Period COHORTS = Period.endingWith(MARCH, CohortsView.COHORT_MONTHS);
    /** Rows run from the oldest acquisition month: March 2025 is row 0. */
    private static final int OCTOBER_ROW = 7;
    private static final int FEBRUARY_ROW = 11;

    /**
     * The overview's salon, plus an October Instagram client who cost 3 000 ₽, paid 2 000 ₽ that month and
     * 1 500 ₽ more in December: the October cohort pays back in its third month.
     */
    private static SeededPortal salonWithAnOctoberCohort() {
        return OverviewViewTest.salon(new SeededPortal(InstallationStatus.INSTALLED))
                .lead(11, OCTOBER, 3, LeadSource.ofUtm("instagram", "cpc", "autumn"), 201L)
                .wonDeal(11, OCTOBER, 10, 201, 11, "2000.00")
                .wonDeal(12, DECEMBER, 5, 201, 11, "1500.00")
                .spend(OCTOBER, Map.of(Channel.INSTAGRAM, new BigDecimal("3000")));
    }

    @SuppressWarnings("unchecked")
    private GridTester<Grid<CohortRow>, CohortRow> table() {
        return test($(Grid.class).id("cohort-table"));
    }

    @Test
    void everyCohortShowsTheEnginesObservedLtv() {
        SeededPortal salon = salonWithAnOctoberCohort();
        salon.openInThisSession(PortalSession.RUSSIAN);

        navigate(CohortsView.class);

        List<CohortRow> expected = salon.engineWithCohorts().cohorts(COHORTS, Optional.empty(), MARCH);
        var table = table();
        assertEquals(expected.size(), table.size());
        for (int row = 0; row < expected.size(); row++) {
            CohortRow cohort = expected.get(row);
            assertEquals(RUSSIAN.period(Period.month(cohort.acquisitionMonth())), cell(table, row, "month"));
            assertEquals(RUSSIAN.count(cohort.size()), cell(table, row, "size"));
            assertEquals(RUSSIAN.money(cohort.cac()), cell(table, row, "cac"));
            assertEquals(RUSSIAN.money(cohort.ltvAfter1Month()), cell(table, row, "ltv1"));
            assertEquals(RUSSIAN.money(cohort.ltvAfter3Months()), cell(table, row, "ltv3"));
            assertEquals(RUSSIAN.money(cohort.ltvAfter6Months()), cell(table, row, "ltv6"));
            assertEquals(RUSSIAN.money(cohort.ltvAfter12Months()), cell(table, row, "ltv12"));
        }
        List<MonthlyChart.Series> chart = $(MonthlyChart.class).id("cohort-chart").series();
        assertEquals(expected.stream().map(CohortRow::ltvAfter1Month).toList(), chart.get(0).values());
        assertEquals(expected.stream().map(CohortRow::ltvAfter12Months).toList(), chart.get(3).values());
        assertEquals(expected.stream().map(CohortRow::cac).toList(), chart.get(4).values());
    }

    @Test
    void theMonthACohortPaidBackIsMarked() {
        salonWithAnOctoberCohort().openInThisSession(PortalSession.RUSSIAN);

        navigate(CohortsView.class);

        var table = table();
        CohortRow october = table.getRow(OCTOBER_ROW);
        assertEquals("3 000 ₽", plain(cell(table, OCTOBER_ROW, "cac")));
        assertEquals("2 000 ₽", plain(cell(table, OCTOBER_ROW, "ltv1")));
        assertEquals("3 500 ₽", plain(cell(table, OCTOBER_ROW, "ltv3")));
        assertEquals("на 3-й месяц", cell(table, OCTOBER_ROW, "payback"));
        assertNull(table.getColumn("ltv1").getPartNameGenerator().apply(october));
        assertEquals(CohortsView.PAID_BACK, table.getColumn("ltv3").getPartNameGenerator().apply(october));
        assertEquals(CohortsView.PAID_BACK, table.getColumn("payback").getPartNameGenerator().apply(october));
    }

    @Test
    void aCohortNotPaidBackYetSaysSoAndMonthsNotOverAreDashes() {
        salonWithAnOctoberCohort().openInThisSession(PortalSession.RUSSIAN);

        navigate(CohortsView.class);

        // February: one client for 8 000 ₽ who paid 2 500 ₽; its third month is not over in March.
        var table = table();
        assertEquals("2 500 ₽", plain(cell(table, FEBRUARY_ROW, "ltv1")));
        assertEquals(Figures.UNDEFINED, cell(table, FEBRUARY_ROW, "ltv3"));
        assertEquals("ещё нет", cell(table, FEBRUARY_ROW, "payback"));
        assertNull(table.getColumn("payback").getPartNameGenerator().apply(table.getRow(FEBRUARY_ROW)));
    }

    @Test
    void aMonthWithoutNewClientsHasNoCacAndNoPayback() {
        salonWithAnOctoberCohort().openInThisSession(PortalSession.RUSSIAN);

        navigate(CohortsView.class);

        assertEquals("0", cell(table(), 0, "size"));
        assertEquals(Figures.UNDEFINED, cell(table(), 0, "cac"));
        assertEquals(Figures.UNDEFINED, cell(table(), 0, "payback"));
    }

    @Test
    void aChannelShowsThatChannelsCohorts() {
        SeededPortal salon = salonWithAnOctoberCohort();
        salon.openInThisSession(PortalSession.RUSSIAN);
        navigate(CohortsView.class);
        @SuppressWarnings("unchecked")
        Select<Optional<String>> channel = $(Select.class).id("cohort-channel");

        test(channel).selectItem("ВКонтакте");

        List<CohortRow> vk = salon.engineWithCohorts().cohorts(COHORTS, Optional.of(Channel.VK), MARCH);
        assertEquals(RUSSIAN.count(vk.getLast().size()), cell(table(), 12, "size"));
        assertEquals(Figures.UNDEFINED, cell(table(), 12, "cac"));
        // VK won nobody: the October Instagram client is not in its cohorts.
        assertEquals(Figures.UNDEFINED, cell(table(), OCTOBER_ROW, "ltv1"));
    }

    @Test
    void anEnglishPortalReadsEnglish() {
        salonWithAnOctoberCohort().openInThisSession(Locale.ENGLISH);
        UI.getCurrent().setLocale(Locale.ENGLISH);

        navigate(CohortsView.class);

        assertEquals("in month 3", cell(table(), OCTOBER_ROW, "payback"));
        assertEquals("not yet", cell(table(), FEBRUARY_ROW, "payback"));
        assertEquals("October 2025", cell(table(), OCTOBER_ROW, "month"));
    }

    private static String cell(GridTester<Grid<CohortRow>, CohortRow> grid, int row, String column) {
        return grid.getCellText(row, grid.getColumnPosition(column));
    }

    private static String plain(String text) {
        return text.replace('\u00a0', ' ').replace('\u202f', ' ');
    }
}
