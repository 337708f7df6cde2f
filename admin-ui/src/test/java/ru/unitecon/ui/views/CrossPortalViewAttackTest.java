package ru.unitecon.ui.views;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.QueryParameters;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import ru.unitecon.core.attribution.Channel;
import ru.unitecon.core.attribution.LeadSource;
import ru.unitecon.core.metrics.Period;
import ru.unitecon.core.metrics.PeriodMetrics;
import ru.unitecon.core.portal.PortalSettings;
import ru.unitecon.core.portal.InstallationStatus;
import ru.unitecon.ui.TestInfrastructure;
import ru.unitecon.ui.data.Dashboard;
import ru.unitecon.ui.data.DashboardData;
import ru.unitecon.ui.entry.PortalSession;
import ru.unitecon.ui.format.Figures;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static ru.unitecon.ui.views.SeededPortal.FEBRUARY;
import static ru.unitecon.ui.views.SeededPortal.MARCH;

/**
 * Two salons in one table. The victim's leads all come from Telegram and from January, which the attacker's salon
 * has none of, so any of the victim's figures reaching the attacker's session would show.
 */
@SpringBootTest
@Import(TestInfrastructure.class)
@ViewPackages(packages = "ru.unitecon.ui.views")
class CrossPortalViewAttackTest extends SpringBrowserlessTest {
    private static final YearMonth JANUARY = YearMonth.of(2026, 1);
    private static final Figures RUSSIAN = Figures.of(PortalSession.RUSSIAN, PortalSettings.defaults());

    @Autowired
    private DashboardData dashboards;

    private static SeededPortal victim() {
        SeededPortal victim = new SeededPortal(InstallationStatus.INSTALLED);
        LongStream.rangeClosed(1, 40).forEach(id -> victim.lead(id, id % 2 == 0 ? JANUARY : MARCH, 5,
                LeadSource.ofUtm("telegram", null, null), null));
        return victim.spend(MARCH, Map.of(Channel.TELEGRAM, new BigDecimal("99000")))
                .spend(JANUARY, Map.of(Channel.TELEGRAM, new BigDecimal("77000")));
    }

    @Test
    void theDataLayerReturnsNoCellOfAnotherPortal() {
        SeededPortal attacker = OverviewViewTest.salon(InstallationStatus.INSTALLED);
        victim();

        Dashboard loaded = dashboards.load(attacker.memberId, Period.month(MARCH));

        List<PeriodMetrics> channels = loaded.engine().byChannel(Period.month(MARCH));
        assertFalse(channels.stream().anyMatch(row -> row.channel().equals(Optional.of(Channel.TELEGRAM))));
        assertEquals(attacker.engine().compare(Period.month(MARCH), Optional.empty()).current().leads(),
                loaded.engine().compare(Period.month(MARCH), Optional.empty()).current().leads());
        assertEquals(0, loaded.engine().byChannel(Period.month(JANUARY)).stream()
                .mapToLong(PeriodMetrics::leads).sum());
    }

    @Test
    void aGuessedMemberIdInTheAddressShowsOnlyTheSessionsOwnPortal() {
        SeededPortal attacker = OverviewViewTest.salon(InstallationStatus.INSTALLED);
        SeededPortal victim = victim();
        attacker.openInThisSession(PortalSession.RUSSIAN);

        UI.getCurrent().navigate("", QueryParameters.simple(Map.of("member_id", victim.memberId,
                "memberId", victim.memberId, "DOMAIN", victim.domain)));

        // The overview opens on the attacker's last complete month with data, February; the victim's January and
        // March do not move it.
        long attackersLeads = attacker.engine().compare(Period.month(FEBRUARY), Optional.empty())
                .current().leads();
        assertEquals(RUSSIAN.count(attackersLeads), $(Span.class).id("metric-leads").getText());
    }

    @Test
    void aGuessedMemberIdOnTheChannelsPageListsNoChannelOfAnotherPortal() {
        SeededPortal attacker = OverviewViewTest.salon(InstallationStatus.INSTALLED);
        SeededPortal victim = victim();
        attacker.openInThisSession(PortalSession.RUSSIAN);

        UI.getCurrent().navigate("channels", QueryParameters.simple(Map.of("member_id", victim.memberId,
                "member", victim.memberId)));

        @SuppressWarnings("unchecked")
        Grid<PeriodMetrics> grid = $(Grid.class).id("channels");
        List<Optional<String>> shown = LongStream.range(0, test(grid).size())
                .mapToObj(row -> test(grid).getRow((int) row).channel()).toList();
        assertEquals(attacker.engine().byChannel(Period.month(MARCH)).stream().map(PeriodMetrics::channel).toList(),
                shown);
        assertFalse(shown.contains(Optional.of(Channel.TELEGRAM)));
    }

    @Test
    void aSessionWithoutAPortalShowsNoPortalEvenWithAGuessedMemberId() {
        SeededPortal victim = victim();

        UI.getCurrent().navigate("", QueryParameters.simple(Map.of("member_id", victim.memberId)));

        assertEquals(1, $(ReopenFromPortalView.class).all().size());
        assertEquals(0, $(Span.class).all().stream().filter(span -> span.getId().orElse("").startsWith("metric-"))
                .count());
    }
}
