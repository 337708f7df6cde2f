package ru.unitecon.ui.views;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridTester;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.QueryParameters;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import ru.unitecon.core.attribution.CampaignMapping;
import ru.unitecon.core.attribution.CampaignRule;
import ru.unitecon.core.attribution.CampaignRules;
import ru.unitecon.core.attribution.MatchKind;
import ru.unitecon.core.campaigns.Campaigns;
import ru.unitecon.core.metrics.CampaignMetrics;
import ru.unitecon.core.portal.InstallationStatus;
import ru.unitecon.ui.TestInfrastructure;
import ru.unitecon.ui.data.CampaignsData;
import ru.unitecon.ui.data.SettingsEditor;
import ru.unitecon.ui.entry.PortalSession;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static ru.unitecon.testsupport.SeededSalon.PEDICURE;
import static ru.unitecon.testsupport.SeededSalon.SPRING;

@SpringBootTest
@Import(TestInfrastructure.class)
@ViewPackages(packages = "ru.unitecon.ui.views")
class CampaignsViewTest extends SpringBrowserlessTest {
    @Autowired
    private Campaigns campaigns;
    @Autowired
    private CampaignsData data;

    @SuppressWarnings("unchecked")
    private GridTester<Grid<CampaignMetrics.Row>, CampaignMetrics.Row> grid() {
        return test($(Grid.class).id("campaigns"));
    }

    @SuppressWarnings("unchecked")
    private GridTester<Grid<CampaignMetrics.Unmatched>, CampaignMetrics.Unmatched> unmatched() {
        return test($(Grid.class).id("campaigns-unmatched"));
    }

    private static String cell(GridTester<?, ?> grid, int row, String column) {
        return grid.getCellText(row, grid.getColumnPosition(column)).replace('\u00a0', ' ');
    }

    @Test
    void aRowPerCampaignWithItsSpendLeadsAndFlagsAndTheValuesNoRuleTakes() {
        new SeededPortal(InstallationStatus.INSTALLED).withCampaigns().openInThisSession(PortalSession.RUSSIAN);

        navigate(CampaignsView.class);

        var rows = grid();
        assertEquals(3, rows.size());
        assertEquals("Маникюр весна (Директ)", cell(rows, 0, "campaign"));
        assertEquals("Яндекс Директ", cell(rows, 0, "channel"));
        assertEquals("10 000 ₽", cell(rows, 0, "spend"));
        assertEquals("2", cell(rows, 0, "leads"));
        assertEquals("1", cell(rows, 0, "newClients"));
        assertEquals("10 000 ₽", cell(rows, 0, "cac"));
        assertTrue(cell(rows, 0, "flags").contains("Убыточная кампания: CAC выше маржи"), cell(rows, 0, "flags"));
        assertEquals("Бренд (Директ)", cell(rows, 1, "campaign"));
        assertTrue(cell(rows, 1, "flags").contains("расходы есть, новых клиентов нет"), cell(rows, 1, "flags"));
        assertTrue(cell(rows, 1, "flags").contains("Лидов нет"), cell(rows, 1, "flags"));
        assertEquals("Педикюр (VK Реклама)", cell(rows, 2, "campaign"));
        assertEquals("ВКонтакте", cell(rows, 2, "channel"));
        assertEquals("1 000 ₽", cell(rows, 2, "cac"));

        assertEquals(1, unmatched().size());
        assertEquals("summer_sale", cell(unmatched(), 0, "value"));
        assertEquals("1", cell(unmatched(), 0, "leads"));
        assertTrue($(Paragraph.class).id("campaign-rules-preview-summary").getText()
                .contains("без кампании: 1"));
    }

    @Test
    void anAdministratorsRuleTakesTheUnmatchedValueAtOnce() {
        SeededPortal salon = new SeededPortal(InstallationStatus.INSTALLED).withCampaigns();
        salon.openInThisSession(PortalSession.RUSSIAN);
        navigate(CampaignsView.class);
        int added = $(TextField.class).all().size();

        test($(Button.class).id("campaign-rule-add")).click();
        test($(TextField.class).id("campaign-rule-" + added + "-pattern")).setValue("summer_sale");
        test($(Select.class).id("campaign-rule-" + added + "-campaign")).selectItem("Педикюр (VK Реклама)");
        test($(Button.class).id("campaign-rules-save")).click();

        assertEquals(new CampaignRule(MatchKind.EQUALS, "summer_sale", PEDICURE),
                campaigns.rules(salon.memberId).rules().getLast());
        assertTrue($(Paragraph.class).id("campaigns-all-matched").isVisible());
        assertEquals("2", cell(grid(), 2, "leads"), "5551 and summer_sale");
    }

