package ru.unitecon.ui.views;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent.Alignment;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;
import ru.unitecon.core.ads.AdConnection;
import ru.unitecon.core.ads.AdPlatform;
import ru.unitecon.core.ads.ConnectionState;
import ru.unitecon.ui.data.AdAccountsData;
import ru.unitecon.ui.entry.PortalSession;
import ru.unitecon.ui.format.Figures;

import java.net.URI;

/**
 * The Integrations view's ad accounts: each connection with its state (importing, or to be connected again), last
 * import, rows and last error, for everyone; connecting (Yandex Direct, with the client's login for an agency;
 * VK Ads) and disconnecting for portal administrators only.
 */
final class AdAccountsSection extends Div {
    private final AdAccountsData ads;
    private final PortalSession portal;
    private final Figures figures;

    AdAccountsSection(AdAccountsData ads, PortalSession portal, Figures figures) {
        this.ads = ads;
        this.portal = portal;
        this.figures = figures;
        setId("ads-section");
        setWidthFull();
        show();
    }

    private void show() {
        removeAll();
        add(new H3(getTranslation("integrations.ads.title")), new Paragraph(getTranslation("integrations.ads.text")));
        for (AdConnection connection : ads.list(portal)) {
            add(row(connection));
        }
        if (portal.admin()) {
            if (ads.configured(AdPlatform.YANDEX_DIRECT)) {
                TextField clientLogin = new TextField(getTranslation("integrations.ads.clientLogin"));
                clientLogin.setId("ads-direct-client-login");
                Button connect = new Button(getTranslation("integrations.ads.connectDirect"),
                        click -> connect(AdPlatform.YANDEX_DIRECT, clientLogin.getValue()));
                connect.setId("ads-connect-direct");
                connect.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
                HorizontalLayout direct = new HorizontalLayout(clientLogin, connect);
                direct.setAlignItems(Alignment.BASELINE);
                add(direct);
            }
            if (ads.configured(AdPlatform.VK_ADS)) {
                Button connect = new Button(getTranslation("integrations.ads.connectVk"),
                        click -> connect(AdPlatform.VK_ADS, null));
                connect.setId("ads-connect-vkads");
                connect.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
                add(connect);
            }
        }
    }

    private HorizontalLayout row(AdConnection connection) {
        String id = "ads-" + connection.account().platform().code() + "-" + connection.account().accountId();
        Span name = new Span(getTranslation("integrations.ads.platform." + connection.account().platform().code())
                + " · " + connection.account().accountId());
        Span state = new Span(getTranslation(connection.state() == ConnectionState.ACTIVE
                ? "integrations.ads.active" : "integrations.ads.reconnect"));
        state.setId(id + "-state");
        Span imported = new Span(connection.lastImportAt() == null ? getTranslation("integrations.ads.notYet")
                : getTranslation("integrations.ads.lastImport", figures.dateTime(connection.lastImportAt()),
                connection.lastImportRows()));
        imported.setId(id + "-import");
        HorizontalLayout row = new HorizontalLayout(name, state, imported);
        row.setId(id);
        row.setAlignItems(Alignment.BASELINE);
        if (connection.lastError() != null) {
            Span error = new Span(getTranslation("integrations.ads.error", connection.lastError()));
            error.setId(id + "-error");
            row.add(error);
        }
        if (portal.admin()) {
            Button disconnect = new Button(getTranslation("integrations.ads.disconnect"), click -> {
                ads.disconnect(portal, connection.account());
                show();
            });
            disconnect.setId(id + "-disconnect");
            disconnect.addThemeVariants(ButtonVariant.LUMO_ERROR);
            row.add(disconnect);
        }
        return row;
    }

    /** The consent page opens in a new tab: the platforms refuse to be framed inside the portal. */
    private void connect(AdPlatform platform, String clientLogin) {
        URI consent = ads.start(portal, platform, clientLogin);
        UI.getCurrent().getPage().open(consent.toString(), "_blank");
    }
}
