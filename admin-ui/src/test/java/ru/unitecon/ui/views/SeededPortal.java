package ru.unitecon.ui.views;

import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.WrappedHttpSession;
import ru.unitecon.core.appointments.AppointmentState;
import ru.unitecon.core.attribution.LeadSource;
import ru.unitecon.core.metrics.MetricsEngine;
import ru.unitecon.core.metrics.ResponseSpeed;
import ru.unitecon.core.metrics.RetentionEngine;
import ru.unitecon.core.portal.InstallationStatus;
import ru.unitecon.testsupport.SeededSalon;
import ru.unitecon.ui.entry.PortalSession;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Locale;
import java.util.Map;

/**
 * A portal of its own in DynamoDB Local, seeded through core's {@link SeededSalon} (leads and deals applied as the
 * sync function applies them, spend saved as managers save it), and opened in a view's session.
 */
final class SeededPortal {
    static final YearMonth FEBRUARY = SeededSalon.FEBRUARY;
    static final YearMonth MARCH = SeededSalon.MARCH;

    final String memberId;
    final String domain;
    private final SeededSalon salon;

    SeededPortal(InstallationStatus status) {
        this(new SeededSalon(status));
    }

    /** A portal installed here with the given address (a simulated portal's, say) and OAuth server. */
    SeededPortal(String memberId, String domain, URI serverEndpoint, InstallationStatus status) {
        this(new SeededSalon(memberId, domain, serverEndpoint, status));
    }

    private SeededPortal(SeededSalon salon) {
        this.salon = salon;
        this.memberId = salon.memberId;
        this.domain = salon.domain;
    }

    SeededPortal lead(long id, YearMonth month, int day, LeadSource source, Long contactId) {
        salon.lead(id, month, day, source, contactId);
        return this;
    }

    SeededPortal leadWithVisit(long id, LeadSource source, Instant visit, AppointmentState state) {
        salon.leadWithVisit(id, source, visit, state);
        return this;
    }

    SeededPortal wonDeal(long id, YearMonth month, int day, long contactId, long leadId, String amount) {
        salon.wonDeal(id, month, day, contactId, leadId, amount);
        return this;
    }

    SeededPortal wonDealBy(long id, YearMonth month, int day, long contactId, long leadId, String amount,
                           Long master) {
        salon.wonDealBy(id, month, day, contactId, leadId, amount, master);
        return this;
    }

    SeededPortal answered(long id, YearMonth month, int day, int minutes) {
        salon.answered(id, month, day, minutes);
        return this;
    }

    ResponseSpeed responseSpeed() {
        return salon.responseSpeed();
    }

    RetentionEngine retention() {
        return salon.retention();
    }

    SeededPortal wonDealIn(long id, YearMonth month, int day, long contactId, long leadId, String amount,
                           String currency) {
        salon.wonDealIn(id, month, day, contactId, leadId, amount, currency);
        return this;
    }

    /** March's campaigns of {@link SeededSalon#withCampaigns()}. */
    SeededPortal withCampaigns() {
        salon.withCampaigns();
        return this;
    }

    SeededPortal spend(YearMonth month, Map<String, BigDecimal> amounts) {
        salon.spend(month, amounts);
        return this;
    }

    MetricsEngine engine() {
        return salon.engine();
    }

    MetricsEngine engineWithCohorts() {
        return salon.engineWithCohorts();
    }

    /** What the entry does after verifying the portal's POST. */
    void openInThisSession(Locale locale) {
        openInThisSession(locale, true);
    }

    /** @param admin whether the portal said the viewer administers it */
    void openInThisSession(Locale locale, boolean admin) {
        WrappedHttpSession session = (WrappedHttpSession) VaadinSession.getCurrent().getSession();
        new PortalSession(memberId, domain, "https://" + domain, locale, admin, admin ? 1 : 7).bindTo(session.getHttpSession());
    }
}
