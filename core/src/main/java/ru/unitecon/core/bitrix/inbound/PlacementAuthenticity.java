package ru.unitecon.core.bitrix.inbound;

import ru.unitecon.core.bitrix.oauth.AppInstallInfo;
import ru.unitecon.core.bitrix.oauth.OAuthError;
import ru.unitecon.core.bitrix.oauth.OAuthServer;
import ru.unitecon.core.bitrix.oauth.UntrustedOAuthServer;

import java.util.Objects;

/**
 * Confirms a placement or install-page POST, or an event's user token: the OAuth server's {@code app.info} must
 * say that the access token was issued to our app, for the {@code member_id} and {@code DOMAIN} the request names.
 * DOMAIN and member_id alone prove nothing; anyone can post them. Nor does a confirmed token prove more than that
 * some user of that portal holds it: see {@link NotAdministrator}.
 */
public final class PlacementAuthenticity {
    private final OAuthServer oauth;

    public PlacementAuthenticity(OAuthServer oauth) {
        this.oauth = Objects.requireNonNull(oauth, "oauth");
    }

    /**
     * @return what the OAuth server knows about the installation
     * @throws ForgedRequest when the token is not live or belongs to another app or portal
     */
    public AppInstallInfo verify(PlacementRequest request) {
        return verify(request.serverEndpoint(), request.accessToken(), request.memberId(), request.domain());
    }

    /**
     * The same check for any access token that claims a portal, such as the acting user's in an event.
     *
     * @param serverEndpoint the OAuth server the request names, used only if it is one of the trusted ones
     * @throws ForgedRequest when the token is not live or belongs to another app or portal
     */
    public AppInstallInfo verify(String serverEndpoint, String accessToken, String memberId, String domain) {
        AppInstallInfo info;
        try {
            info = oauth.appInfo(serverEndpoint, accessToken);
        } catch (OAuthError e) {
            throw new ForgedRequest("access token refused by the OAuth server: " + e.errorCode());
        } catch (UntrustedOAuthServer e) {
            throw new ForgedRequest("server_endpoint is not a Bitrix24 OAuth server");
        }
        if (!info.confirms(oauth.credentials().clientId(), memberId, domain)) {
            throw new ForgedRequest("access token does not belong to this app and portal");
        }
        return info;
    }
}
