package ru.unitecon.core.install;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ru.unitecon.core.bitrix.crm.CrmEntity;
import ru.unitecon.core.bitrix.inbound.EventAuth;
import ru.unitecon.core.bitrix.inbound.ForgedRequest;
import ru.unitecon.core.bitrix.inbound.MalformedRequest;
import ru.unitecon.core.bitrix.inbound.NotAdministrator;
import ru.unitecon.core.bitrix.inbound.PlacementRequest;
import ru.unitecon.core.bitrix.inbound.PortalEvent;
import ru.unitecon.core.bitrix.oauth.AppInstallInfo;
import ru.unitecon.core.bitrix.oauth.OAuthServer;
import ru.unitecon.core.bitrix.rest.BitrixRestClient;
import ru.unitecon.core.bitrix.rest.AdministratorQuery;
import ru.unitecon.core.bitrix.tokens.InstallationTokens;
import ru.unitecon.core.portal.AlertSettings;
import ru.unitecon.core.portal.Installation;
import ru.unitecon.core.portal.InstallationStatus;
import ru.unitecon.core.store.AlertSettingsStore;
import ru.unitecon.core.store.InstallationStore;
import ru.unitecon.core.sync.ChangeMessage;
import ru.unitecon.core.sync.ChangeQueue;
import ru.unitecon.core.sync.RestClients;

import java.net.URI;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Installs the app on a portal and takes its install and update events. Only a portal administrator may do either:
 * the OAuth server must vouch for the presented token and the portal must say that its user administers it
 * ({@link AdministratorCheck}) before anything is stored, queued or replaced. The portal's address is the one the
 * OAuth server names, never one from the request. The application token that authenticates the portal's later
 * events comes from {@code ONAPPINSTALL} while none is stored and is renewed by an administrator's
 * {@code ONAPPUPDATE}; the install page's form never sets it. An install also learns the portal's zone and
 * currencies ({@link ZoneAndCurrencyLearner}) before it queues the backfill. Install and update register the app
 * in the portal's BI Builder ({@link BiConnectorRegistration}) if it is not yet; a portal that refuses that does
 * not fail either.
 */
public final class InstallationService {
    private static final Logger LOG = LoggerFactory.getLogger(InstallationService.class);

    private final InstallationStore portals;
    private final AlertSettingsStore alertSettings;
    private final AdministratorCheck administrators;
    private final RestClients clients;
    private final ChangeQueue queue;
    private final EventBindings bindings;
    private final RobotRegistration robot;
    private final InstantSource clock;
    private final ZoneAndCurrencyLearner facts;
    private final BiConnectorRegistration biConnector;

    public InstallationService(InstallationStore portals, AlertSettingsStore alertSettings, OAuthServer oauth,
                               RestClients clients, ChangeQueue queue, AppAddresses addresses, InstantSource clock,
                               ZoneAndCurrencyLearner facts, BiConnectorRegistration biConnector) {
        this.portals = Objects.requireNonNull(portals, "portals");
        this.alertSettings = Objects.requireNonNull(alertSettings, "alertSettings");
        this.administrators = new AdministratorCheck(Objects.requireNonNull(oauth, "oauth"),
                new AdministratorQuery(BitrixRestClient.newHttpClient()));
        this.clients = Objects.requireNonNull(clients, "clients");
        this.queue = Objects.requireNonNull(queue, "queue");
        this.bindings = new EventBindings(addresses);
        this.robot = new RobotRegistration(addresses.robotUrl());
        this.clock = Objects.requireNonNull(clock, "clock");
        this.facts = Objects.requireNonNull(facts, "facts");
        this.biConnector = Objects.requireNonNull(biConnector, "biConnector");
    }

    /**
     * The install page POST: stores the installation and the administrator's tokens, sets the portal up and
     * queues the backfill. A stored application token is kept: after a reinstall the new one comes with
     * {@code ONAPPINSTALL}.
     *
     * @throws NotAdministrator when the user who opened the page does not administer the portal
     * @throws ForgedRequest    when the OAuth server or the portal does not vouch for the token, portal and app
     * @throws MalformedRequest when the POST lacks the refresh token
     */
    public Installation install(PlacementRequest request) {
        AppInstallInfo info = administrators.verify(request.serverEndpoint(), request.accessToken(),
                request.memberId(), request.domain(), request.language());
        if (request.refreshToken() == null) {
            throw new MalformedRequest("missing REFRESH_ID");
        }
        Instant now = clock.instant();
        Optional<Installation> earlier = portals.find(request.memberId());
        URI endpoint = info.restEndpoint();
        String serverEndpoint = request.serverEndpoint();
        // Everything modified before now arrives through the backfill, so reconciliation starts from here.
        Installation installation = new Installation(request.memberId(), info.domain(), endpoint,
                serverEndpoint == null ? null : URI.create(serverEndpoint), null, InstallationStatus.INSTALLED, now,
                earlier.map(Installation::lastReconciledAt).orElse(now));
        portals.saveInstallation(installation);
        portals.saveTokens(request.memberId(), new InstallationTokens(request.accessToken(), request.refreshToken(),
                now.plus(request.accessExpiresIn()), endpoint.toString(), serverEndpoint));
        // The installing administrator is the one person the app knows by id, and the page tells the language.
        alertSettings.createIfAbsent(request.memberId(), AlertSettings.defaults(info.userId(), request.language()));
        BitrixRestClient client = clients.forPortal(request.memberId());
        bindings.apply(client);
        // Before the backfill, so that the first records already count in the portal's zone and currency.
        facts.learn(request.memberId(), client);
        // The extras last: a portal that refuses them has everything the dashboards need already.
        robot.apply(client);
        biConnector.register(client);
        queue.send(List.of(ChangeMessage.backfill(request.memberId(), CrmEntity.LEAD, 0),
                ChangeMessage.backfill(request.memberId(), CrmEntity.DEAL, 0)));
        LOG.info("portal {} installed, backfill queued", request.memberId());
        return installation;
    }

