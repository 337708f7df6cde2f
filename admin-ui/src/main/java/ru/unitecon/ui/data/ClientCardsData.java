package ru.unitecon.ui.data;

import org.springframework.stereotype.Service;
import ru.unitecon.core.clients.ClientCard;
import ru.unitecon.core.clients.ClientCards;
import ru.unitecon.core.portal.PortalSettings;
import ru.unitecon.core.store.SettingsStore;

import java.util.Optional;

/** The client tab's data: one portal's client of a contact or deal, and how the portal writes money and dates. */
@Service
public class ClientCardsData {
    private final ClientCards cards;
    private final SettingsStore settings;

    public ClientCardsData(ClientCards cards, SettingsStore settings) {
        this.cards = cards;
        this.settings = settings;
    }

    public Optional<ClientCard> ofContact(String memberId, long contactId) {
        return cards.forContact(memberId, contactId);
    }

    public Optional<ClientCard> ofDeal(String memberId, long dealId) {
        return cards.forDeal(memberId, dealId);
    }

    public PortalSettings settings(String memberId) {
        return settings.load(memberId);
    }
}
