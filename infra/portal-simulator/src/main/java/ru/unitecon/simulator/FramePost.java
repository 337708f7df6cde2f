package ru.unitecon.simulator;

import java.net.URI;
import java.util.Map;

/**
 * The form a portal POSTs into the app's iframe (install page, main page, placements; bitrix24.md §1.2, §6.2):
 * {@code url} carries DOMAIN, PROTOCOL, LANG and APP_SID in its query, {@code form} is the body.
 */
public record FramePost(URI url, Map<String, String> form) {

    public FramePost {
        form = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(form));
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
