package ru.unitecon.ui.views;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridTester;
import com.vaadin.flow.router.QueryParameters;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import ru.unitecon.core.attribution.LeadSource;
import ru.unitecon.core.clients.LostClient;
import ru.unitecon.core.metrics.Period;
import ru.unitecon.core.metrics.ResponseRow;
import ru.unitecon.core.metrics.RetentionRow;
import ru.unitecon.core.portal.InstallationStatus;
import ru.unitecon.core.portal.PortalSettings;
import ru.unitecon.core.store.WinBacks;
import ru.unitecon.testsupport.LocalDynamo;
import ru.unitecon.ui.TestInfrastructure;
import ru.unitecon.ui.chart.MonthlyChart;
import ru.unitecon.ui.entry.PortalSession;
import ru.unitecon.ui.format.Figures;

import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static ru.unitecon.ui.views.SeededPortal.FEBRUARY;
import static ru.unitecon.ui.views.SeededPortal.MARCH;

@SpringBootTest
@Import(TestInfrastructure.class)
@ViewPackages(packages = "ru.unitecon.ui.views")
class RetentionViewTest extends SpringBrowserlessTest {
    private static final Figures RUSSIAN = Figures.of(PortalSession.RUSSIAN, PortalSettings.defaults());
    private static final YearMonth JANUARY = YearMonth.of(2026, 1);
    /** The view opens on the three months ending with the current one. */
    private static final Period SHOWN = new Period(JANUARY, MARCH);

    /**
     * The overview's salon (its deals under user 1, whom the portal does not name), plus a VK client of master 7 who
     * came on 12 January and again on 20 February, and an Instagram client of master 9 who came once in January.
     */
    private static SeededPortal salonWithMasters() {
        return OverviewViewTest.salon(new SeededPortal(InstallationStatus.INSTALLED))
                .lead(21, JANUARY, 10, LeadSource.ofUtm("vk", null, null), 301L)
                .wonDealBy(21, JANUARY, 12, 301, 21, "2000.00", 7L)
                .wonDealBy(22, FEBRUARY, 20, 301, 21, "2500.00", 9L)
                .lead(23, JANUARY, 14, LeadSource.ofUtm("instagram", null, null), 302L)
                .wonDealBy(23, JANUARY, 15, 302, 23, "1000.00", 9L);
    }

    @SuppressWarnings("unchecked")
    private GridTester<Grid<RetentionRow>, RetentionRow> grid(String id) {
        return test($(Grid.class).id(id));
    }

    @Test
    void mastersAreNamedLiveAndShowTheEnginesFigures() {
        SeededPortal salon = salonWithMasters();
        salon.openInThisSession(PortalSession.RUSSIAN);

        navigate(RetentionView.class);

        List<RetentionRow> expected = salon.retention().byMaster(SHOWN);
        var masters = grid("retention-masters");
        assertEquals(expected.size(), masters.size());
        for (int row = 0; row < expected.size(); row++) {
            RetentionRow master = expected.get(row);
            assertEquals(RUSSIAN.count(master.newClients()), cell(masters, row, "newClients"));
            assertEquals(RUSSIAN.percent(master.returningRate()), cell(masters, row, "returningRate"));
            assertEquals(RUSSIAN.percent(master.secondVisitRate()), cell(masters, row, "secondVisitRate"));
            assertEquals(RUSSIAN.count(master.activeAtEnd()), cell(masters, row, "active"));
            assertEquals(RUSSIAN.money(master.observedLtv()), cell(masters, row, "observedLtv"));
        }
        List<String> names = java.util.stream.IntStream.range(0, masters.size())
                .mapToObj(row -> cell(masters, row, "master")).toList();
        assertTrue(names.contains("Анна Смирнова"), names.toString());
        assertTrue(names.contains("Мария Иванова"), names.toString());
        assertTrue(names.contains("Сотрудник № 1"), "a user the portal does not name keeps its number: " + names);
    }

    @Test
    void masterSevenKeptTheVkClientWithASecondVisitInTime() {
        SeededPortal salon = salonWithMasters();
        salon.openInThisSession(PortalSession.RUSSIAN);

        navigate(RetentionView.class);

        RetentionRow seven = salon.retention().row(SHOWN, Optional.of("vk"), Optional.of(7L));
        assertEquals(1, seven.newClients());
        assertEquals(0, seven.returningRate().value().compareTo(java.math.BigDecimal.ONE));
        var byMasterAndChannel = grid("retention-master-channel");
        int row = rowOf(byMasterAndChannel, "Анна Смирнова");
        assertEquals("ВКонтакте", cell(byMasterAndChannel, row, "channel"));
        assertEquals(RUSSIAN.percent(seven.secondVisitRate()), cell(byMasterAndChannel, row, "secondVisitRate"));
        List<MonthlyChart.Series> chart = $(MonthlyChart.class).id("retention-chart").series();
        assertEquals(salon.retention().trend(SHOWN, Optional.empty(), Optional.empty()).stream()
                .map(RetentionRow::returningRate).toList(), chart.getFirst().values());
    }

