package ru.unitecon.ui.data;

import org.springframework.stereotype.Service;
import ru.unitecon.core.ads.AdAccount;
import ru.unitecon.core.ads.AdConnection;
import ru.unitecon.core.ads.AdPlatform;
import ru.unitecon.core.adsimport.AdConnections;
import ru.unitecon.core.wiring.AdServices;
import ru.unitecon.ui.entry.PortalSession;

import java.net.URI;
import java.util.List;

/**
 * A portal's connected ad accounts as the Integrations view shows them; connecting and disconnecting are its
 * administrators' only ({@link AdConnections} refuses anyone else, whatever the view shows).
 */
@Service
public class AdAccountsData {
    private final AdConnections connecting;

    public AdAccountsData(AdServices ads) {
        this.connecting = ads.connecting();
    }

    public List<AdConnection> list(PortalSession portal) {
        return connecting.list(portal.memberId());
    }

    public boolean configured(AdPlatform platform) {
        return connecting.configured(platform);
    }

    /** Where the administrator's browser goes to grant access; the state binds the answer to them and the portal. */
    public URI start(PortalSession portal, AdPlatform platform, String agencyClientLogin) {
        return connecting.start(portal.memberId(), portal.userId(), portal.admin(), platform, agencyClientLogin);
    }

    public void disconnect(PortalSession portal, AdAccount account) {
        connecting.disconnect(portal.memberId(), portal.admin(), account);
    }
}
