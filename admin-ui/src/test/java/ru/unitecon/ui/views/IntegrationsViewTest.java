package ru.unitecon.ui.views;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.WrappedHttpSession;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import ru.unitecon.core.access.BearerCredential;
import ru.unitecon.core.access.SecretKind;
import ru.unitecon.core.portal.InstallationStatus;
import ru.unitecon.core.store.SecretStore;
import ru.unitecon.testsupport.LocalDynamo;
import ru.unitecon.ui.TestInfrastructure;
import ru.unitecon.ui.entry.PortalSession;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@SpringBootTest(properties = "unitecon.api-url=https://api.salon.test/")
@Import(TestInfrastructure.class)
@ViewPackages(packages = "ru.unitecon.ui.views")
class IntegrationsViewTest extends SpringBrowserlessTest {
    private static final String API = "https://api.salon.test";

    private final SecretStore secrets = LocalDynamo.app().secrets();

    private SeededPortal open(boolean admin) {
        SeededPortal salon = new SeededPortal(InstallationStatus.INSTALLED);
        WrappedHttpSession session = (WrappedHttpSession) VaadinSession.getCurrent().getSession();
        new PortalSession(salon.memberId, salon.domain, "https://" + salon.domain, PortalSession.RUSSIAN, admin,
                admin ? 1 : 7)
                .bindTo(session.getHttpSession());
        navigate(IntegrationsView.class);
        return salon;
    }

    @Test
    void anAdminCreatesABiUrlShownOnceThatOpensThisPortalsExport() {
        SeededPortal salon = open(true);
        assertEquals("Не создан", $(Span.class).id("bi-state").getText());

        test($(Button.class).id("bi-create")).click();

        String url = $(TextField.class).id("bi-url").getValue();
        String prefix = API + "/bi/" + salon.memberId + "/";
        assertTrue(url.startsWith(prefix) && url.endsWith(".csv"), url);
        String secret = url.substring(prefix.length(), url.length() - ".csv".length());
        assertTrue(secrets.verify(salon.memberId, SecretKind.BI_EXPORT, secret));
        assertTrue($(Pre.class).id("bi-example").getText().contains("=IMPORTDATA(\"" + url + "\")"));

        navigate(OverviewView.class);
        navigate(IntegrationsView.class);
        assertFalse($(TextField.class).withId("bi-url").exists());
        assertTrue($(Span.class).id("bi-state").getText().startsWith("Действует"));
    }

    @Test
    void anAdminRevokesTheBiUrl() {
        SeededPortal salon = open(true);
        test($(Button.class).id("bi-create")).click();
        String url = $(TextField.class).id("bi-url").getValue();

        test($(Button.class).id("bi-revoke")).click();

        String secret = url.substring(url.lastIndexOf('/') + 1, url.length() - ".csv".length());
        assertFalse(secrets.verify(salon.memberId, SecretKind.BI_EXPORT, secret));
        assertEquals(Optional.empty(), secrets.createdAt(salon.memberId, SecretKind.BI_EXPORT));
        assertEquals("Не создан", $(Span.class).id("bi-state").getText());
    }

    @Test
    void anAdminCreatesASpendTokenWithCurlExamples() {
        SeededPortal salon = open(true);

        test($(Button.class).id("spend-create")).click();

        String shown = $(TextField.class).id("spend-token").getValue();
        BearerCredential credential = BearerCredential.parse("Bearer " + shown).orElseThrow();
        assertEquals(salon.memberId, credential.memberId());
        assertTrue(secrets.verify(salon.memberId, SecretKind.SPEND_API, credential.secret()));
        String examples = $(Pre.class).id("spend-example").getText();
        assertTrue(examples.contains("curl -X POST '" + API + "/spend'"), examples);
        assertTrue(examples.contains("Authorization: Bearer " + shown), examples);
        assertTrue(examples.contains("application/json") && examples.contains("text/csv"), examples);
    }

    @Test
    void someoneWhoIsNoAdminSeesTheStateButCannotCreateOrRevoke() {
        SeededPortal salon = new SeededPortal(InstallationStatus.INSTALLED);
        secrets.create(salon.memberId, SecretKind.SPEND_API);
        WrappedHttpSession session = (WrappedHttpSession) VaadinSession.getCurrent().getSession();
        new PortalSession(salon.memberId, salon.domain, "https://" + salon.domain, PortalSession.RUSSIAN, false, 7)
                .bindTo(session.getHttpSession());

        navigate(IntegrationsView.class);

        assertTrue($(Paragraph.class).id("integrations-admin-only").isVisible());
        assertTrue($(Span.class).id("spend-state").getText().startsWith("Действует"));
        for (String id : new String[] {"bi-create", "spend-create", "spend-revoke"}) {
            Button button = $(Button.class).id(id);
            assertFalse(button.isEnabled(), id);
            // A click forged by the client reaches the listener only if the button is enabled; force it anyway.
            button.getElement().setEnabled(true);
            button.click();
        }
        assertEquals(Optional.empty(), secrets.createdAt(salon.memberId, SecretKind.BI_EXPORT));
        assertTrue(secrets.createdAt(salon.memberId, SecretKind.SPEND_API).isPresent());
        assertFalse($(TextField.class).withId("spend-token").exists());
    }
}