    /**
     * With the clock in March 2026 and a 12-month window, a client whose latest order fell in March 2025 became lost
     * this month: contact 401, a VK client of master 7 with two orders, the last on 5 March 2025.
     */
    private static SeededPortal salonWithALostClient() {
        YearMonth lastMarch = YearMonth.of(2025, 3);
        return salonWithMasters()
                .lead(41, YearMonth.of(2025, 1), 10, LeadSource.ofUtm("vk", null, null), 401L)
                .wonDealBy(41, YearMonth.of(2025, 1), 12, 401, 41, "1000.00", 7L)
                .wonDealBy(42, lastMarch, 5, 401, 41, "1500.00", 7L);
    }

    @Test
    void theClientsLostThisMonthAreListedWithALinkToTheirContact() {
        SeededPortal salon = salonWithALostClient();
        salon.openInThisSession(PortalSession.RUSSIAN);

        navigate(RetentionView.class);

        @SuppressWarnings("unchecked")
        GridTester<Grid<LostClient>, LostClient> lost = test($(Grid.class).id("retention-lost"));
        assertEquals(1, lost.size(), "the salon's other clients ordered within the window");
        assertEquals("ВКонтакте", lost.getCellText(0, lost.getColumnPosition("channel")));
        assertEquals("Анна Смирнова", lost.getCellText(0, lost.getColumnPosition("master")));
        assertEquals(RUSSIAN.count(2), lost.getCellText(0, lost.getColumnPosition("orders")));
        assertEquals(RUSSIAN.money(new java.math.BigDecimal("2500.00")),
                lost.getCellText(0, lost.getColumnPosition("revenue")));
        Anchor link = (Anchor) lost.getCellComponent(0, "crm");
        assertEquals("https://" + salon.domain + "/crm/contact/details/401/", link.getHref());
        assertEquals(AnchorTarget.BLANK.getValue(), link.getTarget().orElseThrow());
    }

    @Test
    void aSecondWinBackSaysTheToDoIsAlreadyCreated() {
        SeededPortal salon = salonWithALostClient();
        salon.openInThisSession(PortalSession.RUSSIAN);
        // The first press's claim, as it stands once its to-do was created: the second press must not reach the portal.
        new WinBacks(LocalDynamo.client(), LocalDynamo.TABLE).claim(salon.memberId, "C401", MARCH, "first-press",
                TestInfrastructure.NOW);

        navigate(RetentionView.class);
        @SuppressWarnings("unchecked")
        GridTester<Grid<LostClient>, LostClient> lost = test($(Grid.class).id("retention-lost"));
        test((Button) lost.getCellComponent(0, "winBack")).click();

        assertEquals("Уже создано", $(Paragraph.class).id("retention-win-back-result").getText());
    }

