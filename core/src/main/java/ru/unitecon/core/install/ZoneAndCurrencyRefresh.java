package ru.unitecon.core.install;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ru.unitecon.core.bitrix.tokens.PortalNeedsReconnect;
import ru.unitecon.core.portal.InstallationStatus;
import ru.unitecon.core.store.InstallationStore;
import ru.unitecon.core.store.SettingsStore;
import ru.unitecon.core.sync.RestClients;

import java.time.InstantSource;
import java.util.Objects;

/**
 * The scheduler's daily look at each installed portal's zone and currencies ({@link ZoneAndCurrencyLearner}): rates
 * change every day, and a zone the install could not learn is learned here.
 */
public final class ZoneAndCurrencyRefresh {
    private static final Logger LOG = LoggerFactory.getLogger(ZoneAndCurrencyRefresh.class);

    private final InstallationStore portals;
    private final SettingsStore settings;
    private final RestClients clients;
    private final ZoneAndCurrencyLearner learner;
    private final InstantSource clock;

    public ZoneAndCurrencyRefresh(InstallationStore portals, SettingsStore settings, RestClients clients,
                              ZoneAndCurrencyLearner learner, InstantSource clock) {
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
            boolean installed = portals.find(memberId).filter(p -> p.status() == InstallationStatus.INSTALLED).isPresent();
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
