package ru.unitecon.ui.data;

import org.springframework.stereotype.Service;
import ru.unitecon.core.ads.CampaignKey;
import ru.unitecon.core.attribution.CampaignPreview;
import ru.unitecon.core.attribution.CampaignRules;
import ru.unitecon.core.attribution.SourcedLead;
import ru.unitecon.core.campaigns.Campaigns;
import ru.unitecon.core.metrics.CampaignMetrics;
import ru.unitecon.core.metrics.Period;
import ru.unitecon.ui.entry.PortalSession;

import java.util.List;
import java.util.Map;

/**
 * What the campaigns view reads and changes: the campaigns' figures, their rules with the preview, and each
 * campaign's channel. Only the portal's administrators may change the rules or a channel.
 */
@Service
public class CampaignsData {
    private final Campaigns campaigns;

    public CampaignsData(Campaigns campaigns) {
        this.campaigns = campaigns;
    }

    public CampaignMetrics.Report report(PortalSession portal, Period period) {
        return campaigns.report(portal.memberId(), period);
    }

    /** The known campaigns with their names, for choosing one in a rule. */
    public Map<CampaignKey, String> known(PortalSession portal) {
        return campaigns.known(portal.memberId());
    }

    /** The rules in force, given the known campaigns (read once for the view). */
    public CampaignRules rules(PortalSession portal, Map<CampaignKey, String> known) {
        return campaigns.rules(portal.memberId(), known);
    }

    public List<SourcedLead> leadSources(PortalSession portal) {
        return campaigns.leadSources(portal.memberId());
    }

    public static CampaignPreview preview(CampaignRules rules, List<SourcedLead> leads) {
        return Campaigns.preview(rules, leads);
    }

    /**
     * @throws SettingsEditor.NotPortalAdmin when the viewer does not administer the portal: nothing is saved
     * @throws IllegalArgumentException      when a rule names an unknown campaign: nothing is saved
     */
    public void saveRules(PortalSession portal, CampaignRules rules) {
        requireAdmin(portal);
        campaigns.saveRules(portal.memberId(), rules);
    }

    /**
     * @throws SettingsEditor.NotPortalAdmin when the viewer does not administer the portal: nothing is saved
     * @throws IllegalArgumentException      for an unknown campaign or channel: nothing is saved
     */
    public void setChannel(PortalSession portal, CampaignKey campaign, String channel) {
        requireAdmin(portal);
        campaigns.setChannel(portal.memberId(), campaign, channel);
    }

    private static void requireAdmin(PortalSession portal) {
        if (!portal.admin()) {
            throw new SettingsEditor.NotPortalAdmin();
        }
    }
}
