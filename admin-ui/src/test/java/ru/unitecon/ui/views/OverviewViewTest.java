package ru.unitecon.ui.views;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.RouterLink;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import ru.unitecon.core.appointments.AppointmentState;
import ru.unitecon.core.attribution.Channel;
import ru.unitecon.core.attribution.LeadSource;
import ru.unitecon.core.metrics.Period;
import ru.unitecon.core.metrics.PeriodComparison;
import ru.unitecon.core.metrics.PeriodMetrics;
import ru.unitecon.core.portal.PortalSettings;
import ru.unitecon.core.portal.InstallationStatus;
import ru.unitecon.ui.TestInfrastructure;
import ru.unitecon.ui.entry.PortalSession;
import ru.unitecon.ui.format.Figures;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static ru.unitecon.ui.views.SeededPortal.FEBRUARY;
import static ru.unitecon.ui.views.SeededPortal.MARCH;

@SpringBootTest
@Import(TestInfrastructure.class)
@ViewPackages(packages = "ru.unitecon.ui.views")
class OverviewViewTest extends SpringBrowserlessTest {
    private static final Figures RUSSIAN = Figures.of(PortalSession.RUSSIAN, PortalSettings.defaults());

    /** March: two paying Instagram clients, a VK lead, a lead without source. February: one Instagram client. */
    static SeededPortal salon(InstallationStatus status) {
        return salon(new SeededPortal(status));
    }

    static SeededPortal salon(SeededPortal portal) {
        return portal
                .lead(1, MARCH, 2, LeadSource.ofUtm("instagram", "cpc", "spring"), 101L)
                .wonDeal(1, MARCH, 5, 101, 1, "3000.00")
                .lead(2, MARCH, 3, LeadSource.ofUtm("instagram", "cpc", "spring"), 102L)
                .wonDeal(2, MARCH, 10, 102, 2, "2000.00")
                .lead(3, MARCH, 4, LeadSource.ofUtm("vk", null, null), null)
                .lead(4, MARCH, 6, LeadSource.NONE, null)
                .lead(5, FEBRUARY, 7, LeadSource.ofUtm("instagram", null, null), 105L)
                .wonDeal(5, FEBRUARY, 9, 105, 5, "2500.00")
                .spend(MARCH, Map.of(Channel.INSTAGRAM, new BigDecimal("12000"), Channel.VK, new BigDecimal("5000")))
                .spend(FEBRUARY, Map.of(Channel.INSTAGRAM, new BigDecimal("8000")));
    }

    /** The salon's March is the current month; the overview opens on February, the last complete one. */
    @SuppressWarnings("unchecked")
    private void chooseMarch() {
        $(Select.class).id("period").setValue(Period.month(MARCH));
    }

    private String shown(String id) {
        return $(Span.class).id(id).getText();
    }

    @Test
    void everyFigureIsTheEnginesForTheMonthChosen() {
        SeededPortal salon = salon(InstallationStatus.INSTALLED);
        salon.openInThisSession(PortalSession.RUSSIAN);

        navigate(OverviewView.class);
        chooseMarch();

        PeriodComparison march = salon.engine().compare(Period.month(MARCH), Optional.empty());
        PeriodMetrics now = march.current();
        assertEquals(RUSSIAN.money(now.spend()), shown("metric-spend"));
        assertEquals(RUSSIAN.count(now.leads()), shown("metric-leads"));
        assertEquals(RUSSIAN.count(now.newClients()), shown("metric-newClients"));
        assertEquals(RUSSIAN.count(now.orders()), shown("metric-orders"));
        assertEquals(RUSSIAN.money(now.revenue()), shown("metric-revenue"));
        assertEquals(RUSSIAN.money(now.aov()), shown("metric-aov"));
        assertEquals(RUSSIAN.money(now.cac()), shown("metric-cac"));
        assertEquals(RUSSIAN.money(now.cpo()), shown("metric-cpo"));
        assertEquals(RUSSIAN.money(now.ltv()), shown("metric-ltv"));
        assertEquals(RUSSIAN.decimal(now.ltvToCac()), shown("metric-ltvToCac"));
        assertEquals(RUSSIAN.percent(now.noShowRate()), shown("metric-noShowRate"));
        assertEquals(RUSSIAN.money(now.revenueLostToNoShows()), shown("metric-revenueLostToNoShows"));
        assertTrue(shown("metric-spend-change").endsWith(RUSSIAN.change(march.changeOfAmount(PeriodMetrics::spend))));
        assertTrue(shown("metric-cac-change").endsWith(RUSSIAN.change(march.change(PeriodMetrics::cac))));
    }

    @Test
    void theFiguresReadAsASalonOwnerWouldCheckThem() {
        salon(InstallationStatus.INSTALLED).openInThisSession(PortalSession.RUSSIAN);

        navigate(OverviewView.class);
        chooseMarch();

        // 17 000 ₽ for 2 new clients; 12 000 ₽ against February's 8 000 ₽ is +112,5 %; 1 of 4 leads has no source.
        assertEquals("17 000 ₽", plain(shown("metric-spend")));
        assertEquals("8 500 ₽", plain(shown("metric-cac")));
        assertEquals("2 500 ₽", plain(shown("metric-aov")));
        assertEquals("к пред. периоду: +112,5 %", plain(shown("metric-spend-change")));
        assertEquals("Лиды без источника: 25,0 %", plain($(Paragraph.class).id("unknown-source").getText()));
    }

