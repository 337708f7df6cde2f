package ru.unitecon.ui.entry;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * Lets exactly the session's verified portal frame the app ({@code frame-ancestors}), and nobody else frame a
 * page without a portal. Browsers ignore Vaadin's own X-Frame-Options when this header is present.
 */
public final class FramingPolicyFilter extends HttpFilter {

    static void allowFramingBy(HttpServletResponse response, PortalSession portal) {
        response.setHeader("Content-Security-Policy", "frame-ancestors 'self' " + portal.origin());
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        PortalSession.of(request.getSession(false)).ifPresentOrElse(
                portal -> allowFramingBy(response, portal),
                () -> response.setHeader("Content-Security-Policy", "frame-ancestors 'self'"));
        chain.doFilter(request, response);
    }
}
