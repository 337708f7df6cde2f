package ru.unitecon.ui.entry;

import jakarta.servlet.http.HttpServletRequest;

/**
 * What the portal POSTs when it opens the app in its iframe: DOMAIN, PROTOCOL, LANG and APP_SID in the query,
 * the rest in the form body. Nothing in it is trusted until {@link PortalVerifier} has checked it.
 * {@code authId} is the viewing user's access token and is never printed.
 *
 * @param placementOptions the PLACEMENT_OPTIONS JSON string, {@code {"ID":"42"}} for a CRM card's tab
 */
public record PlacementPost(String domain, String protocol, String lang, String memberId, String authId,
                            String placement, String placementOptions) {

    public static PlacementPost from(HttpServletRequest request) {
        return new PlacementPost(request.getParameter("DOMAIN"), request.getParameter("PROTOCOL"),
                request.getParameter("LANG"), request.getParameter("member_id"), request.getParameter("AUTH_ID"),
                request.getParameter("PLACEMENT"), request.getParameter("PLACEMENT_OPTIONS"));
    }

    /** PROTOCOL is 1 for https and 0 for http (a portal on plain http, such as a local one). */
    public String scheme() {
        return "0".equals(protocol) ? "http" : "https";
    }

    @Override
    public String toString() {
        return "PlacementPost[domain=" + domain + ", memberId=" + memberId + ", placement=" + placement + "]";
    }
}