    @Test
    void anAdministratorMovesARuleUpAndRemovesAnother() {
        SeededPortal salon = new SeededPortal(InstallationStatus.INSTALLED).withCampaigns();
        salon.openInThisSession(PortalSession.RUSSIAN);
        navigate(CampaignsView.class);
        List<CampaignRule> shown = campaigns.rules(salon.memberId).rules();
        assertTrue(shown.size() >= 3, "the imported campaigns' default rules: " + shown);

        assertFalse($(Button.class).id("campaign-rule-0-up").isEnabled());
        assertFalse($(Button.class).id("campaign-rule-" + (shown.size() - 1) + "-down").isEnabled());
        test($(Button.class).id("campaign-rule-1-up")).click();
        test($(Button.class).id("campaign-rule-2-remove")).click();
        test($(Button.class).id("campaign-rules-save")).click();

        List<CampaignRule> expected = new ArrayList<>(shown);
        expected.set(0, shown.get(1));
        expected.set(1, shown.get(0));
        expected.remove(2);
        assertEquals(expected, campaigns.rules(salon.memberId).rules());
    }

    @Test
    void anEmptyRuleIsMarkedAndNothingIsSaved() {
        SeededPortal salon = new SeededPortal(InstallationStatus.INSTALLED).withCampaigns();
        salon.openInThisSession(PortalSession.RUSSIAN);
        navigate(CampaignsView.class);
        int added = $(TextField.class).all().size();

        test($(Button.class).id("campaign-rule-add")).click();
        test($(Button.class).id("campaign-rules-save")).click();

        assertTrue($(TextField.class).id("campaign-rule-" + added + "-pattern").isInvalid());
        assertEquals(CampaignMapping.NONE, campaigns.mapping(salon.memberId));
    }

    @Test
    void anAdministratorMovesACampaignToAnotherChannel() {
        SeededPortal salon = new SeededPortal(InstallationStatus.INSTALLED).withCampaigns();
        salon.openInThisSession(PortalSession.RUSSIAN);
        navigate(CampaignsView.class);

        test($(Select.class).id("campaign-channel-2")).selectItem("Instagram");

        assertEquals("instagram", campaigns.mapping(salon.memberId).channelOf(PEDICURE));
        assertEquals("Instagram", cell(grid(), 2, "channel"));
    }

    @Test
    void anEmployeeSeesTheMappingReadOnlyAndIsRefusedAChange() {
        SeededPortal salon = new SeededPortal(InstallationStatus.INSTALLED).withCampaigns();
        salon.openInThisSession(PortalSession.RUSSIAN, false);

        navigate(CampaignsView.class);

        assertFalse($(Button.class).withId("campaign-rules-save").exists());
        assertFalse($(Button.class).withId("campaign-rule-add").exists());
        assertTrue($(TextField.class).id("campaign-rule-0-pattern").isReadOnly());
        assertTrue($(Select.class).id("campaign-channel-0").isReadOnly());
        PortalSession employee = PortalSession.current().orElseThrow();
        assertThrows(SettingsEditor.NotPortalAdmin.class, () -> data.saveRules(employee,
                new CampaignRules(List.of(new CampaignRule(MatchKind.EQUALS, "summer_sale", SPRING)))));
        assertThrows(SettingsEditor.NotPortalAdmin.class, () -> data.setChannel(employee, SPRING, "vk"));
        assertEquals(CampaignMapping.NONE, campaigns.mapping(salon.memberId));
    }

    @Test
    void anotherPortalsCampaignsAndMappingAreOutOfReach() {
        SeededPortal attacker = new SeededPortal(InstallationStatus.INSTALLED).withCampaigns();
        SeededPortal victim = new SeededPortal(InstallationStatus.INSTALLED).withCampaigns();
        campaigns.setChannel(victim.memberId, PEDICURE, "instagram");
        attacker.openInThisSession(PortalSession.RUSSIAN);

        UI.getCurrent().navigate("campaigns", QueryParameters.simple(Map.of("member_id", victim.memberId)));

        assertEquals("ВКонтакте", cell(grid(), 2, "channel"), "the attacker's own mapping, not the victim's");
        test($(Select.class).id("campaign-channel-0")).selectItem("Instagram");
        assertEquals(Map.of(SPRING, "instagram"), campaigns.mapping(attacker.memberId).channels());
        assertEquals(Map.of(PEDICURE, "instagram"), campaigns.mapping(victim.memberId).channels());
    }

    @Test
    void inEnglish() {
        new SeededPortal(InstallationStatus.INSTALLED).withCampaigns().openInThisSession(Locale.ENGLISH);
        UI.getCurrent().setLocale(Locale.ENGLISH);

        navigate(CampaignsView.class);

        assertEquals("Педикюр (VK Ads)", cell(grid(), 2, "campaign"), "names are the ad account's own");
        assertEquals("Campaign", $(Grid.class).id("campaigns").getColumnByKey("campaign").getHeaderText());
    }
}
