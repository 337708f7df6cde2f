package ru.unitecon.ui.views;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridTester;
import com.vaadin.flow.data.provider.SortDirection;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import ru.unitecon.core.appointments.AppointmentState;
import ru.unitecon.core.attribution.Channel;
import ru.unitecon.core.attribution.LeadSource;
import ru.unitecon.core.metrics.Period;
import ru.unitecon.core.metrics.PeriodMetrics;
import ru.unitecon.core.portal.PortalSettings;
import ru.unitecon.core.portal.InstallationStatus;
import ru.unitecon.ui.TestInfrastructure;
import ru.unitecon.ui.entry.PortalSession;
import ru.unitecon.ui.format.Figures;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static ru.unitecon.ui.views.SeededPortal.MARCH;

@SpringBootTest
@Import(TestInfrastructure.class)
@ViewPackages(packages = "ru.unitecon.ui.views")
class ChannelsViewTest extends SpringBrowserlessTest {
    private static final Figures RUSSIAN = Figures.of(PortalSession.RUSSIAN, PortalSettings.defaults());

    @SuppressWarnings("unchecked")
    private GridTester<Grid<PeriodMetrics>, PeriodMetrics> channels() {
        return test($(Grid.class).id("channels"));
    }

    private String cell(GridTester<Grid<PeriodMetrics>, PeriodMetrics> grid, int row, String column) {
        return grid.getCellText(row, grid.getColumnPosition(column));
    }

    @Test
    void aRowPerChannelWithTheEnginesFigures() {
        SeededPortal salon = OverviewViewTest.salon(InstallationStatus.INSTALLED);
        salon.openInThisSession(PortalSession.RUSSIAN);

        navigate(ChannelsView.class);

        List<PeriodMetrics> expected = salon.engine().byChannel(Period.month(MARCH));
        var grid = channels();
        assertEquals(expected.size(), grid.size());
        for (int row = 0; row < expected.size(); row++) {
            PeriodMetrics channel = expected.get(row);
            assertEquals(channel.channel(), grid.getRow(row).channel());
            assertEquals(RUSSIAN.money(channel.spend()), cell(grid, row, "spend"));
            assertEquals(RUSSIAN.count(channel.leads()), cell(grid, row, "leads"));
            assertEquals(RUSSIAN.money(channel.cpl()), cell(grid, row, "cpl"));
            assertEquals(RUSSIAN.count(channel.newClients()), cell(grid, row, "newClients"));
            assertEquals(RUSSIAN.money(channel.cac()), cell(grid, row, "cac"));
            assertEquals(RUSSIAN.money(channel.aov()), cell(grid, row, "aov"));
            assertEquals(RUSSIAN.money(channel.ltv()), cell(grid, row, "ltv"));
            assertEquals(RUSSIAN.decimal(channel.ltvToCac()), cell(grid, row, "ltvToCac"));
            assertEquals(RUSSIAN.money(channel.contributionPerVisit()), cell(grid, row, "contribution"));
            assertEquals(RUSSIAN.decimal(channel.paybackMonths()), cell(grid, row, "payback"));
            assertEquals(RUSSIAN.percent(channel.noShowRate()), cell(grid, row, "noShowRate"));
        }
    }

    @Test
    void aChannelThatLosesMoneyIsFlaggedInWords() {
        // Instagram in March: CAC 6 000 ₽ against an average order of 2 500 ₽.
        OverviewViewTest.salon(InstallationStatus.INSTALLED).openInThisSession(PortalSession.RUSSIAN);

        navigate(ChannelsView.class);

        var grid = channels();
        int instagram = rowOf(grid, Channel.INSTAGRAM);
        assertEquals("Instagram", cell(grid, instagram, "channel"));
        assertTrue(cell(grid, instagram, "flags").contains("Убыточный канал"), cell(grid, instagram, "flags"));
        assertTrue(cell(grid, instagram, "flags").contains("LTV:CAC ниже 3"), cell(grid, instagram, "flags"));
    }

    @Test
    void aChannelWithSpendAndNoNewClientIsLosingMoneyThoughItsCacIsUndefined() {
        OverviewViewTest.salon(InstallationStatus.INSTALLED).openInThisSession(PortalSession.RUSSIAN);

        navigate(ChannelsView.class);

        var grid = channels();
        int vk = rowOf(grid, Channel.VK);
        assertEquals("ВКонтакте", cell(grid, vk, "channel"));
        assertEquals(Figures.UNDEFINED, cell(grid, vk, "cac"));
        assertEquals("⚠ Убыточный канал: расходы есть, новых клиентов нет — остановите или исправьте",
                cell(grid, vk, "flags"));
    }

    @Test
    void sortingByCacPutsUndefinedLast() {
        OverviewViewTest.salon(InstallationStatus.INSTALLED).openInThisSession(PortalSession.RUSSIAN);
        navigate(ChannelsView.class);
        var grid = channels();

        grid.sortByColumn("cac", SortDirection.ASCENDING);

        assertEquals(Figures.UNDEFINED, cell(grid, grid.size() - 1, "cac"));
        assertEquals(RUSSIAN.money(grid.getRow(0).cac()), cell(grid, 0, "cac"));
        assertTrue(grid.getRow(0).cac().isDefined());
    }

    private static int rowOf(GridTester<Grid<PeriodMetrics>, PeriodMetrics> grid, String channel) {
        for (int row = 0; row < grid.size(); row++) {
            if (grid.getRow(row).channel().orElseThrow().equals(channel)) {
                return row;
            }
        }
        throw new AssertionError("no row for " + channel);
    }

    @Test
    void theNoShowRateShowsThePastVisitsNobodyMarkedBesideIt() {
        OverviewViewTest.salon(InstallationStatus.INSTALLED)
                .leadWithVisit(20, LeadSource.ofUtm("instagram", null, null), Instant.parse("2026-03-10T09:00:00Z"),
                        AppointmentState.NO_SHOW)
                .leadWithVisit(21, LeadSource.ofUtm("instagram", null, null), Instant.parse("2026-03-11T09:00:00Z"),
                        AppointmentState.CONFIRMED)
                .openInThisSession(PortalSession.RUSSIAN);

        navigate(ChannelsView.class);

        var grid = channels();
        assertEquals("50,0 % (не отмечено: 1)", cell(grid, rowOf(grid, Channel.INSTAGRAM), "noShowRate")
                .replace('\u00a0', ' '));
    }
}
