package ru.unitecon.ui.views;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.WrappedHttpSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import ru.unitecon.core.ads.AdAccount;
import ru.unitecon.core.ads.AdConnection;
import ru.unitecon.core.ads.AdPlatform;
import ru.unitecon.core.adsimport.AdConnections;
import ru.unitecon.core.portal.InstallationStatus;
import ru.unitecon.core.wiring.AdServices;
import ru.unitecon.ui.TestInfrastructure;
import ru.unitecon.ui.data.AdAccountsData;
import ru.unitecon.ui.entry.AdCallbackFilter;
import ru.unitecon.ui.entry.PortalSession;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@SpringBootTest(properties = {
        "unitecon.ads.token-key=AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=",
        "unitecon.ads.yandex-client-id=direct-app", "unitecon.ads.yandex-client-secret=direct-secret",
        "unitecon.ads.yandex-redirect-url=https://app.salon.test/app/ads/callback/direct",
        "unitecon.ads.vk-client-id=vk-app", "unitecon.ads.vk-client-secret=vk-secret",
        "unitecon.ads.vk-redirect-url=https://app.salon.test/app/ads/callback/vkads"})
@Import(TestInfrastructure.class)
@ViewPackages(packages = "ru.unitecon.ui.views")
class AdAccountsViewTest extends SpringBrowserlessTest {
    private static final AdAccount DIRECT = new AdAccount(AdPlatform.YANDEX_DIRECT, "salon-lotos");

    @Autowired
    private AdServices ads;
    @Autowired
    private AdAccountsData data;

    private PortalSession open(SeededPortal salon, boolean admin) {
        PortalSession session = new PortalSession(salon.memberId, salon.domain, "https://" + salon.domain,
                PortalSession.RUSSIAN, admin, admin ? 1 : 7);
        session.bindTo(((WrappedHttpSession) VaadinSession.getCurrent().getSession()).getHttpSession());
        navigate(IntegrationsView.class);
        return session;
    }

    /** A connection as the scheduler left it after the platform refused its token. */
    private void connected(SeededPortal salon) {
        AdConnection refused = new AdConnection(DIRECT, false, 1, TestInfrastructure.NOW,
                ru.unitecon.core.ads.ConnectionState.RECONNECT, TestInfrastructure.NOW, TestInfrastructure.NOW, 42,
                LocalDate.of(2026, 3, 19), "Direct error 53 Authorization error");
        ads.connections().save(salon.memberId, refused, new byte[] {1, 2, 3});
    }

    @Test
    void everyoneSeesEachConnectionsStateLastImportAndErrorButOnlyAnAdminMayConnectOrDisconnect() {
        SeededPortal salon = new SeededPortal(InstallationStatus.INSTALLED);
        connected(salon);

        PortalSession employee = open(salon, false);

        assertEquals("Нужно подключить заново", $(Span.class).id("ads-direct-salon-lotos-state").getText());
        assertTrue($(Span.class).id("ads-direct-salon-lotos-import").getText().contains("строк: 42"));
        assertTrue($(Span.class).id("ads-direct-salon-lotos-error").getText().contains("53"));
        assertFalse($(Button.class).withId("ads-connect-direct").exists());
        assertFalse($(Button.class).withId("ads-connect-vkads").exists());
        assertFalse($(Button.class).withId("ads-direct-salon-lotos-disconnect").exists());
        assertThrows(AdConnections.NotAdministrator.class, () -> data.disconnect(employee, DIRECT));
        assertThrows(AdConnections.NotAdministrator.class,
                () -> data.start(employee, AdPlatform.YANDEX_DIRECT, null));
        assertEquals(1, data.list(employee).size());
    }

    @Test
    void anAdminDisconnectsAnAccountAndItsTokensAreGone() {
        SeededPortal salon = new SeededPortal(InstallationStatus.INSTALLED);
        connected(salon);
        open(salon, true);

        test($(Button.class).id("ads-direct-salon-lotos-disconnect")).click();

        assertTrue(ads.connections().find(salon.memberId, DIRECT).isEmpty());
        assertFalse($(Span.class).withId("ads-direct-salon-lotos-state").exists());
    }

    @Test
    void anAdminStartsADirectAgencyConnectionAndTheCallbackRefusesAForgedOrReplayedState() throws Exception {
        SeededPortal salon = new SeededPortal(InstallationStatus.INSTALLED);
        PortalSession admin = open(salon, true);
        test($(TextField.class).id("ads-direct-client-login")).setValue("barber-bor");
        test($(Button.class).id("ads-connect-direct")).click();

        URI consent = data.start(admin, AdPlatform.YANDEX_DIRECT, "barber-bor");
        assertTrue(consent.toString().startsWith("https://oauth.yandex.ru/authorize?"), consent.toString());
        String state = URLDecoder.decode(consent.getRawQuery().replaceAll(".*state=([^&]*).*", "$1"),
                StandardCharsets.UTF_8);
        assertTrue(state.startsWith(salon.memberId + "."));

        AdCallbackFilter callback = new AdCallbackFilter(ads.connecting());
        MockHttpServletResponse forged = call(callback, salon.memberId + "." + "B".repeat(43), "a-code", null);
        assertEquals(403, forged.getStatus());
        MockHttpServletResponse refusedByUser = call(callback, state, null, "access_denied");
        assertEquals(403, refusedByUser.getStatus());
        assertTrue(refusedByUser.getContentAsString().contains("access was not granted"));
        MockHttpServletResponse replayed = call(callback, state, "a-code", null);
        assertEquals(403, replayed.getStatus(), "the state was used by the refusal");
        assertTrue(ads.connections().list(salon.memberId).isEmpty());
        assertFalse(replayed.getContentAsString().contains("a-code"));
    }

    private static MockHttpServletResponse call(AdCallbackFilter callback, String state, String code, String error)
            throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", AdCallbackFilter.PATH + "direct");
        request.setParameter("state", state);
        if (code != null) {
            request.setParameter("code", code);
        }
        if (error != null) {
            request.setParameter("error", error);
        }
        MockHttpServletResponse response = new MockHttpServletResponse();
        callback.doFilter(request, response, new MockFilterChain());
        return response;
    }
}
