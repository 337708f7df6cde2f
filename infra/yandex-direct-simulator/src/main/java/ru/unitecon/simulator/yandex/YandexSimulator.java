package ru.unitecon.simulator.yandex;

import ru.unitecon.simulator.loopback.FaultSchedule;
import ru.unitecon.simulator.loopback.LoopbackServer;
import ru.unitecon.simulator.loopback.RequestLog;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Yandex on loopback: Yandex OAuth ({@link #oauthUrl()}: {@code authorize}, {@code token}, {@code revoke_token}) and
 * the Direct API ({@link #reportsUrl()}, {@link #clientsUrl()}), each on its own port. Accounts, apps, consent, faults and the clock are set
 * by tests through this class. Close it to stop both servers.
 */
public final class YandexSimulator implements AutoCloseable {
    /** The paths faults can be injected on. */
    public enum Endpoint {
        AUTHORIZE("/authorize"), TOKEN("/token"), REVOKE_TOKEN("/revoke_token"), REPORTS(ReportsHandler.PATH), CLIENTS(ClientsHandler.PATH);

        private final String path;

        Endpoint(String path) {
            this.path = path;
        }

        public String path() {
            return path;
        }
    }

    /** Thrown inside a handler to answer an injected server error with a bare status. */
    static final class InjectedServerError extends RuntimeException {
        private final int status;

        InjectedServerError(int status) {
            super(null, null, false, false);
            this.status = status;
        }

        int status() {
            return status;
        }
    }

    private final YandexSimulatorOptions options;
    private final YandexTokenRegistry tokens;
    private final DirectAccess directAccess;
    private final RequestLog requests = new RequestLog();
    private final List<ReportViolation> violations = new CopyOnWriteArrayList<>();
    private final FaultSchedule<YandexFault> faults = new FaultSchedule<>();
    private final LoopbackServer oauthServer;
    private final LoopbackServer apiServer;
    private volatile String signedInLogin;

    private YandexSimulator(YandexSimulatorOptions options) {
        this.options = options;
        this.tokens = new YandexTokenRegistry(options);
        this.directAccess = new DirectAccess(tokens);
        this.oauthServer = LoopbackServer.start(new YandexOAuthHandler(this, tokens));
        ReportsHandler reports = new ReportsHandler(this, ReportParameterTable.bundled(), new OfflineReports(options));
        ClientsHandler clients = new ClientsHandler(this);
        this.apiServer = LoopbackServer.start(exchange ->
                (exchange.getRequestURI().getPath().equals(ClientsHandler.PATH) ? clients : reports).handle(exchange));
    }

    public static YandexSimulator start(YandexSimulatorOptions options) {
        return new YandexSimulator(options);
    }

    /** Yandex OAuth's base URL; the app sends users to {@code {this}authorize} and posts to {@code {this}token}. */
    public URI oauthUrl() {
        return oauthServer.baseUrl();
    }

    /** The Direct API's base URL, where {@code json/v5/reports} lives. */
    public URI apiUrl() {
        return apiServer.baseUrl();
    }

    public URI reportsUrl() {
        return apiServer.baseUrl().resolve(ReportsHandler.PATH.substring(1));
    }

    /** The Clients service, for the account's currency ({@code Clients.get} with FieldNames Currency). */
    public URI clientsUrl() {
        return apiServer.baseUrl().resolve(ClientsHandler.PATH.substring(1));
    }

    /** Adds every advertiser and agency of a dataset. */
    public YandexSimulator load(DirectDataset dataset) {
        dataset.advertisers().forEach(directAccess::add);
        dataset.agencies().forEach(directAccess::add);
        return this;
    }

    public void addAdvertiser(DirectAdvertiser advertiser) {
        directAccess.add(advertiser);
    }

    public void addAgency(DirectAgency agency) {
        directAccess.add(agency);
    }

    /** The advertiser's account, to read its raw statistics or correct a past day. */
    public DirectAdvertiser advertiser(String login) {
        return directAccess.advertiser(login);
    }

    public void registerApp(YandexOAuthApp app) {
        tokens.register(app);
    }

    /**
     * The Yandex user signed in in the browser that opens {@code authorize}: the confirmation page then grants the app
     * access as this user. Null plays a user who refuses ({@code error=access_denied}).
     */
    public void signIn(String login) {
        signedInLogin = login;
    }

    Optional<String> consent() {
        return Optional.ofNullable(signedInLogin);
    }

    /** A token pair as if the user had gone through the authorization-code flow. */
    public IssuedYandexTokens issueTokens(String clientId, String login) {
        if (tokens.app(clientId) == null) {
            throw new IllegalArgumentException("no app " + clientId);
        }
        return tokens.issue(clientId, login, null);
    }

    /** The user revokes the app's access on the "Data access rights" page. */
    public void revokeUserAccess(String login, String clientId) {
        tokens.revokeUserAccess(login, clientId);
    }

    /** The user changes the password (or logs out everywhere): every token of the account stops working. */
    public void changePassword(String login) {
        tokens.revokeEverythingOf(login);
    }

    /** Every access token issued so far expires now; refresh tokens still work. */
    public void expireAllAccessTokens() {
        tokens.expireAllAccessTokens();
    }

    /**
     * The faults to play, by path ({@link Endpoint#path()}): for the next N requests or
     * {@link FaultSchedule#UNTIL_CLEARED}; also releases and counts requests held by {@link YandexFault#HANG}.
     */
    public FaultSchedule<YandexFault> faults() {
        return faults;
    }

    /** Every request both servers answered; Authorization headers, secrets, codes and tokens are redacted. */
    public RequestLog requests() {
        return requests;
    }

    /** Every way a Reports request broke the parameter table so far. */
    public List<ReportViolation> violations() {
        return List.copyOf(violations);
    }

    public YandexSimulatorOptions options() {
        return options;
    }

    Instant now() {
        return options.clock().instant();
    }

    DirectAccess directAccess() {
        return directAccess;
    }

    void recordViolations(List<ReportViolation> found) {
        violations.addAll(new ArrayList<>(found));
    }

    /** The OAuth server's faults: a hang holds the request, errors answer a bare 500 or 502. */
    void playFault(String path) {
        Optional<YandexFault> fault = faults.take(path);
        if (fault.isEmpty()) {
            return;
        }
        switch (fault.get()) {
            case HANG -> faults.hold();
            case BAD_GATEWAY -> throw new InjectedServerError(502);
            default -> throw new InjectedServerError(500);
        }
    }

    /** The Direct API's faults (Reports, Clients), answered with its error JSON. */
    void playApiFault(String path) {
        Optional<YandexFault> fault = faults.take(path);
        if (fault.isEmpty()) {
            return;
        }
        switch (fault.get()) {
            case HANG -> faults.hold();
            case BAD_GATEWAY -> throw new DirectApiError(502, DirectApiError.Code.SERVER_UNAVAILABLE,
                    "Request processing timed out on the server");
            case AUTHORIZATION_SERVER_UNAVAILABLE -> throw new DirectApiError(500,
                    DirectApiError.Code.AUTHORIZATION_SERVER_UNAVAILABLE, "Try again later");
            case SERVER_ERROR -> throw new DirectApiError(500, DirectApiError.Code.SERVER_UNAVAILABLE, "Try again later");
        }
    }

    @Override
    public void close() {
        faults.releaseHangs();
        oauthServer.close();
        apiServer.close();
    }
}
