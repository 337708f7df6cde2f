package ru.unitecon.ui.views;

import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import ru.unitecon.core.portal.PortalSettings;
import ru.unitecon.ui.data.DashboardData;
import ru.unitecon.ui.entry.PortalSession;
import ru.unitecon.ui.format.Figures;

import java.time.YearMonth;

/**
 * A view of one portal's figures. On each entry it takes the portal from the session (never from the request),
 * reads the portal's settings, and prepares how figures are written for the viewer and which month is the portal's
 * current one; then the view shows itself ({@link #entered}).
 */
public abstract class DashboardView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {
    protected final DashboardData dashboards;
    private final String titleKey;
    private PortalSession portal;
    private PortalSettings settings;
    private Figures figures;
    private YearMonth currentMonth;

    /** @param titleKey the translation key of the view's title */
    protected DashboardView(DashboardData dashboards, String titleKey) {
        this.dashboards = dashboards;
        this.titleKey = titleKey;
    }

    @Override
    public final void beforeEnter(BeforeEnterEvent event) {
        portal = PortalSession.current().orElseThrow();
        settings = dashboards.settings(portal.memberId());
        figures = Figures.of(getLocale(), settings);
        currentMonth = dashboards.currentMonth(settings);
        entered(event);
    }

    /** Shows the portal's figures; the portal, its settings, figures and current month are set. */
    protected abstract void entered(BeforeEnterEvent event);

    @Override
    public String getPageTitle() {
        return getTranslation(titleKey) + " · " + getTranslation("app.title");
    }

    protected PortalSession portal() {
        return portal;
    }

    protected String memberId() {
        return portal.memberId();
    }

    protected PortalSettings settings() {
        return settings;
    }

    protected Figures figures() {
        return figures;
    }

    /** The portal's current month, in its own time zone. */
    protected YearMonth currentMonth() {
        return currentMonth;
    }
}
