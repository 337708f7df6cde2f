package ru.unitecon.ui.entry;

import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ru.unitecon.core.ads.AdPlatform;
import ru.unitecon.core.adsimport.AdConnections;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The ad platforms' OAuth redirect back to the app ({@code /app/ads/callback/direct}, {@code …/vkads}): the
 * browser's top-level page, so no portal session is asked for; the {@code state} alone says which portal and
 * administrator started the connection, and {@link AdConnections#finish} refuses any it did not start. The page
 * says what happened and never shows a code or token.
 */
public final class AdCallbackFilter extends HttpFilter {
    public static final String PATH = "/app/ads/callback/";
    private static final Logger LOG = LoggerFactory.getLogger(AdCallbackFilter.class);

    private final AdConnections connecting;

    public AdCallbackFilter(AdConnections connecting) {
        this.connecting = connecting;
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException {
        String platformCode = request.getRequestURI().substring(request.getRequestURI().lastIndexOf('/') + 1);
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Referrer-Policy", "no-referrer");
        try {
            AdPlatform platform = AdPlatform.ofCode(platformCode);
            AdConnections.Connected connected = connecting.finish(platform, request.getParameter("state"),
                    request.getParameter("code"), request.getParameter("error"));
            page(response, HttpServletResponse.SC_OK, "Рекламный кабинет подключён / Ad account connected",
                    connected.account().accountId() + ": " + switch (connected.firstImport()) {
                        case IMPORTED -> "расходы загружены / spend imported";
                        case FAILED, RECONNECT -> "первая загрузка не удалась, см. «Интеграции» / the first import "
                                + "failed, see Integrations";
                    });
        } catch (AdConnections.ConnectRefused | IllegalArgumentException e) {
            LOG.info("ad account callback refused: {}", e.getMessage());
            page(response, HttpServletResponse.SC_FORBIDDEN, "Не подключено / Not connected", e.getMessage());
        }
    }

    private static void page(HttpServletResponse response, int status, String title, String text)
            throws IOException {
        response.setStatus(status);
        response.setContentType("text/html");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        String html = "<!doctype html><meta charset=utf-8><title>" + escape(title) + "</title><h1>" + escape(title)
                + "</h1><p id=result>" + escape(text) + "</p><p>Вернитесь в приложение в Битрикс24 / Return to the "
                + "app in Bitrix24.</p>";
        response.getOutputStream().write(html.getBytes(StandardCharsets.UTF_8));
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
