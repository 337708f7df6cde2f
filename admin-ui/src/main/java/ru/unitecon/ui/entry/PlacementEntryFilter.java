package ru.unitecon.ui.entry;

import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The app's entry: the portal's form POST into its iframe, from the app's page, CRM ▸ Analytics or a contact's or
 * deal's card tab. The POST is verified before anything is shown, the same way for every placement; a verified one
 * gets a fresh session bound to that portal and a 303 to the overview (or to the view a notification's link names),
 * or for a card tab to the client card of the card's record (a tab whose PLACEMENT_OPTIONS name no numeric ID gets
 * 400 and no session). Anything else gets the page that says to reopen the app from Bitrix24, with no session and
 * no data.
 */
public final class PlacementEntryFilter extends HttpFilter {
    public static final String PATH = "/app";
    private static final Logger LOG = LoggerFactory.getLogger(PlacementEntryFilter.class);

    private final PortalVerifier verifier;
    private final byte[] refusalPage;

    public PlacementEntryFilter(PortalVerifier verifier) {
        this.verifier = verifier;
        try (InputStream page = PlacementEntryFilter.class.getResourceAsStream("reopen-from-bitrix24.html")) {
            this.refusalPage = page.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException("the refusal page is missing from the build", e);
        }
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException {
        if (!"POST".equals(request.getMethod())) {
            refuse(response, HttpServletResponse.SC_METHOD_NOT_ALLOWED);
            return;
        }
        PlacementPost post = PlacementPost.from(request);
        switch (verifier.verify(post)) {
            case PortalVerifier.Verified portal -> {
                Optional<String> landing = Landing.of(post);
                if (landing.isPresent()) {
                    enter(request, response, post, portal, landing.get());
                } else {
                    LOG.info("placement POST without a record id in its options: {}", post);
                    refuse(response, HttpServletResponse.SC_BAD_REQUEST);
                }
            }
            case PortalVerifier.Refused refused -> {
                LOG.info("placement POST refused ({}): {}", refused.reason(), post);
                refuse(response, HttpServletResponse.SC_FORBIDDEN);
            }
        }
    }

    private static void enter(HttpServletRequest request, HttpServletResponse response, PlacementPost post,
                              PortalVerifier.Verified portal, String landing) throws IOException {
        HttpSession previous = request.getSession(false);
        if (previous != null) {
            // A session never changes portal (or user): a new opening always starts a new session.
            previous.invalidate();
        }
        PortalSession bound = new PortalSession(portal.memberId(), portal.domain(),
                post.scheme() + "://" + portal.domain(), PortalSession.localeOf(post.lang()), portal.admin(), portal.userId());
        bound.bindTo(request.getSession(true));
        FramingPolicyFilter.allowFramingBy(response, bound);
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader("Location", request.getContextPath() + landing);
    }

    private void refuse(HttpServletResponse response, int status) throws IOException {
        response.setStatus(status);
        response.setContentType("text/html");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader("Cache-Control", "no-store");
        response.getOutputStream().write(refusalPage);
    }
}
