package ru.unitecon.ui.views;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.QueryParameters;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import ru.unitecon.core.attribution.LeadSource;
import ru.unitecon.core.portal.InstallationStatus;
import ru.unitecon.ui.TestInfrastructure;
import ru.unitecon.ui.entry.PortalSession;

import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static ru.unitecon.ui.views.SeededPortal.FEBRUARY;
import static ru.unitecon.ui.views.SeededPortal.MARCH;

@SpringBootTest
@Import(TestInfrastructure.class)
@ViewPackages(packages = "ru.unitecon.ui.views")
class ClientCardViewTest extends SpringBrowserlessTest {

    /** Contact 105: an Instagram lead of 7 February (campaign "spring"), orders of 2 500 ₽ and 1 500 ₽. */
    private static SeededPortal salon() {
        return new SeededPortal(InstallationStatus.INSTALLED)
                .lead(1, FEBRUARY, 7, LeadSource.ofUtm("instagram", "cpc", "spring"), 105L)
                .wonDeal(5, FEBRUARY, 9, 105, 1, "2500")
                .wonDeal(6, MARCH, 10, 105, 1, "1500");
    }

    @Test
    void theContactsClientReadsAsTheOwnerWouldCheckIt() {
        salon().openInThisSession(PortalSession.RUSSIAN);

        open("contact", "105");

        assertEquals("Активный клиент", shown("client-status"));
        assertEquals("Instagram", shown("client-channel"));
        assertEquals("spring", shown("client-campaign"));
        assertEquals("2", shown("client-orders"));
        assertEquals("4 000 ₽", shown("client-revenue"));
        assertEquals("4 000 ₽", shown("client-ltv"), "no variable cost by default");
        assertEquals("0", shown("client-noShows"));
        assertEquals("не записан", shown("client-nextVisit"));
    }

    @Test
    void aDealsTabShowsTheClientOfItsContact() {
        salon().openInThisSession(PortalSession.RUSSIAN);

        open("deal", "5");

        assertEquals("4 000 ₽", shown("client-revenue"));
    }

    @Test
    void aRecordOfAnotherPortalOrNoRecordAtAllIsNotFound() {
        salon();
        new SeededPortal(InstallationStatus.INSTALLED).openInThisSession(PortalSession.RUSSIAN);

        open("contact", "105");
        assertTrue($(Paragraph.class).id("client-unknown").isVisible());
        open("contact", "abc");
        assertTrue($(Paragraph.class).id("client-unknown").isVisible());
    }

    @Test
    void anEnglishPortalReadsEnglish() {
        salon().openInThisSession(Locale.ENGLISH);
        UI.getCurrent().setLocale(Locale.ENGLISH);

        open("contact", "105");

        assertEquals("Active client", shown("client-status"));
        assertEquals("RUB 4,000", shown("client-revenue"));
    }

    private void open(String parameter, String id) {
        UI.getCurrent().navigate(ClientCardView.class, QueryParameters.simple(Map.of(parameter, id)));
    }

    private String shown(String id) {
        return $(Span.class).id(id).getText().replace('\u00a0', ' ').replace('\u202f', ' ');
    }
}
