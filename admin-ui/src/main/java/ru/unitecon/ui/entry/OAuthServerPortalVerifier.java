package ru.unitecon.ui.entry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ru.unitecon.core.portal.PortalInstallation;
import ru.unitecon.core.portal.PortalStatus;
import ru.unitecon.core.store.PortalStore;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Verifies a placement POST the way Bitrix24 documents it: the OAuth server's {@code app.info}, called with the
 * POSTed AUTH_ID, must name our client_id and the very member_id and domain the POST claims, and that portal
 * must be installed here. The portal's own {@code profile} then tells whether the viewer administers it.
 */
public final class OAuthServerPortalVerifier implements PortalVerifier {
    private static final Logger LOG = LoggerFactory.getLogger(OAuthServerPortalVerifier.class);
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9._-]{8,512}");
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.-]{1,253}(:[0-9]{1,5})?");
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final HttpClient http;
    private final URI defaultServerEndpoint;
    private final String clientId;
    private final PortalStore portals;
    private final ObjectMapper json = new ObjectMapper();

    /**
     * @param defaultServerEndpoint the OAuth server's REST endpoint ({@code https://oauth.bitrix.info/rest/}),
     *                              used when the installation did not record its own
     */
    public OAuthServerPortalVerifier(HttpClient http, URI defaultServerEndpoint, String clientId,
                                     PortalStore portals) {
        this.http = http;
        this.defaultServerEndpoint = defaultServerEndpoint;
        this.clientId = clientId;
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
        Optional<PortalInstallation> portal = portals.find(post.memberId())
                .filter(found -> found.status() != PortalStatus.UNINSTALLED);
        if (portal.isEmpty()) {
            return new Refused("portal not installed here");
        }
        URI server = portal.get().serverEndpoint() != null ? portal.get().serverEndpoint() : defaultServerEndpoint;
        Optional<JsonNode> appInfo = call(server, "app.info", post.authId());
        if (appInfo.isEmpty()) {
            return new Refused("app.info refused the token");
        }
        JsonNode result = appInfo.get();
        JsonNode install = result.path("install");
        if (!clientId.equals(result.path("client_id").asText())) {
            return new Refused("token issued to another application");
        }
        if (!post.memberId().equals(install.path("member_id").asText())) {
            return new Refused("token belongs to another portal");
        }
        if (!post.domain().toLowerCase(Locale.ROOT).equals(install.path("domain").asText().toLowerCase(Locale.ROOT))) {
            return new Refused("DOMAIN is not the token's portal");
        }
        if (!isTrue(install.path("installed"))) {
            return new Refused("the app is not installed on the portal");
        }
        boolean admin = call(portal.get().clientEndpoint(), "profile", post.authId())
                .map(profile -> isTrue(profile.path("ADMIN"))).orElse(false);
        return new Verified(post.memberId(), install.path("domain").asText().toLowerCase(Locale.ROOT), admin);
    }

    /** The {@code result} of a REST method called with the user's token, or empty when refused or unreachable. */
    private Optional<JsonNode> call(URI endpoint, String method, String authId) {
        URI uri = endpoint.resolve(method + "?auth=" + URLEncoder.encode(authId, StandardCharsets.UTF_8));
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
            LOG.warn("{} call to the {} failed: {}", method, endpoint.getHost(), e.getClass().getSimpleName());
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private static boolean isTrue(JsonNode value) {
        return value.asBoolean(false) || "Y".equals(value.asText());
    }
}
