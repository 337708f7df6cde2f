package ru.unitecon.ui.entry;

import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.WrappedSession;
import jakarta.servlet.http.HttpSession;

import java.io.Serializable;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The one portal an HTTP session belongs to, set only by {@link PlacementEntryFilter} after verification. Every
 * query the UI makes takes the portal from here, never from a request parameter.
 *
 * @param origin the portal's origin ({@code https://acme.bitrix24.ru}), the only page allowed to frame the app
 * @param userId the viewer's user id on the portal ({@code profile}), to bind what they start to them
 */
public record PortalSession(String memberId, String domain, String origin, Locale locale, boolean admin, long userId)
        implements Serializable {
    static final String ATTRIBUTE = PortalSession.class.getName();
    public static final Locale RUSSIAN = Locale.of("ru", "RU");

    public static Optional<PortalSession> of(HttpSession session) {
        return session == null ? Optional.empty()
                : Optional.ofNullable((PortalSession) session.getAttribute(ATTRIBUTE));
    }

    /** The portal of the Vaadin session serving the current request, if it came in through the entry. */
    public static Optional<PortalSession> current() {
        VaadinSession vaadin = VaadinSession.getCurrent();
        WrappedSession session = vaadin == null ? null : vaadin.getSession();
        return session == null ? Optional.empty()
                : Optional.ofNullable((PortalSession) session.getAttribute(ATTRIBUTE));
    }

    /** Russian unless the portal speaks another language; Bitrix24's ru, ua, by and kz portals get Russian. */
    public static Locale localeOf(String portalLang) {
        if (portalLang == null || portalLang.isBlank()
                || Set.of("ru", "ua", "by", "kz").contains(portalLang.toLowerCase(Locale.ROOT))) {
            return RUSSIAN;
        }
        return Locale.ENGLISH;
    }

    public void bindTo(HttpSession session) {
        session.setAttribute(ATTRIBUTE, this);
    }
}
