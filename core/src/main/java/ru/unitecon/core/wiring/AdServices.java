package ru.unitecon.core.wiring;

import ru.unitecon.core.ads.CampaignChannels;
import ru.unitecon.core.adsimport.AdConnections;
import ru.unitecon.core.adsimport.AdPlatforms;
import ru.unitecon.core.adsimport.AdSpendImport;
import ru.unitecon.core.store.AdConnectionStore;
import ru.unitecon.core.store.OAuthStates;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The ad accounts' connections and daily import, on the app's stores: built beside {@link AppServices} by the
 * adapters that have the ad platforms configured (the scheduler, the admin UI, the local run).
 */
public final class AdServices {
    private final AdConnectionStore connections;
    private final AdSpendImport importer;
    private final AdConnections connecting;

    private AdServices(DynamoDbClient dynamo, String table, AppServices app, AdPlatforms platforms,
                       CampaignChannels channels) {
        connections = new AdConnectionStore(dynamo, table);
        importer = new AdSpendImport(app.portals(), app.settings(), app.alertSettings(), connections,
                app.campaignSpend(), app.spend(), platforms, channels, app.clients(), app.clock());
        connecting = new AdConnections(connections, new OAuthStates(dynamo, table), platforms, importer, app.clock());
    }

    /** Campaigns count in the channel the portal's campaign mapping gives them (their platform's by default). */
    public static AdServices on(DynamoDbClient dynamo, String table, AppServices app, AdPlatforms platforms) {
        return new AdServices(dynamo, table, app, platforms,
                memberId -> app.campaigns().mapping(memberId).channelOf());
    }

    public AdConnectionStore connections() {
        return connections;
    }

    public AdSpendImport importer() {
        return importer;
    }

    public AdConnections connecting() {
        return connecting;
    }
}
