package ru.unitecon.ui.data;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import ru.unitecon.core.attribution.ChannelRules;
import ru.unitecon.core.attribution.RulePreview;
import ru.unitecon.core.attribution.SourcedLead;
import ru.unitecon.core.portal.PortalSettings;
import ru.unitecon.core.store.RecordReader;
import ru.unitecon.core.store.SettingsStore;
import ru.unitecon.ui.entry.PortalSession;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.util.List;

/** Reads and saves one portal's settings; only the portal's administrators may save. */
@Service
public class PortalSettingsEditor {
    /** How many of the newest leads the channel-rule preview classifies. */
    public static final int PREVIEW_LEADS = 50;

    private final SettingsStore settings;
    private final RecordReader records;

    public PortalSettingsEditor(SettingsStore settings, DynamoDbClient dynamo, @Value("${unitecon.table}") String table) {
        this.settings = settings;
        this.records = new RecordReader(dynamo, table);
    }

    public PortalSettings load(PortalSession portal) {
        return settings.load(portal.memberId());
    }

    /** @throws NotPortalAdmin when the viewer does not administer the portal: nothing is saved */
    public void save(PortalSession portal, PortalSettings changed) {
        if (!portal.admin()) {
            throw new NotPortalAdmin();
        }
        settings.save(portal.memberId(), changed);
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
        NotPortalAdmin() {
            super("only portal administrators may change settings");
        }
    }
}
