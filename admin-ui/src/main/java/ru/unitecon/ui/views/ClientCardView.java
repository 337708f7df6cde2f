package ru.unitecon.ui.views;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import ru.unitecon.core.clients.ClientCard;
import ru.unitecon.ui.data.ClientCardsData;
import ru.unitecon.ui.entry.PortalSession;
import ru.unitecon.ui.format.Figures;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The client tab of a CRM contact or deal card: where the client came from, what the client has brought and whether
 * the client still comes. The portal comes from the session, the record from the address the entry redirected to
 * ({@code ?contact=42} or {@code ?deal=7}); a record of another portal is simply not found in this portal's data.
 * Outside the navigation: the tab is a narrow frame inside the card.
 */
@Route("client-card")
public class ClientCardView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {
    private final ClientCardsData cards;
    private final Div facts = new Div();

    public ClientCardView(ClientCardsData cards) {
        this.cards = cards;
        setPadding(true);
        setSpacing(false);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        String memberId = PortalSession.current().orElseThrow().memberId();
        Map<String, List<String>> query = event.getLocation().getQueryParameters().getParameters();
        Optional<ClientCard> card = id(query, "contact").flatMap(contact -> cards.ofContact(memberId, contact))
                .or(() -> id(query, "deal").flatMap(deal -> cards.ofDeal(memberId, deal)));
        H3 title = new H3(t("title"));
        title.getStyle().set("margin-top", "0");
        add(title);
        if (card.isEmpty()) {
            Paragraph unknown = new Paragraph(t("unknown"));
            unknown.setId("client-unknown");
            add(unknown);
            return;
        }
        show(card.get(), Figures.of(getLocale(), cards.settings(memberId)));
    }

    private void show(ClientCard card, Figures figures) {
        Span status = new Span(t("status." + card.status().name()));
        status.setId("client-status");
        status.getElement().getThemeList().add("badge " + switch (card.status()) {
            case ACTIVE -> "success";
            case LOST -> "error";
            case NOT_YET_CLIENT -> "contrast";
        });
        facts.removeAll();
        facts.getStyle().set("display", "grid").set("grid-template-columns", "max-content minmax(8rem, 24rem)")
                .set("column-gap", "var(--lumo-space-l)");
        add(status, facts);
        row("channel", ChannelNames.of(this, card.channel()));
        row("campaign", card.campaign().orElse(Figures.UNDEFINED));
        row("visits", figures.count(card.visits()));
        row("orders", figures.count(card.orders()));
        row("revenue", figures.money(card.revenue()));
        row("ltv", figures.money(card.observedLtv()));
        row("noShows", figures.count(card.noShows()));
        row("nextVisit", card.nextVisit().map(figures::dateTime).orElse(t("noNextVisit")));
        row("lastOrder", card.lastOrder().map(figures::date).orElse(Figures.UNDEFINED));
        if (card.ordersNotCounted() > 0) {
            Paragraph notCounted = new Paragraph(getTranslation("client.ordersNotCounted",
                    figures.count(card.ordersNotCounted())));
            notCounted.setId("client-orders-not-counted");
            add(notCounted);
        }
        Paragraph basis = new Paragraph(t("basis"));
        basis.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-s)");
        add(basis);
    }

    /** A label and its value in the two columns of the grid, so that every value starts at the same place. */
    private void row(String key, String value) {
        Span label = new Span(t(key));
        label.getStyle().set("color", "var(--lumo-secondary-text-color)");
        Span shown = new Span(value);
        shown.setId("client-" + key);
        shown.getStyle().set("font-weight", "600");
        for (Span cell : new Span[]{label, shown}) {
            cell.getStyle().set("padding", "var(--lumo-space-xs) 0")
                    .set("border-bottom", "1px solid var(--lumo-contrast-10pct)");
        }
        facts.add(label, shown);
    }

    /** A CRM id from the address; anything but a positive number names no record. */
    private static Optional<Long> id(Map<String, List<String>> query, String name) {
        String value = query.getOrDefault(name, List.of()).stream().findFirst().orElse("");
        return value.matches("[1-9][0-9]{0,17}") ? Optional.of(Long.parseLong(value)) : Optional.empty();
    }

    @Override
    public String getPageTitle() {
        return t("title") + " · " + getTranslation("app.title");
    }

    private String t(String key) {
        return getTranslation("client." + key);
    }
}
