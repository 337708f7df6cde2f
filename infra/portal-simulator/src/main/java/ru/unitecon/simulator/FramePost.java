package ru.unitecon.simulator;

import java.net.URI;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The form a portal POSTs into the app's iframe (install page, main page, placements; bitrix24.md §1.2, §6.2):
 * {@code url} carries DOMAIN, PROTOCOL, LANG and APP_SID in its query, {@code form} is the body.
 */
public record FramePost(URI url, Map<String, String> form) {

    public FramePost {
        form = Collections.unmodifiableMap(new LinkedHashMap<>(form));
    }

    static FramePost of(SimulatedPortal portal, String placement, URI handler, String lang, IssuedTokens tokens,
                        Map<String, Object> placementOptions) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("DOMAIN", portal.domain());
        query.put("PROTOCOL", "0");
        query.put("LANG", lang);
        // A new session id per render, as the portal's JS library gets; it is not the application token.
        query.put("APP_SID", RandomHex.of(16));
        Map<String, String> form = new LinkedHashMap<>();
        form.put("AUTH_ID", tokens.accessToken());
        form.put("AUTH_EXPIRES", String.valueOf(Duration.between(portal.clock().instant(), tokens.expiresAt()).toSeconds()));
        form.put("REFRESH_ID", tokens.refreshToken());
        form.put("member_id", portal.memberId());
        form.put("status", portal.installation().status());
        form.put("PLACEMENT", placement);
        form.put("PLACEMENT_OPTIONS", Json.write(placementOptions));
        String separator = handler.getRawQuery() == null ? "?" : "&";
        return new FramePost(URI.create(handler + separator + FormCodec.encode(query)), form);
    }

    public String body() {
        return FormCodec.encode(form);
    }

    /** An HTML page that submits this form on load, for showing the app in a real browser. */
    public String autoSubmitPage() {
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html><body onload=\"document.forms[0].submit()\">")
                .append("<form method=\"post\" action=\"").append(escape(url.toString())).append("\">");
        form.forEach((name, value) -> html.append("<input type=\"hidden\" name=\"").append(escape(name))
                .append("\" value=\"").append(escape(value)).append("\">"));
        return html.append("</form></body></html>").toString();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
