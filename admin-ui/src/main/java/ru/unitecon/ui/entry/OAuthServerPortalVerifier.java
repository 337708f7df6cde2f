package ru.unitecon.ui.entry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ru.unitecon.core.bitrix.BitrixException;
import ru.unitecon.core.bitrix.oauth.AppCredentials;
import ru.unitecon.core.bitrix.oauth.AppInstallInfo;
import ru.unitecon.core.bitrix.oauth.OAuthServer;
import ru.unitecon.core.portal.Installation;
import ru.unitecon.core.portal.InstallationStatus;
import ru.unitecon.core.store.InstallationStore;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Verifies a placement POST the way Bitrix24 documents it: the OAuth server's {@code app.info}, called with the
 * POSTed AUTH_ID, must name our client_id and the very member_id and domain the POST claims, and that portal
 * must be installed here. The portal's own {@code profile} then tells whether the viewer administers it; it is
 * asked, with the viewer's token, only at an address the OAuth server vouches for: the stored one (which the
 * install took from the OAuth server) while it is on the host app.info names, else app.info's own. The OAuth
 * server asked is the one recorded for the portal at install (the install checked it against Bitrix24's servers),
 * else the configured one.
 */
public final class OAuthServerPortalVerifier implements PortalVerifier {
    private static final Logger LOG = LoggerFactory.getLogger(OAuthServerPortalVerifier.class);
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9._-]{8,512}");
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.-]{1,253}(:[0-9]{1,5})?");
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final HttpClient http;
    private final URI defaultServerEndpoint;
    private final AppCredentials credentials;
    private final InstallationStore portals;
    private final ObjectMapper json = new ObjectMapper();

    /**
     * @param defaultServerEndpoint the OAuth server's REST endpoint ({@code https://oauth.bitrix.info/rest/}),
     *                              used when the installation did not record its own
     */
    public OAuthServerPortalVerifier(HttpClient http, URI defaultServerEndpoint, AppCredentials credentials,
                                     InstallationStore portals) {
        this.http = http;
        this.defaultServerEndpoint = defaultServerEndpoint;
        this.credentials = credentials;
        this.portals = portals;
    }

    @Override
    public Verification verify(PlacementPost post) {
        if (post.authId() == null || !TOKEN.matcher(post.authId()).matches()) {
            return new Refused("no usable AUTH_ID");
        }
        if (post.domain() == null || !HOST.matcher(post.domain()).matches()) {
            return new Refused("no usable DOMAIN");
        }
        // Our own record first: a portal we do not serve costs no call, and its endpoints are the trusted ones.
        Optional<Installation> portal = portals.find(post.memberId())
                .filter(found -> found.status() != InstallationStatus.UNINSTALLED);
        if (portal.isEmpty()) {
            return new Refused("portal not installed here");
        }
        URI server = portal.get().serverEndpoint() != null ? portal.get().serverEndpoint() : defaultServerEndpoint;
        AppInstallInfo info;
        try {
            info = new OAuthServer(http, credentials, List.of(server.resolve(".."))).appInfo(server.toString(),
                    post.authId());
        } catch (BitrixException e) {
            return new Refused("app.info refused the token");
        }
        if (!credentials.clientId().equals(info.clientId())) {
            return new Refused("token issued to another application");
        }
        if (!info.confirms(credentials.clientId(), post.memberId(), post.domain())) {
            return new Refused("token belongs to another portal or DOMAIN");
        }
        if (!info.installed()) {
            return new Refused("the app is not installed on the portal");
        }
        Optional<JsonNode> profile = profile(verifiedEndpoint(portal.get(), info), post.authId());
        boolean admin = profile
                .map(viewer -> viewer.path("ADMIN").asBoolean(false) || "Y".equals(viewer.path("ADMIN").asText()))
                .orElse(false);
        long userId = profile.map(viewer -> viewer.path("ID").asLong(0)).orElse(0L);
        return new Verified(post.memberId(), info.domain().toLowerCase(Locale.ROOT), admin, userId);
    }

    /** The stored REST address if the OAuth server puts the portal on its host, else the one the OAuth server names. */
    private static URI verifiedEndpoint(Installation portal, AppInstallInfo info) {
        if (info.isOnPortal(portal.clientEndpoint())) {
            return portal.clientEndpoint();
        }
        LOG.warn("portal {}: stored REST address is not on the portal's host; using the OAuth server's",
                portal.memberId());
        return info.restEndpoint();
    }

    /** The viewer's {@code profile} from the portal, called with the viewer's own token, or empty when refused. */
    private Optional<JsonNode> profile(URI clientEndpoint, String authId) {
        URI uri = clientEndpoint.resolve("profile?auth=" + URLEncoder.encode(authId, StandardCharsets.UTF_8));
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                return Optional.empty();
            }
            JsonNode body = json.readTree(response.body());
            return body.has("result") ? Optional.of(body.get("result")) : Optional.empty();
        } catch (IOException e) {
            // The URI carries the token, so only the kind of failure is logged.
            LOG.warn("profile call to {} failed: {}", clientEndpoint.getHost(), e.getClass().getSimpleName());
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