    /** Russian number formats separate with no-break spaces; the expectations above are typed with plain ones. */
    private static String plain(String text) {
        return text.replace('\u00a0', ' ').replace('\u202f', ' ');
    }

    @Test
    void undefinedMetricsShowADash() {
        new SeededPortal(InstallationStatus.INSTALLED)
                .lead(1, MARCH, 2, LeadSource.ofUtm("vk", null, null), null)
                .openInThisSession(PortalSession.RUSSIAN);

        navigate(OverviewView.class);

        assertEquals(Figures.UNDEFINED, shown("metric-cac"));
        assertEquals(Figures.UNDEFINED, shown("metric-aov"));
        assertEquals(Figures.UNDEFINED, shown("metric-ltvToCac"));
    }

    @Test
    void aQuarterIsShownWhenChosen() {
        SeededPortal salon = salon(InstallationStatus.INSTALLED);
        salon.openInThisSession(PortalSession.RUSSIAN);
        navigate(OverviewView.class);

        test($(RadioButtonGroup.class).id("period-kind")).selectItem("Квартал");

        PeriodMetrics firstQuarter = salon.engine().total(Period.quarter(2026, 1));
        assertEquals(Period.quarter(2026, 1), $(Select.class).id("period").getValue());
        assertEquals(RUSSIAN.money(firstQuarter.spend()), shown("metric-spend"));
        assertEquals(RUSSIAN.count(firstQuarter.newClients()), shown("metric-newClients"));
        assertEquals(RUSSIAN.money(firstQuarter.cac()), shown("metric-cac"));
    }

    @Test
    void anEnglishPortalReadsEnglish() {
        SeededPortal salon = salon(InstallationStatus.INSTALLED);
        salon.openInThisSession(Locale.ENGLISH);
        UI.getCurrent().setLocale(Locale.ENGLISH);

        navigate(OverviewView.class);
        chooseMarch();

        assertEquals("Overview", $(H2.class).first().getText());
        assertEquals(Figures.of(Locale.ENGLISH, PortalSettings.defaults())
                .money(salon.engine().total(Period.month(MARCH)).cac()), shown("metric-cac"));
        assertTrue($(Paragraph.class).id("data-as-of").getText().startsWith("Data as of"));
    }

    @Test
    void aPortalThatNeedsReconnectingSaysSoAndWhatToDo() {
        salon(InstallationStatus.NEEDS_RECONNECT).openInThisSession(PortalSession.RUSSIAN);

        navigate(OverviewView.class);

        Div banner = $(Div.class).id("reconnect-banner");
        assertTrue(banner.isVisible());
        assertTrue(banner.getElement().getTextRecursively().contains("переустановить приложение"));
    }

    @Test
    void anInstalledPortalHasNoReconnectBanner() {
        salon(InstallationStatus.INSTALLED).openInThisSession(PortalSession.RUSSIAN);

        navigate(OverviewView.class);

        // Queries see only what is visible.
        assertTrue($(Div.class).withId("reconnect-banner").all().isEmpty());
    }

    @Test
    void withoutAPortalOnlyTheReopenPageIsShown() {
        navigate("", ReopenFromPortalView.class);

        assertEquals("Откройте приложение заново из Битрикс24", $(H2.class).id("reopen-ru").getText());
        assertEquals("Please reopen the app from Bitrix24", $(H2.class).id("reopen-en").getText());
        assertTrue($(Span.class).withId("metric-spend").all().isEmpty());
    }

    @Test
    void theChannelsLosingMoneyAreNamedWithWhy() {
        salon(InstallationStatus.INSTALLED).openInThisSession(PortalSession.RUSSIAN);

        navigate(OverviewView.class);
        chooseMarch();

        // VK: 5 000 ₽ and nobody came; Instagram: 6 000 ₽ per client against an average order of 2 500 ₽.
        assertEquals("⚠ Убыточные каналы: ВКонтакте (расходы есть, новых клиентов нет), "
                + "Instagram (CAC выше маржи заказа)", plain($(Paragraph.class).id("losing-money").getText()));
    }

    @Test
    void ordersInACurrencyThePortalDoesNotRateAreSaidNotAddedAsRoubles() {
        SeededPortal salon = salon(InstallationStatus.INSTALLED).wonDealIn(9, MARCH, 12, 102, 2, "300.00", "USD");
        salon.openInThisSession(PortalSession.RUSSIAN);

        navigate(OverviewView.class);
        chooseMarch();

        Paragraph notCounted = $(Paragraph.class).id("orders-not-counted");
        assertTrue(notCounted.isVisible());
        assertEquals("Заказов в валютах без курса портала, не учтённых в заказах и выручке: 1",
                plain(notCounted.getText()));
        assertEquals("5 000 ₽", plain(shown("metric-revenue")), "the dollars are not added as roubles");
    }

