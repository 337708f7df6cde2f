package ru.unitecon.simulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The portal's own page for the installed app, on the portal's origin: a header and the app's iframe, which a
 * hidden form fills by POST with fresh admin tokens on every load, as Bitrix24 opens an app (bitrix24.md §6.2).
 * {@code ?lang=en} opens it in English.
 */
final class PortalPage implements HttpHandler {
    static final String PATH = "/marketplace/app/";
    static final String FRAME_NAME = "app";

    private final SimulatedPortal portal;

    PortalPage(SimulatedPortal portal) {
        this.portal = portal;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (exchange.getLocalAddress().getPort() != portal.port()) {
                HttpIo.sendRedirect(exchange, portal.appPageUrl().toString());
                return;
            }
            if (!"GET".equals(exchange.getRequestMethod())) {
                send(exchange, 405, page("<p>Method not allowed</p>"));
                return;
            }
            if (!portal.isInstalled() || portal.appHandlerUrl() == null) {
                send(exchange, 404, page("<p>Приложение не установлено на этом портале.</p>"));
                return;
            }
            String query = exchange.getRequestURI().getRawQuery();
            String lang = query != null && query.contains("lang=en") ? "en" : "ru";
            FramePost opening = portal.framePost("DEFAULT", portal.appHandlerUrl(), lang,
                    portal.seed().dataset().adminUserId(), Map.of());
            // The frame first: a form whose target frame does not exist yet opens a new window instead.
            send(exchange, 200, page("<iframe name=\"" + FRAME_NAME + "\" title=\"app\" "
                    + "style=\"border:0;width:100%;height:calc(100vh - 48px);background:white\"></iframe>"
                    + form(opening)));
        }
    }

    private static String form(FramePost opening) {
        StringBuilder html = new StringBuilder("<form id=\"open-app\" target=\"" + FRAME_NAME + "\" method=\"post\" action=\"")
                .append(escape(opening.url().toString())).append("\">");
        opening.form().forEach((name, value) -> html.append("<input type=\"hidden\" name=\"").append(escape(name))
                .append("\" value=\"").append(escape(value)).append("\">"));
        return html.append("</form><script>document.getElementById('open-app').submit();</script>").toString();
    }

    private static String page(String content) {
        return "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Битрикс24 · Юнит-экономика</title></head>"
                + "<body style=\"margin:0;font-family:sans-serif;background:#eef2f4\">"
                + "<div style=\"background:#2fc6f6;color:white;padding:12px 20px;font-size:18px;height:24px\">"
                + "Битрикс24 · Салон (симулятор)</div>" + content + "</body></html>";
    }

    private static void send(HttpExchange exchange, int status, String html) throws IOException {
        byte[] bytes = html.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
