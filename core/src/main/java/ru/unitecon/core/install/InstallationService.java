package ru.unitecon.core.install;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ru.unitecon.core.bitrix.crm.CrmEntity;
import ru.unitecon.core.bitrix.inbound.EventAuth;
import ru.unitecon.core.bitrix.inbound.ForgedRequest;
import ru.unitecon.core.bitrix.inbound.MalformedRequest;
import ru.unitecon.core.bitrix.inbound.PlacementAuthenticity;
import ru.unitecon.core.bitrix.inbound.PlacementRequest;
import ru.unitecon.core.bitrix.inbound.PortalEvent;
import ru.unitecon.core.bitrix.oauth.AppInstallInfo;
import ru.unitecon.core.bitrix.oauth.OAuthError;
import ru.unitecon.core.bitrix.oauth.OAuthServer;
import ru.unitecon.core.bitrix.oauth.UntrustedOAuthServer;
import ru.unitecon.core.bitrix.tokens.PortalTokens;
import ru.unitecon.core.portal.PortalInstallation;
import ru.unitecon.core.portal.PortalStatus;
import ru.unitecon.core.store.PortalStore;
import ru.unitecon.core.sync.ChangeMessage;
import ru.unitecon.core.sync.ChangeQueue;
import ru.unitecon.core.sync.PortalClients;

import java.net.URI;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Installs the app on a portal: trusts nothing in the install POST until the OAuth server has confirmed its token,
 * then stores the installation and the admin's tokens, sets the portal up ({@link PortalBindings}), learns its zone
 * and currencies ({@link PortalFactsLearner}) and starts the backfill. Also takes {@code ONAPPINSTALL} (the application token) and {@code ONAPPUPDATE} (bind again).
 */
public final class InstallationService {
    private static final Logger LOG = LoggerFactory.getLogger(InstallationService.class);

    private final PortalStore portals;
    private final OAuthServer oauth;
    private final PortalClients clients;
    private final ChangeQueue queue;
    private final PortalBindings bindings;
    private final InstantSource clock;
    private final PortalFactsLearner facts;

    public InstallationService(PortalStore portals, OAuthServer oauth, PortalClients clients, ChangeQueue queue,
                               AppAddresses addresses, InstantSource clock, PortalFactsLearner facts) {
        this.portals = Objects.requireNonNull(portals, "portals");
        this.oauth = Objects.requireNonNull(oauth, "oauth");
        this.clients = Objects.requireNonNull(clients, "clients");
        this.queue = Objects.requireNonNull(queue, "queue");
        this.bindings = new PortalBindings(addresses);
        this.clock = Objects.requireNonNull(clock, "clock");
        this.facts = Objects.requireNonNull(facts, "facts");
    }

    /**
     * The install page POST.
     *
     * @throws ForgedRequest    when the OAuth server does not vouch for the token, portal and app
     * @throws MalformedRequest when the POST lacks the refresh token
     */
    public PortalInstallation install(PlacementRequest request) {
        AppInstallInfo info = new PlacementAuthenticity(oauth).verify(request);
        if (request.refreshToken() == null) {
            throw new MalformedRequest("missing REFRESH_ID");
        }
        Instant now = clock.instant();
        Optional<PortalInstallation> earlier = portals.find(request.memberId());
        String serverEndpoint = request.serverEndpoint();
        String clientEndpoint = info.clientEndpoint() != null ? info.clientEndpoint() : request.clientEndpoint();
        // Everything modified before now arrives through the backfill, so reconciliation starts from here.
        PortalInstallation installation = new PortalInstallation(request.memberId(), request.domain(),
                URI.create(clientEndpoint), serverEndpoint == null ? null : URI.create(serverEndpoint),
                request.applicationToken(), PortalStatus.INSTALLED, now,
                earlier.map(PortalInstallation::lastReconciledAt).orElse(now));
        portals.saveInstallation(installation);
        portals.saveTokens(request.memberId(), new PortalTokens(request.accessToken(), request.refreshToken(),
                now.plus(request.accessExpiresIn()), clientEndpoint, serverEndpoint));
        bindings.apply(clients.forPortal(request.memberId()));
        // Before the backfill, so that the first records already count in the portal's zone and currency.
        facts.learn(request.memberId(), clients.forPortal(request.memberId()));
        queue.send(List.of(ChangeMessage.backfill(request.memberId(), CrmEntity.LEAD, 0),
                ChangeMessage.backfill(request.memberId(), CrmEntity.DEAL, 0)));
        LOG.info("portal {} installed, backfill queued", request.memberId());
        return installation;
    }

    /**
     * {@code ONAPPINSTALL}: keeps the application token that authenticates the portal's later events. No token
     * may be stored yet to compare it with, so the event's access token is confirmed with the OAuth server.
     *
     * @throws ForgedRequest when the event carries no access token or the OAuth server does not vouch for it
     */
    public void acceptInstallEvent(PortalEvent event) {
        EventAuth auth = event.auth();
        if (!auth.hasUserTokens() || auth.clientEndpoint() == null) {
            throw new ForgedRequest("install event without tokens");
        }
        confirm(auth);
        Instant now = clock.instant();
        Optional<PortalInstallation> earlier = portals.find(auth.memberId());
        portals.saveInstallation(new PortalInstallation(auth.memberId(), auth.domain(),
                URI.create(auth.clientEndpoint()),
                auth.serverEndpoint() == null ? null : URI.create(auth.serverEndpoint()),
                auth.applicationToken(), PortalStatus.INSTALLED,
                earlier.map(PortalInstallation::installedAt).orElse(now),
                earlier.map(PortalInstallation::lastReconciledAt).orElse(now)));
        if (auth.refreshToken() != null && auth.expiresAt() != null) {
            portals.saveTokens(auth.memberId(), new PortalTokens(auth.accessToken(), auth.refreshToken(),
                    auth.expiresAt(), auth.clientEndpoint(), auth.serverEndpoint()));
        }
        LOG.info("portal {}: application token stored", auth.memberId());
    }

    /** {@code ONAPPUPDATE}, already authenticated by its application token: a new version lost the bindings. */
    public void rebind(String memberId) {
        bindings.apply(clients.forPortal(memberId));
        LOG.info("portal {}: bindings renewed after an update", memberId);
    }

    private void confirm(EventAuth auth) {
        AppInstallInfo info;
        try {
            info = oauth.appInfo(auth.serverEndpoint(), auth.accessToken());
        } catch (OAuthError e) {
            throw new ForgedRequest("access token refused by the OAuth server: " + e.errorCode());
        } catch (UntrustedOAuthServer e) {
            throw new ForgedRequest("server_endpoint is not a Bitrix24 OAuth server");
        }
        if (!info.confirms(oauth.credentials().clientId(), auth.memberId(), auth.domain())) {
            throw new ForgedRequest("access token does not belong to this app and portal");
        }
    }
}
