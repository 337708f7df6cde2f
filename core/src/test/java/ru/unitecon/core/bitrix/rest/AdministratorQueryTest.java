package ru.unitecon.core.bitrix.rest;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import ru.unitecon.core.bitrix.SimulatedInstallation;

import java.net.URI;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code user.admin} on the simulated portal, called with each user's own token. */
class AdministratorQueryTest {
    private final SimulatedInstallation installed = SimulatedInstallation.start();
    private final AdministratorQuery administrators = new AdministratorQuery(BitrixRestClient.newHttpClient());

    @AfterEach
    void portalSawOnlyWellFormedCalls() {
        installed.closeAfterCheckingCalls();
    }

    @Test
    void thePortalsAdministratorIsOne() {
        String token = installed.portal.issueTokens(installed.portal.seed().dataset().adminUserId()).accessToken();

        assertTrue(administrators.isAdministrator(installed.portal.clientEndpoint(), token));
        assertEquals(1, installed.portal.calls().count("user.admin"));
    }

    @Test
    void anEmployeeWhoOpenedTheAppIsNot() {
        String token = installed.portal.issueTokens(installed.portal.employeeUserId()).accessToken();

        assertFalse(administrators.isAdministrator(installed.portal.clientEndpoint(), token));
    }

    @Test
    void aTokenThePortalDoesNotKnowIsRefusedWithItsCode() {
        BitrixApiError error = assertThrows(BitrixApiError.class, () -> administrators.isAdministrator(
                installed.portal.clientEndpoint(), "0123456789abcdef0123456789abcdef"));

        assertEquals(401, error.httpStatus());
        assertEquals("invalid_token", error.errorCode());
    }

    @Test
    void aRedirectIsNotFollowedWithTheToken() {
        URI before = installed.portal.clientEndpoint();
        installed.portal.rename();
        String token = installed.portal.issueTokens(installed.portal.seed().dataset().adminUserId()).accessToken();

        assertThrows(PortalUnavailable.class, () -> administrators.isAdministrator(before, token));
        assertEquals(0, installed.portal.calls().count("user.admin"));
    }

    @Test
    void anUnreachablePortalIsUnavailable() {
        assertThrows(PortalUnavailable.class, () -> administrators.isAdministrator(
                URI.create("http://127.0.0.1:9/rest/"), "0123456789abcdef0123456789abcdef"));
    }
}
