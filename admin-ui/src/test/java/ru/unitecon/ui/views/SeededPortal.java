package ru.unitecon.ui.views;

import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.WrappedHttpSession;
import ru.unitecon.core.appointments.AppointmentState;
import ru.unitecon.core.attribution.LeadSource;
import ru.unitecon.core.crm.AppointmentObservation;
import ru.unitecon.core.crm.DealSnapshot;
import ru.unitecon.core.crm.LeadSnapshot;
import ru.unitecon.core.crm.Semantic;
import ru.unitecon.core.ledger.AggregateKey;
import ru.unitecon.core.ledger.Counters;
import ru.unitecon.core.metrics.MetricsEngine;
import ru.unitecon.core.portal.PortalInstallation;
import ru.unitecon.core.portal.PortalSettings;
import ru.unitecon.core.portal.PortalStatus;
import ru.unitecon.core.store.AggregateReader;
import ru.unitecon.core.store.LedgerStore;
import ru.unitecon.core.store.StoredAggregates;
import ru.unitecon.testsupport.LocalDynamo;
import ru.unitecon.ui.TestInfrastructure;
import ru.unitecon.ui.entry.PortalSession;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A portal of its own in DynamoDB Local, filled through the real store: leads and deals applied as the sync
 * function applies them, spend saved as managers save it.
 */
final class SeededPortal {
    static final YearMonth FEBRUARY = YearMonth.of(2026, 2);
    static final YearMonth MARCH = YearMonth.of(2026, 3);

    final String memberId;
    final String domain;
    private final PortalSettings settings = PortalSettings.defaults();
    private final LedgerStore ledger = LocalDynamo.app(Clock.fixed(TestInfrastructure.NOW, ZoneOffset.UTC)).ledger();

    SeededPortal(PortalStatus status) {
        this(LocalDynamo.freshMemberId(), status);
    }

    private SeededPortal(String memberId, PortalStatus status) {
        this(memberId, "salon-" + memberId.substring(0, 6) + ".bitrix24.ru", null, status);
    }

    /** A portal installed here with the given address (a simulated portal's, say) and OAuth server. */
    SeededPortal(String memberId, String domain, URI serverEndpoint, PortalStatus status) {
        this.memberId = memberId;
        this.domain = domain;
        LocalDynamo.app().portals().saveInstallation(new PortalInstallation(memberId,
                domain, URI.create("https://" + domain + "/rest/"), serverEndpoint, null, status,
                TestInfrastructure.NOW, null));
    }

    /** A lead created on the given day of the month, at noon Moscow time. */
    SeededPortal lead(long id, YearMonth month, int day, LeadSource source, Long contactId) {
        Instant created = month.atDay(day).atTime(9, 0).toInstant(ZoneOffset.UTC);
        ledger.apply(memberId, settings, new LeadSnapshot(id, created, created, source, Semantic.IN_PROGRESS,
                contactId, BigDecimal.ZERO, 1L, null));
        return this;
    }

    /** A lead with an appointment at {@code visit} in the given state, created the day before the visit. */
    SeededPortal leadWithVisit(long id, LeadSource source, Instant visit, AppointmentState state) {
        Instant created = visit.minus(Duration.ofDays(1));
        ledger.apply(memberId, settings, new LeadSnapshot(id, created, created, source, Semantic.IN_PROGRESS,
                null, BigDecimal.ZERO, 1L, new AppointmentObservation(visit, state)));
        return this;
    }

    SeededPortal wonDeal(long id, YearMonth month, int day, long contactId, long leadId, String amount) {
        Instant closed = month.atDay(day).atTime(9, 0).toInstant(ZoneOffset.UTC);
        ledger.apply(memberId, settings, new DealSnapshot(id, closed, closed, LeadSource.NONE, Semantic.SUCCESS,
                contactId, leadId, new BigDecimal(amount), LocalDate.ofInstant(closed, ZoneOffset.UTC), 1L, null));
        return this;
    }

    /** A won deal whose amount is in {@code currency}. */
    SeededPortal wonDealIn(long id, YearMonth month, int day, long contactId, long leadId, String amount,
                           String currency) {
        Instant closed = month.atDay(day).atTime(9, 0).toInstant(ZoneOffset.UTC);
        ledger.apply(memberId, settings, new DealSnapshot(id, closed, closed, LeadSource.NONE, Semantic.SUCCESS,
                contactId, leadId, new BigDecimal(amount), currency, LocalDate.ofInstant(closed, ZoneOffset.UTC),
                null, 1L, null));
        return this;
    }

    SeededPortal spend(YearMonth month, Map<String, BigDecimal> amounts) {
        LocalDynamo.app().spend().replaceMonths(memberId, Map.of(month, amounts));
        return this;
    }

    /** The engine over everything stored, built here without the UI's loading code. */
    MetricsEngine engine() {
        StoredAggregates all = LocalDynamo.app().aggregates()
                .load(memberId, YearMonth.of(2024, 1), YearMonth.of(2026, 12));
        return new MetricsEngine(settings, all.counters(), all.spend(), TestInfrastructure.NOW);
    }

    /** The engine over everything stored with the cohort counters added, built here without the UI's loading code. */
    MetricsEngine engineWithCohorts() {
        AggregateReader reader = LocalDynamo.app().aggregates();
        StoredAggregates all = reader.load(memberId, YearMonth.of(2024, 1), YearMonth.of(2026, 12));
        Map<AggregateKey, Counters> counters = new HashMap<>(all.counters());
        reader.cohorts(memberId, YearMonth.of(2024, 1), YearMonth.of(2026, 12))
                .forEach((cell, cohort) -> counters.merge(cell, cohort, Counters::plus));
        return new MetricsEngine(settings, counters, all.spend(), TestInfrastructure.NOW);
    }

    /** What the entry does after verifying the portal's POST. */
    void openInThisSession(Locale locale) {
        openInThisSession(locale, true);
    }

    /** @param admin whether the portal said the viewer administers it */
    void openInThisSession(Locale locale, boolean admin) {
        WrappedHttpSession session = (WrappedHttpSession) VaadinSession.getCurrent().getSession();
        new PortalSession(memberId, domain, "https://" + domain, locale, admin).bindTo(session.getHttpSession());
    }
}
