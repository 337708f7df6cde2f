package ru.unitecon.ui.data;

import org.springframework.stereotype.Service;
import ru.unitecon.core.attribution.ChannelRules;
import ru.unitecon.core.attribution.RulePreview;
import ru.unitecon.core.attribution.SourcedLead;
import ru.unitecon.core.portal.PortalSettings;
import ru.unitecon.core.portal.SettingSource;
import ru.unitecon.core.store.RecordsRecount;
import ru.unitecon.core.store.RecordReader;
import ru.unitecon.core.store.SettingsStore;
import ru.unitecon.core.sync.Recounts;
import ru.unitecon.ui.entry.PortalSession;

import java.time.Clock;
import java.util.List;

/**
 * Reads and saves one portal's settings; only the portal's administrators may save. A zone or currency that differs
 * from the stored one becomes the administrator's choice (the app's daily learning leaves it alone from then on).
 * A change to how records are counted (channel rules, attribution, order source, active window, zone, reporting
 * currency) queues a recount of the portal for the sync function ({@link Recounts}).
 */
@Service
public class SettingsEditor {
    /** How many of the newest leads the channel-rule preview classifies. */
    public static final int PREVIEW_LEADS = 50;

    public enum Saved { SAVED, RECOUNTING }

    private final SettingsStore settings;
    private final RecordReader records;
    private final Recounts recounts;
    private final Clock clock;

    public SettingsEditor(SettingsStore settings, RecordReader records, Recounts recounts, Clock clock) {
        this.settings = settings;
        this.records = records;
        this.recounts = recounts;
        this.clock = clock;
    }

    public PortalSettings load(PortalSession portal) {
        return settings.load(portal.memberId());
    }

    /** @throws NotPortalAdmin when the viewer does not administer the portal: nothing is saved */
    public Saved save(PortalSession portal, PortalSettings changed) {
        if (!portal.admin()) {
            throw new NotPortalAdmin();
        }
        String memberId = portal.memberId();
        PortalSettings before = settings.load(memberId);
        SettingSource chosenNow = SettingSource.admin(clock.instant());
        PortalSettings chosen = changed
                .withZone(changed.zone(), changed.zone().equals(before.zone()) ? before.zoneSource() : chosenNow)
                .withCurrency(changed.currency(),
                        changed.currency().equals(before.currency()) ? before.currencySource() : chosenNow)
                .withRates(before.rates());
        settings.save(memberId, chosen);
        if (!RecordsRecount.isNeeded(before, chosen)) {
            return Saved.SAVED;
        }
        // The sync function recounts, one worker per portal, with the settings as stored when it runs.
        recounts.request(memberId);
        return Saved.RECOUNTING;
    }

    /** The portal's live leads with their origin, read once; previews classify them without another read. */
    public List<SourcedLead> leadSources(PortalSession portal) {
        return records.leadSources(portal.memberId());
    }

    public static RulePreview preview(ChannelRules rules, List<SourcedLead> leads) {
        return RulePreview.of(rules, leads, PREVIEW_LEADS);
    }

    /** Settings are the portal administrators' to change; the portal tells at entry who is one. */
    public static final class NotPortalAdmin extends RuntimeException {
        public NotPortalAdmin() {
            super("only portal administrators may change settings");
        }
    }
}
