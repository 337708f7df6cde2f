package ru.unitecon.ui.views;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.HasElement;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Nav;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.RouterLayout;
import com.vaadin.flow.router.RouterLink;
import ru.unitecon.ui.data.BackfillData;
import ru.unitecon.ui.data.RecountData;
import ru.unitecon.ui.data.DashboardData;
import ru.unitecon.ui.entry.PortalSession;

/**
 * The frame around every view: title, navigation, the reconnect banner when the portal needs one, and the
 * progress of the first load of its leads and deals while it runs.
 */
public class MainLayout extends VerticalLayout implements RouterLayout, BeforeEnterObserver, AfterNavigationObserver {
    /**
     * Loads the portal's JS library only inside the portal (the portal names its frame "DOMAIN|PROTOCOL|APP_SID"),
     * then lets the portal size the frame to the page.
     */
    private static final String FIT_PORTAL_FRAME = """
            if (window.parent === window || !/^[^|]+\\|[01]\\|/.test(window.name)) { return; }
            if (window.BX24) { BX24.fitWindow(); return; }
            const script = document.createElement('script');
            script.src = 'https://api.bitrix24.com/api/v1/';
            script.onload = () => BX24.init(() => BX24.fitWindow());
            document.head.appendChild(script);
            """;

    private final DashboardData dashboards;
    private final Span domain = new Span();
    private final Div reconnectBanner = reconnectBanner();
    private final BackfillBanner backfillBanner;
    private final Div content = new Div();

    public MainLayout(DashboardData dashboards, BackfillData backfill, RecountData recount) {
        this.dashboards = dashboards;
        this.backfillBanner = new BackfillBanner(backfill, recount);
        setWidthFull();
        H1 title = new H1(getTranslation("app.title"));
        title.getStyle().set("font-size", "var(--lumo-font-size-xl)").set("margin", "0");
        domain.getStyle().set("color", "var(--lumo-secondary-text-color)");
        Nav nav = new Nav(new RouterLink(getTranslation("nav.overview"), OverviewView.class),
                new RouterLink(getTranslation("nav.channels"), ChannelsView.class),
                new RouterLink(getTranslation("nav.campaigns"), CampaignsView.class),
                new RouterLink(getTranslation("nav.trends"), TrendsView.class),
                new RouterLink(getTranslation("nav.cohorts"), CohortsView.class),
                new RouterLink(getTranslation("nav.retention"), RetentionView.class),
                new RouterLink(getTranslation("nav.appointments"), AppointmentsView.class),
                new RouterLink(getTranslation("nav.whatIf"), WhatIfView.class),
                new RouterLink(getTranslation("nav.spend"), SpendView.class),
                new RouterLink(getTranslation("nav.integrations"), IntegrationsView.class),
                new RouterLink(getTranslation("nav.settings"), SettingsView.class));
        nav.getStyle().set("display", "flex").set("gap", "var(--lumo-space-m)");
        HorizontalLayout header = new HorizontalLayout(title, domain, nav);
        header.setAlignItems(Alignment.BASELINE);
        header.setWidthFull();
        content.setWidthFull();
        add(header, reconnectBanner, backfillBanner, content);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        PortalSession portal = PortalSession.current().orElseThrow();
        domain.setText(portal.domain());
        reconnectBanner.setVisible(dashboards.needsReconnect(portal.memberId()));
        backfillBanner.show(portal.memberId());
    }

    private Div reconnectBanner() {
        H1 heading = new H1(getTranslation("reconnect.title"));
        heading.getStyle().set("font-size", "var(--lumo-font-size-l)").set("margin", "0");
        Div banner = new Div(heading, new Paragraph(getTranslation("reconnect.text")));
        banner.setId("reconnect-banner");
        banner.getStyle().set("background", "var(--lumo-error-color-10pct)")
                .set("border-left", "4px solid var(--lumo-error-color)")
                .set("padding", "var(--lumo-space-s) var(--lumo-space-m)").set("width", "100%")
                .set("box-sizing", "border-box");
        return banner;
    }

    @Override
    public void showRouterLayoutContent(HasElement view) {
        content.getElement().removeAllChildren();
        content.getElement().appendChild(view.getElement());
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        fitPortalFrame();
    }

    @Override
    public void afterNavigation(AfterNavigationEvent event) {
        fitPortalFrame();
    }

    private void fitPortalFrame() {
        getUI().ifPresent(ui -> ui.getPage().executeJs(FIT_PORTAL_FRAME));
    }
}