    @Test
    void responseSpeedShowsTheFiguresByChannelWithAllChannelsLastAndByHourOfCreation() {
        SeededPortal salon = salonWithMasters().answered(21, JANUARY, 10, 3).answered(23, JANUARY, 14, 40);
        salon.openInThisSession(PortalSession.RUSSIAN);

        navigate(RetentionView.class);

        @SuppressWarnings("unchecked")
        GridTester<Grid<ResponseRow>, ResponseRow> channels = test($(Grid.class).id("response-channels"));
        List<ResponseRow> expected = salon.responseSpeed().byChannel(SHOWN);
        assertEquals(expected.size() + 1, channels.size());
        int vk = -1;
        for (int row = 0; row < expected.size(); row++) {
            if (expected.get(row).channel().orElseThrow().equals("vk")) {
                vk = row;
            }
        }
        ResponseRow vkRow = expected.get(vk);
        assertEquals("ВКонтакте", channels.getCellText(vk, channels.getColumnPosition("channel")));
        assertEquals(RUSSIAN.percent(vkRow.within5Share()),
                channels.getCellText(vk, channels.getColumnPosition("within5")));
        assertEquals(RUSSIAN.count(vkRow.unanswered()),
                channels.getCellText(vk, channels.getColumnPosition("unanswered")));
        assertEquals(RUSSIAN.percent(vkRow.leadToVisitConversion()),
                channels.getCellText(vk, channels.getColumnPosition("leadToVisit")));
        ResponseRow total = salon.responseSpeed().total(SHOWN);
        int last = channels.size() - 1;
        assertEquals("Все каналы", channels.getCellText(last, channels.getColumnPosition("channel")));
        assertEquals(RUSSIAN.percent(total.within15Share()),
                channels.getCellText(last, channels.getColumnPosition("within15")));
        assertEquals(RUSSIAN.decimal(total.averageMinutes()),
                channels.getCellText(last, channels.getColumnPosition("averageMinutes")));
        assertTrue(total.within5Share().isDefined() && total.within5Share().value().signum() > 0,
                "one of the period's leads was answered in 3 minutes");
        @SuppressWarnings("unchecked")
        GridTester<Grid<ResponseRow>, ResponseRow> hours = test($(Grid.class).id("response-hours"));
        List<ResponseRow> withLeads = salon.responseSpeed().byHour(SHOWN, Optional.empty()).stream()
                .filter(row -> row.leads() > 0).toList();
        assertEquals(withLeads.size(), hours.size(), "only the hours that had leads");
        assertEquals(String.format(Locale.ROOT, "%02d:00", withLeads.getFirst().hour().orElseThrow()),
                hours.getCellText(0, hours.getColumnPosition("hour")));
        assertEquals(RUSSIAN.percent(withLeads.getFirst().within15Share()),
                hours.getCellText(0, hours.getColumnPosition("within15")));
    }

    @Test
    void aPeriodEndingInFebruaryListsTheClientsLostInFebruaryAndTheirWinBackIsForFebruary() {
        SeededPortal salon = salonWithALostClient()
                .lead(51, YearMonth.of(2025, 1), 11, LeadSource.ofUtm("instagram", null, null), 501L)
                .wonDealBy(51, YearMonth.of(2025, 2), 3, 501, 51, "900.00", 9L);
        salon.openInThisSession(PortalSession.RUSSIAN);
        new WinBacks(LocalDynamo.client(), LocalDynamo.TABLE).claim(salon.memberId, "C501", FEBRUARY, "first-press",
                TestInfrastructure.NOW);

        UI.getCurrent().navigate("retention", QueryParameters.simple(Map.of("from", "2026-01", "to", "2026-02")));

        @SuppressWarnings("unchecked")
        GridTester<Grid<LostClient>, LostClient> lost = test($(Grid.class).id("retention-lost"));
        assertEquals(1, lost.size(), "contact 501, lost in February; 401 became lost in March");
        assertEquals("Instagram", lost.getCellText(0, lost.getColumnPosition("channel")));
        assertTrue($(H3.class).id("retention-lost-heading").getText().startsWith("Потерянные в "),
                $(H3.class).id("retention-lost-heading").getText());
        test((Button) lost.getCellComponent(0, "winBack")).click();
        assertEquals("Уже создано", $(Paragraph.class).id("retention-win-back-result").getText(),
                "the claim of February's press holds");
    }

    @Test
    void channelsListEveryAcquisitionChannel() {
        SeededPortal salon = salonWithMasters();
        salon.openInThisSession(PortalSession.RUSSIAN);

        navigate(RetentionView.class);

        assertEquals(salon.retention().byChannel(SHOWN).size(), grid("retention-channels").size());
    }

    @Test
    void anEnglishPortalReadsEnglish() {
        salonWithMasters().openInThisSession(Locale.ENGLISH);
        UI.getCurrent().setLocale(Locale.ENGLISH);

        navigate(RetentionView.class);

        var masters = grid("retention-masters");
        assertEquals("Second visit within 60 days",
                $(Grid.class).id("retention-masters").getColumnByKey("secondVisitRate").getHeaderText());
        assertTrue(java.util.stream.IntStream.range(0, masters.size())
                .anyMatch(row -> cell(masters, row, "master").equals("User no. 1")));
    }

    private static int rowOf(GridTester<Grid<RetentionRow>, RetentionRow> grid, String master) {
        for (int row = 0; row < grid.size(); row++) {
            if (cell(grid, row, "master").equals(master)) {
                return row;
            }
        }
        throw new AssertionError(master + " is not in the table");
    }

    private static String cell(GridTester<Grid<RetentionRow>, RetentionRow> grid, int row, String column) {
        return grid.getCellText(row, grid.getColumnPosition(column));
    }
}