    @Test
    void theNoShowRateSaysItCountsPastVisitsNobodyMarked() {
        SeededPortal salon = salon(InstallationStatus.INSTALLED)
                .leadWithVisit(20, LeadSource.ofUtm("instagram", null, null), Instant.parse("2026-03-10T09:00:00Z"),
                        AppointmentState.NO_SHOW)
                .leadWithVisit(21, LeadSource.ofUtm("instagram", null, null), Instant.parse("2026-03-11T09:00:00Z"),
                        AppointmentState.BOOKED)
                .leadWithVisit(22, LeadSource.ofUtm("instagram", null, null), Instant.parse("2026-03-25T09:00:00Z"),
                        AppointmentState.BOOKED);
        salon.openInThisSession(PortalSession.RUSSIAN);

        navigate(OverviewView.class);
        chooseMarch();

        assertEquals("50,0 %", plain(shown("metric-noShowRate")), "one no-show of two past visits, one unmarked");
        assertTrue(plain($(Paragraph.class).id("no-show-basis").getText()).contains("«не пришёл»: 1;"),
                $(Paragraph.class).id("no-show-basis").getText());
        assertFalse($(Paragraph.class).all().stream().anyMatch(shown -> shown.getId().equals(
                Optional.of("orders-not-counted"))), "nothing to say without orders in other currencies");
    }

    @Test
    void theOverviewOpensOnTheLastCompleteMonthWithDataAndLabelsTheCurrentOneAsUnfinished() {
        salon(InstallationStatus.INSTALLED).openInThisSession(PortalSession.RUSSIAN);

        navigate(OverviewView.class);

        @SuppressWarnings("unchecked")
        Select<Period> period = $(Select.class).id("period");
        assertEquals(Period.month(FEBRUARY), period.getValue());
        assertEquals("март 2026 (текущий месяц, пока неполный)",
                period.getItemLabelGenerator().apply(Period.month(MARCH)));
        assertEquals("февраль 2026", period.getItemLabelGenerator().apply(Period.month(FEBRUARY)));
        // February: 8 000 ₽ for the one Instagram client.
        assertEquals("8 000 ₽", plain(shown("metric-spend")));
    }

    @Test
    void whatToDoNamesTheActionsWorthTheMostMoneyEachWithItsSum() {
        salon(InstallationStatus.INSTALLED).openInThisSession(PortalSession.RUSSIAN);
        navigate(OverviewView.class);

        chooseMarch();

        // Instagram: CAC 12 000 / 2 = 6 000 ₽ against an average order of 2 500 ₽ loses 3 500 ₽ on each of 2
        // clients, 7 000 ₽; VK spent 5 000 ₽ and brought nobody. No no-shows, no unmarked visits.
        assertEquals("Что сделать: март 2026", $(H3.class).id("actions-title").getText());
        assertEquals("Instagram теряет 3 500 ₽ на каждом новом клиенте (новых клиентов: 2, всего 7 000 ₽): "
                + "остановите или исправьте канал", plain(shown("action-1")));
        assertEquals("ВКонтакте: потрачено 5 000 ₽, а новых клиентов нет: остановите или исправьте канал",
                plain(shown("action-2")));
        assertTrue($(Span.class).withId("action-3").all().isEmpty());
        String link = $(RouterLink.class).id("action-1-link").getHref();
        assertTrue(link.startsWith("channels?") && link.contains("from=2026-03") && link.contains("to=2026-03"), link);
    }

    @Test
    void aPortalWithNothingToFixIsToldSo() {
        new SeededPortal(InstallationStatus.INSTALLED)
                .lead(1, MARCH, 2, LeadSource.ofUtm("instagram", null, null), 101L)
                .wonDeal(1, MARCH, 5, 101, 1, "3000.00")
                .spend(MARCH, Map.of(Channel.INSTAGRAM, new BigDecimal("1000")))
                .openInThisSession(PortalSession.RUSSIAN);

        navigate(OverviewView.class);

        assertEquals(Period.month(MARCH), $(Select.class).id("period").getValue(), "no month before the current");
        assertTrue($(Paragraph.class).id("actions-none").getText().startsWith("Всё в порядке"));
    }

    @Test
    void anEnglishOwnerReadsWhatToDoInEnglish() {
        salon(InstallationStatus.INSTALLED).openInThisSession(Locale.ENGLISH);
        UI.getCurrent().setLocale(Locale.ENGLISH);
        navigate(OverviewView.class);

        chooseMarch();

        assertEquals("Instagram loses RUB 3,500 on every new client (2 new clients, RUB 7,000 in all): stop or fix it",
                plain(shown("action-1")));
    }

    @Test
    void theLinkOpensTheChannelsOnTheActionsPeriod() {
        salon(InstallationStatus.INSTALLED).openInThisSession(PortalSession.RUSSIAN);

        UI.getCurrent().navigate(ChannelsView.class,
                QueryParameters.simple(Map.of("from", "2026-02", "to", "2026-02")));

        assertEquals(Period.month(FEBRUARY), $(Select.class).id("period").getValue());
    }
}
