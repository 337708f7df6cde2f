package ru.unitecon.ui.views;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridTester;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.QueryParameters;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import ru.unitecon.core.attribution.Channel;
import ru.unitecon.core.metrics.MetricValue;
import ru.unitecon.core.metrics.Period;
import ru.unitecon.core.metrics.PeriodMetrics;
import ru.unitecon.core.portal.PortalSettings;
import ru.unitecon.core.portal.InstallationStatus;
import ru.unitecon.ui.TestInfrastructure;
import ru.unitecon.ui.chart.MonthlyChart;
import ru.unitecon.ui.entry.PortalSession;
import ru.unitecon.ui.format.Figures;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static ru.unitecon.ui.views.SeededPortal.FEBRUARY;
import static ru.unitecon.ui.views.SeededPortal.MARCH;

@SpringBootTest
@Import(TestInfrastructure.class)
@ViewPackages(packages = "ru.unitecon.ui.views")
class TrendsViewTest extends SpringBrowserlessTest {
    private static final Figures RUSSIAN = Figures.of(PortalSession.RUSSIAN, PortalSettings.defaults());
    private static final Period LAST_12_MONTHS = Period.endingWith(MARCH, 12);

    @SuppressWarnings("unchecked")
    private GridTester<Grid<PeriodMetrics>, PeriodMetrics> table() {
        return test($(Grid.class).id("trend-table"));
    }

    private MonthlyChart chart(String id) {
        return $(MonthlyChart.class).id(id);
    }

    @SuppressWarnings("unchecked")
    private Select<Optional<String>> channel() {
        return $(Select.class).id("trend-channel");
    }

    @Test
    void theTableHoldsTheEnginesTrendForTheLastTwelveMonths() {
        SeededPortal salon = OverviewViewTest.salon(InstallationStatus.INSTALLED);
        salon.openInThisSession(PortalSession.RUSSIAN);

        navigate(TrendsView.class);

        List<PeriodMetrics> expected = salon.engine().trend(LAST_12_MONTHS, Optional.empty());
        var table = table();
        assertEquals(12, table.size());
        for (int row = 0; row < expected.size(); row++) {
            PeriodMetrics month = expected.get(row);
            assertEquals(RUSSIAN.period(month.period()), cell(table, row, "month"));
            assertEquals(RUSSIAN.money(month.spend()), cell(table, row, "spend"));
            assertEquals(RUSSIAN.count(month.newClients()), cell(table, row, "newClients"));
            assertEquals(RUSSIAN.count(month.orders()), cell(table, row, "orders"));
            assertEquals(RUSSIAN.money(month.cac()), cell(table, row, "cac"));
            assertEquals(RUSSIAN.money(month.cpo()), cell(table, row, "cpo"));
            assertEquals(RUSSIAN.money(month.ltv()), cell(table, row, "ltv"));
            assertEquals(RUSSIAN.percent(month.noShowRate()), cell(table, row, "noShowRate"));
        }
    }

    @Test
    void theChartsDrawTheSameNumbersWithGapsWhereAMetricIsUndefined() {
        SeededPortal salon = OverviewViewTest.salon(InstallationStatus.INSTALLED);
        salon.openInThisSession(PortalSession.RUSSIAN);

        navigate(TrendsView.class);

        List<PeriodMetrics> expected = salon.engine().trend(LAST_12_MONTHS, Optional.empty());
        List<MonthlyChart.Series> costs = chart("trend-costs").series();
        assertEquals(List.of("CAC (цена клиента)", "CPO (цена заказа)", "LTV"),
                costs.stream().map(MonthlyChart.Series::label).toList());
        assertEquals(expected.stream().map(PeriodMetrics::cac).toList(), costs.get(0).values());
        assertEquals(expected.stream().map(PeriodMetrics::cpo).toList(), costs.get(1).values());
        assertEquals(expected.stream().map(PeriodMetrics::ltv).toList(), costs.get(2).values());
        // No appointment of the salon was marked: an empty no-show chart would say nothing, a sentence says why.
        assertTrue(expected.stream().noneMatch(month -> month.noShowRate().isDefined()));
        assertTrue($(MonthlyChart.class).withId("trend-no-shows").all().isEmpty());
        assertTrue($(Paragraph.class).id("trend-no-shows-missing").getText().startsWith("В эти месяцы не было"));
        // Only February and March have clients: every month before is a gap, not a zero.
        assertFalse(costs.get(0).values().getFirst().isDefined());
        assertTrue(costs.get(0).values().get(10).isDefined());
        assertEquals(expected.stream().map(month -> RUSSIAN.period(month.period())).toList(),
                chart("trend-costs").labels());
    }

