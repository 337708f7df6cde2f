package ru.unitecon.core.install;

import ru.unitecon.core.bitrix.inbound.ForgedRequest;
import ru.unitecon.core.bitrix.inbound.NotAdministrator;
import ru.unitecon.core.bitrix.inbound.PlacementAuthenticity;
import ru.unitecon.core.bitrix.oauth.AppInstallInfo;
import ru.unitecon.core.bitrix.oauth.OAuthServer;
import ru.unitecon.core.bitrix.rest.BitrixApiError;
import ru.unitecon.core.bitrix.rest.AdministratorQuery;

import java.util.Objects;

/**
 * Proves that an access token is an administrator's of the portal it claims, before an install, an update or a
 * new application token changes anything: the OAuth server's {@code app.info} confirms that the token is ours and
 * the portal's, and names the portal's address; the portal itself, asked at that address with the same token
 * ({@code user.admin}), confirms the rights. Any employee who opens the app holds a token that passes the first
 * step, so the second one is what keeps them from installing over the administrator.
 */
final class AdministratorCheck {
    private final PlacementAuthenticity authenticity;
    private final AdministratorQuery administrators;

    AdministratorCheck(OAuthServer oauth, AdministratorQuery administrators) {
        this.authenticity = new PlacementAuthenticity(oauth);
        this.administrators = Objects.requireNonNull(administrators, "administrators");
    }

    /**
     * @param language the portal's language from the request, for the refusal page
     * @return the installation as the OAuth server describes it; its {@link AppInstallInfo#restEndpoint()} is the
     *         address to store and call
     * @throws NotAdministrator when the portal says the token's user does not administer it
     * @throws ForgedRequest    when the OAuth server or the portal does not accept the token
     * @throws ru.unitecon.core.bitrix.rest.PortalUnavailable when the portal could not be asked
     */
    AppInstallInfo verify(String serverEndpoint, String accessToken, String memberId, String domain,
                          String language) {
        AppInstallInfo info = authenticity.verify(serverEndpoint, accessToken, memberId, domain);
        boolean administrator;
        try {
            administrator = administrators.isAdministrator(info.restEndpoint(), accessToken);
        } catch (BitrixApiError refused) {
            if (refused.httpStatus() == 401) {
                throw new ForgedRequest("the portal refused the access token: " + refused.errorCode());
            }
            if (refused.httpStatus() == 403) {
                // e.g. user_access_error: the user may not even use the app, let alone manage it.
                throw new NotAdministrator(language);
            }
            throw refused;
        }
        if (!administrator) {
            throw new NotAdministrator(language);
        }
        return info;
    }
}
