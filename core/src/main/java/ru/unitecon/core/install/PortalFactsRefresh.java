package ru.unitecon.core.install;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ru.unitecon.core.bitrix.tokens.PortalNeedsReconnect;
import ru.unitecon.core.portal.PortalStatus;
import ru.unitecon.core.store.PortalStore;
import ru.unitecon.core.store.SettingsStore;
import ru.unitecon.core.sync.PortalClients;

import java.time.InstantSource;
import java.util.Objects;

/**
 * The scheduler's daily look at each installed portal's zone and currencies ({@link PortalFactsLearner}): rates
 * change every day, and a zone the install could not learn is learned here.
 */
public final class PortalFactsRefresh {
    private static final Logger LOG = LoggerFactory.getLogger(PortalFactsRefresh.class);

    private final PortalStore portals;
    private final SettingsStore settings;
    private final PortalClients clients;
    private final PortalFactsLearner learner;
    private final InstantSource clock;

    public PortalFactsRefresh(PortalStore portals, SettingsStore settings, PortalClients clients,
                              PortalFactsLearner learner, InstantSource clock) {
        this.portals = Objects.requireNonNull(portals, "portals");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clients = Objects.requireNonNull(clients, "clients");
        this.learner = Objects.requireNonNull(learner, "learner");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** @return how many portals were asked */
    public int run() {
        int asked = 0;
        for (String memberId : portals.activePortals()) {
            boolean installed = portals.find(memberId).filter(p -> p.status() == PortalStatus.INSTALLED).isPresent();
            if (!installed || !settings.load(memberId).rates().isDueForRefresh(clock.instant())) {
                continue;
            }
            try {
                learner.learn(memberId, clients.forPortal(memberId));
                asked++;
            } catch (PortalNeedsReconnect e) {
                LOG.warn("portal {} needs to reconnect; its zone and currencies wait", memberId);
            }
        }
        return asked;
    }
}