    @Test
    void aChannelShowsThatChannelsTrend() {
        SeededPortal salon = OverviewViewTest.salon(InstallationStatus.INSTALLED);
        salon.openInThisSession(PortalSession.RUSSIAN);
        navigate(TrendsView.class);

        test(channel()).selectItem("Instagram");

        List<PeriodMetrics> instagram = salon.engine().trend(LAST_12_MONTHS, Optional.of(Channel.INSTAGRAM));
        var table = table();
        // February: 8 000 ₽ for one client; March: 12 000 ₽ for two.
        assertEquals("8 000 ₽", plain(cell(table, 10, "cac")));
        assertEquals("6 000 ₽", plain(cell(table, 11, "cac")));
        assertEquals(instagram.stream().map(PeriodMetrics::cac).toList(), chart("trend-costs").series().getFirst().values());
    }

    @Test
    void theChannelInTheAddressIsPreselected() {
        SeededPortal salon = OverviewViewTest.salon(InstallationStatus.INSTALLED);
        salon.openInThisSession(PortalSession.RUSSIAN);

        open(TrendsView.forChannel(Channel.VK));

        assertEquals(Optional.of(Channel.VK), channel().getValue());
        // VK spent 5 000 ₽ in March and won nobody: no CAC that month.
        assertEquals("5 000 ₽", plain(cell(table(), 11, "spend")));
        assertEquals(Figures.UNDEFINED, cell(table(), 11, "cac"));
    }

    @Test
    void aChannelCodeThatCannotBeAChannelShowsTheWholePortal() {
        OverviewViewTest.salon(InstallationStatus.INSTALLED).openInThisSession(PortalSession.RUSSIAN);

        open(TrendsView.forChannel("<script>"));

        assertEquals(Optional.empty(), channel().getValue());
        assertEquals("Все каналы", channel().getItemLabelGenerator().apply(channel().getValue()));
        assertEquals("17 000 ₽", plain(cell(table(), 11, "spend")));
    }

    @Test
    void fewerMonthsCanBeChosen() {
        SeededPortal salon = OverviewViewTest.salon(InstallationStatus.INSTALLED);
        salon.openInThisSession(PortalSession.RUSSIAN);
        navigate(TrendsView.class);

        $(Select.class).id("trend-months").setValue(6);

        assertEquals(6, table().size());
        assertEquals(RUSSIAN.period(Period.month(FEBRUARY)), cell(table(), 4, "month"));
    }

    @Test
    void anEnglishPortalReadsEnglish() {
        SeededPortal salon = OverviewViewTest.salon(InstallationStatus.INSTALLED);
        salon.openInThisSession(Locale.ENGLISH);
        UI.getCurrent().setLocale(Locale.ENGLISH);

        navigate(TrendsView.class);

        Figures english = Figures.of(Locale.ENGLISH, PortalSettings.defaults());
        MetricValue marchCac = salon.engine().total(Period.month(MARCH)).cac();
        assertEquals(english.money(marchCac), cell(table(), 11, "cac"));
        assertEquals("March 2026", cell(table(), 11, "month"));
        assertEquals("All channels", channel().getItemLabelGenerator().apply(channel().getValue()));
    }

    @Test
    void clickingAChannelInTheChannelsTableOpensItsTrend() {
        OverviewViewTest.salon(InstallationStatus.INSTALLED).openInThisSession(PortalSession.RUSSIAN);
        navigate(ChannelsView.class);
        @SuppressWarnings("unchecked")
        GridTester<Grid<PeriodMetrics>, PeriodMetrics> channels = test($(Grid.class).id("channels"));
        int instagram = 0;
        while (!channels.getRow(instagram).channel().orElseThrow().equals(Channel.INSTAGRAM)) {
            instagram++;
        }

        channels.clickRow(instagram);

        assertTrue(getCurrentView() instanceof TrendsView, getCurrentView().getClass().getName());
        assertEquals(Optional.of(Channel.INSTAGRAM), channel().getValue());
        assertEquals("6 000 ₽", plain(cell(table(), 11, "cac")));
    }

    /** As the address bar would: the trends route with these query parameters. */
    private void open(QueryParameters parameters) {
        UI.getCurrent().navigate(TrendsView.class, parameters);
        assertTrue(getCurrentView() instanceof TrendsView, getCurrentView().getClass().getName());
    }

    private static String cell(GridTester<Grid<PeriodMetrics>, PeriodMetrics> grid, int row, String column) {
        return grid.getCellText(row, grid.getColumnPosition(column));
    }

    private static String plain(String text) {
        return text.replace('\u00a0', ' ').replace('\u202f', ' ');
    }
}