    /**
     * {@code ONAPPINSTALL}: keeps the application token that authenticates the portal's later events, if the
     * portal has none yet (first install, or a reinstall after a verified uninstall). No stored token can vouch
     * for this event, so the installing administrator's access token must.
     *
     * @return false when an application token was already stored: it is kept and nothing changes
     * @throws NotAdministrator when the event's user does not administer the portal
     * @throws ForgedRequest    when the event carries no access token or it is not vouched for
     */
    public boolean acceptInstallEvent(PortalEvent event) {
        EventAuth auth = requireUserToken(event);
        AppInstallInfo info = administrators.verify(auth.serverEndpoint(), auth.accessToken(), auth.memberId(),
                auth.domain(), event.language());
        Optional<Installation> earlier = portals.find(auth.memberId());
        if (earlier.map(Installation::applicationToken).isPresent()) {
            LOG.warn("portal {}: ONAPPINSTALL while an application token is stored; the stored one is kept",
                    auth.memberId());
            return false;
        }
        recordInstallation(auth, info, earlier);
        if (!portals.adoptApplicationToken(auth.memberId(), auth.applicationToken())) {
            LOG.warn("portal {}: another ONAPPINSTALL stored its application token first", auth.memberId());
            return false;
        }
        LOG.info("portal {}: application token stored", auth.memberId());
        return true;
    }

    /**
     * {@code ONAPPUPDATE}: a new version renewed the application token and lost the app's event bindings. The
     * stored token cannot vouch for the event (the portal sends the renewed one), so the updating administrator's
     * access token must; then the renewed token replaces the stored one and the bindings are made again.
     *
     * @return false when the portal is uninstalled here, which an update does not undo
     * @throws NotAdministrator when the event's user does not administer the portal
     * @throws ForgedRequest    when the portal is unknown, or the event's access token is missing or not vouched for
     */
    public boolean acceptUpdateEvent(PortalEvent event) {
        EventAuth auth = requireUserToken(event);
        Optional<Installation> earlier = portals.find(auth.memberId());
        if (earlier.isEmpty()) {
            throw new ForgedRequest("update event of an unknown portal");
        }
        AppInstallInfo info = administrators.verify(auth.serverEndpoint(), auth.accessToken(), auth.memberId(),
                auth.domain(), event.language());
        if (earlier.get().status() == InstallationStatus.UNINSTALLED) {
            LOG.info("portal {}: update event of an uninstalled portal ignored", auth.memberId());
            return false;
        }
        recordInstallation(auth, info, earlier);
        portals.renewApplicationToken(auth.memberId(), auth.applicationToken());
        BitrixRestClient client = clients.forPortal(auth.memberId());
        bindings.apply(client);
        robot.apply(client);
        biConnector.register(client);
        LOG.info("portal {}: application token renewed and bindings made again after an update", auth.memberId());
        return true;
    }

    private static EventAuth requireUserToken(PortalEvent event) {
        if (!event.auth().hasUserTokens()) {
            throw new ForgedRequest(event.name() + " without a user's access token");
        }
        return event.auth();
    }

    /** The installation at the address the OAuth server named, and the administrator's tokens if a pair came. */
    private void recordInstallation(EventAuth auth, AppInstallInfo info, Optional<Installation> earlier) {
        Instant now = clock.instant();
        URI endpoint = info.restEndpoint();
        portals.saveInstallation(new Installation(auth.memberId(), info.domain(), endpoint,
                auth.serverEndpoint() == null ? null : URI.create(auth.serverEndpoint()), null,
                InstallationStatus.INSTALLED, earlier.map(Installation::installedAt).orElse(now),
                earlier.map(Installation::lastReconciledAt).orElse(now)));
        if (auth.refreshToken() != null && auth.expiresAt() != null) {
            portals.saveTokens(auth.memberId(), new InstallationTokens(auth.accessToken(), auth.refreshToken(),
                    auth.expiresAt(), endpoint.toString(), auth.serverEndpoint()));
        }
    }
}
