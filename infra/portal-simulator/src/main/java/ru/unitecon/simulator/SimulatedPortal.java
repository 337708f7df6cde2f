package ru.unitecon.simulator;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.InstantSource;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One simulated Bitrix24 portal on its own loopback port: REST at {@link #clientEndpoint()}, plus the portal's
 * outgoing side (install and placement frames, events) played on demand by tests.
 */
public final class SimulatedPortal {

    private final PortalSeed seed;
    private final TokenRegistry tokens;
    private final URI serverEndpoint;
    private final InstantSource clock;
    private final FormPoster toApp;
    private final AppInstallation installation =
            new AppInstallation("F", "crm,im,placement,user_brief,bizproc,biconnector", 1);
    private final PortalRecords records = new PortalRecords();
    private final CallLog calls = new CallLog();
    private final UserFieldRegistry userFields = new UserFieldRegistry();
    private final Map<CrmEntityType, CrmEntityStore> entities = new EnumMap<>(CrmEntityType.class);
    private final Activities activities;
    private final FaultPlan faults = new FaultPlan();
    private final RestDispatcher dispatcher;
    private final EventDeliveries events;
    private final SimulatedRobots robots;
    private final PortalRestHandler restHandler;
    private final AtomicLong ids = new AtomicLong(200);
    private final List<Map<String, Object>> currencies;
    private final List<HttpServer> servers = new CopyOnWriteArrayList<>();
    private volatile int port;
    private volatile URI appHandlerUrl;

    SimulatedPortal(PortalSeed seed, TokenRegistry tokens, URI serverEndpoint, SimulatorOptions options,
                    MethodTable methods, FormPoster toApp) {
        this.seed = seed;
        this.tokens = tokens;
        this.serverEndpoint = serverEndpoint;
        this.clock = options.clock();
        this.toApp = toApp;
        this.events = new EventDeliveries(this, toApp);
        this.robots = new SimulatedRobots(this, toApp);
        for (CrmEntityType type : CrmEntityType.values()) {
            entities.put(type, new CrmEntityStore(type, clock, seed.timeZone(), userFields, seed.dataset().statuses()));
        }
        this.currencies = new CopyOnWriteArrayList<>(seed.dataset().currencies());
        seed.dataset().leads().forEach(entities.get(CrmEntityType.LEAD)::add);
        seed.dataset().deals().forEach(entities.get(CrmEntityType.DEAL)::add);
        this.activities = new Activities(seed.timeZone(), seed.dataset().leads());
        this.dispatcher = new RestDispatcher(new ParameterCheck(methods), faults);
        CrmMethods.registerInto(dispatcher);
        AppMethods.registerInto(dispatcher);
        NotificationMethods.registerInto(dispatcher);
        BizprocMethods.registerInto(dispatcher);
        CurrencyMethods.registerInto(dispatcher);
        BiConnectorMethods.registerInto(dispatcher);
        dispatcher.register("batch", new BatchMethod(dispatcher, calls, clock));
        this.restHandler = new PortalRestHandler(this, tokens, dispatcher,
                new LeakyBucket(clock, options.burst(), options.drainPerSecond()));
        listenOnNewPort();
    }

    public String memberId() {
        return seed.memberId();
    }

    /** {@code 127.0.0.1:PORT}; changes when the portal is {@linkplain #rename() renamed}. */
    public String domain() {
        return "127.0.0.1:" + port;
    }

    public URI clientEndpoint() {
        return URI.create("http://" + domain() + "/rest/");
    }

    /**
     * The portal's page that shows the installed app in its iframe, on the portal's own origin (another site than
     * the app's): open it in a browser to use the app as in Bitrix24.
     */
    public URI appPageUrl() {
        return URI.create("http://" + domain() + PortalPage.PATH);
    }

    public URI serverEndpoint() {
        return serverEndpoint;
    }

    public PortalSeed seed() {
        return seed;
    }

    public String applicationToken() {
        return installation.applicationToken();
    }

    public boolean isInstalled() {
        return installation.isInstalled();
    }

    public CrmEntityStore leads() {
        return entities.get(CrmEntityType.LEAD);
    }

    public Activities activities() {
        return activities;
    }

    public CrmEntityStore deals() {
        return entities.get(CrmEntityType.DEAL);
    }

    public long addLead(Map<String, Object> fields) {
        return leads().add(fields);
    }

    public void updateLead(long id, Map<String, Object> fields) {
        leads().update(id, fields);
    }

    public void deleteLead(long id) {
        leads().delete(id);
    }

    public long addDeal(Map<String, Object> fields) {
        return deals().add(fields);
    }

    public void updateDeal(long id, Map<String, Object> fields) {
        deals().update(id, fields);
    }

    public void deleteDeal(long id) {
        deals().delete(id);
    }

    /** The portal's currencies as {@code crm.currency.list} answers them now. */
    public List<Map<String, Object>> currencies() {
        return List.copyOf(currencies);
    }

    /**
     * An administrator sets a currency's rate (AMOUNT of the base currency for AMOUNT_CNT units), adding the
     * currency when the portal has none by that code; DATE_UPDATE becomes now.
     */
    public synchronized void setCurrencyRate(String code, String amount, String units) {
        CurrencyMethods.setRate(currencies, seed.dataset().baseCurrency(), code, amount, units,
                FieldValues.dateTime(clock.instant(), seed.timeZone()));
    }

    /** The app's scope as its registration lists it (comma-separated); others' methods answer insufficient_scope. */
    public void appScope(String scope) {
        installation.scope(scope);
    }

    /** The portal's BI Builder, calling the connector the app registered as Bitrix24 does. */
    public BiBuilder biBuilder() {
        return new BiBuilder(this, toApp);
    }

    public CallLog calls() {
        return calls;
    }

    /** Calls that broke a method's parameter contract, in order; a well-behaved app leaves this empty. */
    public List<Violation> violations() {
        return dispatcher.violations();
    }

    public void clearViolations() {
        dispatcher.clearViolations();
    }

    /** The portal's automation, running the app's robots. */
    public SimulatedRobots robots() {
        return robots;
    }

    /** Event and placement bindings, notifications, timeline comments and to-dos the app created. */
    public PortalRecords records() {
        return records;
    }

    public List<UserField> userFields(CrmEntityType type) {
        return userFields.fields(type);
    }

    /**
     * The ID of the enumeration item with this XML_ID, the value a record holds when a manager picks that item:
     * {@code updateLead(id, Map.of("UF_CRM_UE_APPT_STATE", portal.enumerationItem(LEAD, "UF_CRM_UE_APPT_STATE", "NO_SHOW")))}.
     */
    public String enumerationItem(CrmEntityType type, String fieldName, String xmlId) {
        return userFields.enumerationItem(type, fieldName, xmlId);
    }

    /** Plays an admin installing the app: POSTs the install frame (bitrix24.md §1.2) with fresh admin tokens. */
    public HttpResponse<String> installApp(URI installHandlerUrl, URI appHandlerUrl) {
        this.appHandlerUrl = Objects.requireNonNull(appHandlerUrl, "appHandlerUrl");
        HttpResponse<String> response = toApp.post(framePost("DEFAULT", installHandlerUrl, "ru", seed.dataset().adminUserId(), Map.of()));
        // The install page calls installFinish() once it has set itself up; a page that failed never does.
        if (response.statusCode() / 100 == 2) {
            installation.markInstalled();
        }
        return response;
    }

    /**
     * Sends ONAPPINSTALL with the admin's fresh tokens and the application token (bitrix24.md §1.3); like every
     * event it only flows once the install page has finished.
     */
    public HttpResponse<String> deliverInstallEvent(URI handler) {
        return events.installEvent(handler);
    }

    /**
     * The administrator installs a new version of the app: the app's event handlers are removed (event.bind's
     * documentation: set them again in the installer of each version), the application token is renewed, and
     * {@code ONAPPUPDATE} goes, with the renewed token and the administrator's fresh tokens, to the handler that was
     * bound for it. Empty when none was.
     */
    public Optional<HttpResponse<String>> updateApp() {
        return events.updateEvent();
    }

    /** Sends an entity event ({@code data[FIELDS][ID]}) to the one handler bound for it (bitrix24.md §5.3). */
    public HttpResponse<String> deliverEvent(String event, long entityId, boolean withUserToken) {
        return events.entityEvent(event, entityId, withUserToken);
    }

    public HttpResponse<String> deliverEvent(String event, long entityId, boolean withUserToken, URI handler) {
        return events.entityEvent(event, entityId, withUserToken, handler);
    }

    /** The admin opens the app from the left menu: the DEFAULT frame POST to the app URL given at install. */
    public HttpResponse<String> openApp(String lang) {
        if (appHandlerUrl == null || !installation.isInstalled()) {
            throw new IllegalStateException("the app is not installed on this portal");
        }
        return openPlacement("DEFAULT", appHandlerUrl, lang);
    }

    /** Opens a placement as the admin and returns the app's answer to the frame POST. */
    public HttpResponse<String> openPlacement(String placement, URI handler, String lang) {
        return toApp.post(framePost(placement, handler, lang, seed.dataset().adminUserId(), Map.of()));
    }

    /**
     * The frame POST a placement sends when {@code userId} opens it, not yet sent; {@code placementOptions}
     * become the PLACEMENT_OPTIONS JSON string (e.g. {@code ID} of the deal whose tab is open).
     */
    public FramePost framePost(String placement, URI handler, String lang, String userId, Map<String, Object> placementOptions) {
        return FramePost.of(this, placement, handler, lang, issueTokens(userId), placementOptions);
    }

    /**
     * The frame POST of a CRM card's tab ({@code CRM_CONTACT_DETAIL_TAB}, {@code CRM_DEAL_DETAIL_TAB}) when
     * {@code userId} opens it on the record {@code id}: sent to the handler the app bound for that placement, with
     * PLACEMENT_OPTIONS {@code {"ID":"<id>"}}, the id a string as real portals write it (bitrix24.md §6.2).
     */
    public FramePost crmTabPost(String placement, String id, String lang, String userId) {
        URI handler = records.placements().stream().filter(bound -> bound.placement().equals(placement))
                .map(bound -> URI.create(bound.handler())).findFirst()
                .orElseThrow(() -> new IllegalStateException("the app bound no handler to " + placement));
        return framePost(placement, handler, lang, userId, Map.of("ID", id));
    }

    /**
     * A user of the portal who is not its administrator (a salon's manager, say): {@code user.admin} and
     * {@code profile}'s ADMIN answer false for them, and administrator-only methods refuse their token. Build their
     * frame POST with {@link #framePost} and their tokens with {@link #issueTokens}.
     */
    public String employeeUserId() {
        return seed.dataset().users().stream().map(user -> String.valueOf(user.get("ID")))
                .filter(id -> !isAdmin(id)).findFirst()
                .orElseThrow(() -> new IllegalStateException("this portal has no user besides its administrator"));
    }

    /** A fresh token pair for a user of this portal, as the OAuth server would issue it. */
    public IssuedTokens issueTokens(String userId) {
        user(userId);
        TokenRegistry.TokenPair pair = tokens.issue(this, userId);
        return new IssuedTokens(pair.access().value(), pair.refresh().value(), pair.access().expiresAt(), userId);
    }

    /** Makes every refresh token of this portal unknown, as when the app's access was withdrawn. */
    public void revokeRefreshTokens() {
        tokens.revokeRefreshTokens(this);
    }

    /**
     * The admin deletes the app: ONAPPUNINSTALL goes to the bound handler if there is one (bitrix24.md §10),
     * then all tokens, event handlers and placements are gone, and so is the application token: a later install
     * gets a new one. Empty when no handler was bound for it.
     */
    public Optional<HttpResponse<String>> uninstall(boolean clean) {
        Optional<HttpResponse<String>> response = events.uninstallEvent(clean);
        installation.markUninstalled();
        tokens.revokeAll(this);
        records.clearBindings();
        return response;
    }

    /** The portal moves to a new address; the old one answers 302 to it from now on (bitrix24.md §3.3). */
    public void rename() {
        listenOnNewPort();
    }

    public void injectFault(String method, Fault fault) {
        faults.inject(method, fault);
    }

    /** Removes all injected faults and lets hanging requests go. */
    public void clearFaults() {
        faults.clear();
    }

    FormPoster toApp() {
        return toApp;
    }

    int port() {
        return port;
    }

    URI appHandlerUrl() {
        return appHandlerUrl;
    }

    FaultPlan faults() {
        return faults;
    }

    InstantSource clock() {
        return clock;
    }

    AppInstallation installation() {
        return installation;
    }

    CrmEntityStore entities(CrmEntityType type) {
        return entities.get(type);
    }

    UserFieldRegistry userFields() {
        return userFields;
    }

    long nextId() {
        return ids.incrementAndGet();
    }

    Map<String, Object> user(String userId) {
        return seed.dataset().users().stream()
                .filter(user -> String.valueOf(user.get("ID")).equals(userId))
                .findFirst()
                .orElseThrow(() -> new RestError(400, "ERROR_USER_NOT_FOUND", "User " + userId + " not found"));
    }

    boolean isAdmin(String userId) {
        return seed.dataset().adminUserId().equals(userId);
    }

    void close() {
        faults.releaseHangs();
        servers.forEach(server -> server.stop(0));
    }

    private void listenOnNewPort() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/", restHandler);
            server.createContext(PortalPage.PATH, new PortalPage(this));
            server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            server.start();
            servers.add(server);
            port = server.getAddress().getPort();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on loopback", e);
        }
    }
}
