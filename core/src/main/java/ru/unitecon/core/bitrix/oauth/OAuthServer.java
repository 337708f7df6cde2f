package ru.unitecon.core.bitrix.oauth;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ru.unitecon.core.bitrix.CallInterrupted;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Client of the Bitrix24 OAuth server: refreshes token pairs and asks {@code app.info} who a token belongs to.
 * Portals name their OAuth server ({@code server_endpoint}); it is used when it is one of the trusted servers,
 * since requests to it carry our client secret and its answers vouch for tokens.
 */
public final class OAuthServer {
    public static final URI WEST = URI.create("https://oauth.bitrix.info/");
    public static final URI EAST = URI.create("https://oauth.bitrix24.tech/");
    static final String USER_AGENT = "unit-economics-b24/1.0";

    private static final Logger LOG = LoggerFactory.getLogger(OAuthServer.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private final HttpClient http;
    private final AppCredentials credentials;
    private final List<URI> trustedServers;

    /** Trusts the two Bitrix24 OAuth servers, the west one being the default. */
    public OAuthServer(HttpClient http, AppCredentials credentials) {
        this(http, credentials, List.of(WEST, EAST));
    }

    /** @param trustedServers OAuth server base URLs, the first being used when a portal names none */
    public OAuthServer(HttpClient http, AppCredentials credentials, List<URI> trustedServers) {
        this.http = Objects.requireNonNull(http, "http");
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        if (trustedServers.isEmpty()) {
            throw new IllegalArgumentException("at least one OAuth server is needed");
        }
        this.trustedServers = trustedServers.stream().map(OAuthServer::withSlash).toList();
    }

    public AppCredentials credentials() {
        return credentials;
    }

    /**
     * Exchanges a refresh token for a new pair.
     *
     * @param serverEndpoint the portal's {@code server_endpoint} (e.g. {@code https://oauth.bitrix.info/rest/}),
     *                       or null for the default server
     * @throws InvalidGrant  when the refresh token is no longer valid
     * @throws InvalidClient when our credentials are refused
     */
    public TokenGrant refresh(String serverEndpoint, String refreshToken) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("grant_type", "refresh_token");
        query.put("client_id", credentials.clientId());
        query.put("client_secret", credentials.clientSecret());
        query.put("refresh_token", refreshToken);
        JsonNode body = get("token refresh", base(serverEndpoint).resolve("oauth/token/?" + encode(query)));
        String error = body.path("error").asText("");
        if (!error.isEmpty()) {
            throw switch (error) {
                case "invalid_grant", "bad_verification_code" -> new InvalidGrant(error);
                case "invalid_client" -> new InvalidClient("token refresh");
                default -> new OAuthError(error, "token refresh");
            };
        }
        String access = text(body, "access_token");
        String refresh = text(body, "refresh_token");
        long expires = body.path("expires").asLong(0);
        if (access == null || refresh == null || expires <= 0) {
            throw new OAuthError("invalid_response", "token refresh");
        }
        return new TokenGrant(access, refresh, Instant.ofEpochSecond(expires), text(body, "client_endpoint"),
                text(body, "server_endpoint"), text(body, "member_id"), text(body, "scope"));
    }

    /**
     * Asks the OAuth server which app and installation an access token belongs to.
     *
     * @throws OAuthError with the server's code (e.g. {@code expired_token}) when the token is not live
     */
    public AppInstallInfo appInfo(String serverEndpoint, String accessToken) {
        URI uri = base(serverEndpoint).resolve("rest/app.info?" + encode(Map.of("auth", accessToken)));
        JsonNode body = get("app.info", uri);
        String error = body.path("error").asText("");
        if (!error.isEmpty()) {
            throw error.equals("invalid_client") ? new InvalidClient("app.info") : new OAuthError(error, "app.info");
        }
        JsonNode result = body.path("result");
        JsonNode install = result.path("install");
        if (!result.isObject() || !install.isObject()) {
            throw new OAuthError("invalid_response", "app.info");
        }
        long userId = result.path("user_id").asLong(0);
        return new AppInstallInfo(text(result, "client_id"), text(install, "member_id"), text(install, "domain"),
                isYes(install.path("installed")), text(install, "client_endpoint"), text(install, "status"),
                userId > 0 ? userId : null);
    }

    /** The OAuth server base for a portal's {@code server_endpoint}: its URL without the trailing {@code rest/}. */
    URI base(String serverEndpoint) {
        if (serverEndpoint == null || serverEndpoint.isBlank()) {
            return trustedServers.getFirst();
        }
        String endpoint;
        try {
            endpoint = withSlash(URI.create(serverEndpoint.strip())).toString();
        } catch (IllegalArgumentException e) {
            throw new UntrustedOAuthServer();
        }
        if (endpoint.endsWith("/rest/")) {
            endpoint = endpoint.substring(0, endpoint.length() - "rest/".length());
        }
        URI candidate = URI.create(endpoint);
        return trustedServers.stream().filter(candidate::equals).findFirst()
                .orElseThrow(UntrustedOAuthServer::new);
    }

    private JsonNode get(String operation, URI uri) {
        HttpRequest request = HttpRequest.newBuilder(uri).GET().timeout(TIMEOUT)
                .header("User-Agent", USER_AGENT).header("Accept", "application/json").build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            LOG.warn("{}: OAuth server unreachable ({})", operation, e.getClass().getSimpleName());
            throw new OAuthServerUnavailable(operation, e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CallInterrupted(operation);
        }
        if (response.statusCode() >= 500) {
            LOG.warn("{}: OAuth server answered {}", operation, response.statusCode());
            throw new OAuthServerUnavailable(operation, "HTTP " + response.statusCode());
        }
        try {
            JsonNode body = JSON.readTree(response.body());
            if (body == null || !body.isObject()) {
                throw new OAuthError("invalid_response", operation);
            }
            if (body.has("error")) {
                LOG.info("{}: OAuth server refused with {}", operation, body.path("error").asText(""));
            }
            return body;
        } catch (JacksonException e) {
            throw new OAuthError("invalid_response", operation);
        }
    }

    private static boolean isYes(JsonNode node) {
        return node.isBoolean() ? node.asBoolean() : switch (node.asText("").strip().toUpperCase(Locale.ROOT)) {
            case "Y", "1", "TRUE" -> true;
            default -> false;
        };
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (value.isMissingNode() || value.isNull()) {
            return null;
        }
        String text = value.asText("");
        return text.isBlank() ? null : text;
    }

    private static String encode(Map<String, String> query) {
        return query.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static URI withSlash(URI uri) {
        String text = uri.toString();
        return text.endsWith("/") ? uri : URI.create(text + "/");
    }
}
