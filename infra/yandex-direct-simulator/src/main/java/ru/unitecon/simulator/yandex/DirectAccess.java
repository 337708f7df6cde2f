package ru.unitecon.simulator.yandex;

import java.util.Locale;
import java.util.Optional;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who a Reports request acts for: the token's user ("Authorization: Bearer"), the app's Direct API access, and for an
 * agency the client named in Client-Login ("HTTP headers", "For agencies"). Logins compare ignoring case, as Yandex
 * logins do.
 */
final class DirectAccess {
    private final YandexTokenRegistry tokens;
    private final Map<String, DirectAdvertiser> advertisers = new ConcurrentHashMap<>();
    private final Map<String, DirectAgency> agencies = new ConcurrentHashMap<>();

    DirectAccess(YandexTokenRegistry tokens) {
        this.tokens = tokens;
    }

    void add(DirectAdvertiser advertiser) {
        advertisers.put(key(advertiser.login()), advertiser);
    }

    void add(DirectAgency agency) {
        agency.clientLogins().forEach(client -> {
            if (!advertisers.containsKey(key(client))) {
                throw new IllegalArgumentException("add the agency's client " + client + " as an advertiser first");
            }
        });
        agencies.put(key(agency.login()), agency);
    }

    DirectAdvertiser advertiser(String login) {
        DirectAdvertiser advertiser = advertisers.get(key(login));
        if (advertiser == null) {
            throw new IllegalArgumentException("no advertiser " + login);
        }
        return advertiser;
    }

    /**
     * Clients.get's rule ("For agencies"): Client-Login may be left out, and then an agency reads itself. Empty means
     * the agency itself; otherwise the advertiser as {@link #advertiserFor} decides it.
     */
    Optional<DirectAdvertiser> clientFor(String authorization, String clientLogin) {
        YandexTokenRegistry.AccessToken token = authorized(authorization);
        if (agencies.containsKey(key(token.login())) && (clientLogin == null || clientLogin.isBlank())) {
            return Optional.empty();
        }
        return Optional.of(advertiserFor(authorization, clientLogin));
    }

    DirectAdvertiser advertiserFor(String authorization, String clientLogin) {
        YandexTokenRegistry.AccessToken token = authorized(authorization);
        DirectAgency agency = agencies.get(key(token.login()));
        if (agency != null) {
            if (clientLogin == null || clientLogin.isBlank()) {
                throw DirectApiError.badRequest(DirectApiError.Code.INVALID_REQUEST,
                        "Client-Login must name the advertiser in requests on behalf of an agency");
            }
            if (agency.clientLogins().stream().noneMatch(client -> client.equalsIgnoreCase(clientLogin.trim()))) {
                throw DirectApiError.badRequest(DirectApiError.Code.NO_RIGHTS, "The advertiser is not a client of the agency");
            }
            return advertiser(clientLogin.trim());
        }
        DirectAdvertiser own = advertisers.get(key(token.login()));
        if (own == null) {
            throw DirectApiError.badRequest(DirectApiError.Code.NOT_A_DIRECT_USER, "The user has no Yandex Direct account");
        }
        if (clientLogin != null && !clientLogin.isBlank() && !clientLogin.trim().equalsIgnoreCase(own.login())) {
            throw DirectApiError.badRequest(DirectApiError.Code.NO_RIGHTS, "No access to the advertiser " + clientLogin.trim());
        }
        return own;
    }

    private YandexTokenRegistry.AccessToken authorized(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw unauthorized(DirectApiError.Code.AUTHORIZATION_ERROR, "OAuth token is missing");
        }
        YandexTokenRegistry.AccessToken token = tokens.valid(authorization.substring(7).trim());
        if (token == null) {
            throw unauthorized(DirectApiError.Code.AUTHORIZATION_ERROR, "Invalid OAuth token");
        }
        YandexOAuthApp app = tokens.app(token.clientId());
        if (app == null || !app.directApiAccessApproved()) {
            throw unauthorized(DirectApiError.Code.INCOMPLETE_REGISTRATION, "The app's request for API access is not approved");
        }
        return token;
    }

    // The Reports service answers every error, authorization ones included, with HTTP 400 ("Response codes").
    private static DirectApiError unauthorized(DirectApiError.Code code, String detail) {
        return DirectApiError.badRequest(code, detail);
    }

    private static String key(String login) {
        return login.toLowerCase(Locale.ROOT);
    }
}
