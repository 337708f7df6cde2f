package ru.unitecon.ui.data;

import org.springframework.stereotype.Service;
import ru.unitecon.core.portal.AlertSettings;
import ru.unitecon.core.store.AlertSettingsStore;
import ru.unitecon.ui.entry.PortalSession;

/**
 * Reads and saves who receives which alert and the thresholds; only the portal's administrators may save. Alerts
 * change nothing that is counted, so saving them never asks for a recount.
 */
@Service
public class AlertSettingsData {
    private final AlertSettingsStore alerts;

    public AlertSettingsData(AlertSettingsStore alerts) {
        this.alerts = alerts;
    }

    public AlertSettings load(PortalSession portal) {
        return alerts.load(portal.memberId());
    }

    /**
     * The language stays the one the install told: the texts follow the portal, not the administrator who saves.
     *
     * @throws SettingsEditor.NotPortalAdmin when the viewer does not administer the portal: nothing is saved
     */
    public void save(PortalSession portal, AlertSettings changed) {
        if (!portal.admin()) {
            throw new SettingsEditor.NotPortalAdmin();
        }
        AlertSettings before = alerts.load(portal.memberId());
        alerts.save(portal.memberId(), new AlertSettings(changed.recipients(), changed.noShowRatePercent(),
                changed.spikeFactor(), changed.unknownSharePercent(), changed.daysWithoutLeads(),
                changed.answeredIn15Percent(), before.language()));
    }
}
