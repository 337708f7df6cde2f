package ru.unitecon.core.alerts;

import ru.unitecon.core.appointments.AppointmentState;
import ru.unitecon.core.bookkeeping.FirstResponse;
import ru.unitecon.core.attribution.LeadSource;
import ru.unitecon.core.crm.AppointmentObservation;
import ru.unitecon.core.crm.DealSnapshot;
import ru.unitecon.core.crm.LeadSnapshot;
import ru.unitecon.core.crm.Semantic;
import ru.unitecon.core.bookkeeping.AggregateKey;
import ru.unitecon.core.portal.AlertKind;
import ru.unitecon.core.portal.AlertSettings;
import ru.unitecon.core.portal.PortalSettings;
import ru.unitecon.core.portal.SettingSource;
import ru.unitecon.simulator.Dataset;
import ru.unitecon.simulator.PortalRecords;
import ru.unitecon.testsupport.ServicesOnSimulatedPortal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * A salon installed on the simulated portal on 23 November 2026 in a zone of the test's choosing, whose records a
 * test applies itself as the sync would, so that every figure of an alert is the test's own.
 */
final class AlertWorld implements AutoCloseable {
    final ServicesOnSimulatedPortal app = ServicesOnSimulatedPortal.start(Dataset.bundledSample());
    final PortalSettings settings;

    AlertWorld(ZoneId zone) {
        app.install();
        settings = app.services.settings().load(memberId()).withZone(zone, SettingSource.admin(app.clock.instant()));
        app.services.settings().save(memberId(), settings);
    }

    String memberId() {
        return app.memberId();
    }

    /** Only these kinds go out, each to these users. */
    AlertWorld receiving(Map<AlertKind, List<Long>> recipients, String language) {
        AlertSettings defaults = AlertSettings.defaults(null, language);
        app.services.alertSettings().save(memberId(), new AlertSettings(recipients, defaults.noShowRatePercent(),
                defaults.spikeFactor(), defaults.unknownSharePercent(), defaults.daysWithoutLeads(),
                defaults.answeredIn15Percent(), language));
        return this;
    }

    AlertWorld lead(long id, String created, LeadSource source, Long contactId) {
        return leadWithVisit(id, created, source, contactId, null, null);
    }

    /** The lead's first response, an activity at {@code at}. */
    AlertWorld answered(long id, String at) {
        app.services.recordStore().answerLead(memberId(), settings, id,
                new FirstResponse(Instant.parse(at), FirstResponse.Source.ACTIVITY));
        return this;
    }

    AlertWorld leadWithVisit(long id, String created, LeadSource source, Long contactId, String visit,
                             AppointmentState state) {
        Instant at = Instant.parse(created);
        app.services.recordStore().apply(memberId(), settings, new LeadSnapshot(id, at, at, source, Semantic.IN_PROGRESS,
                contactId, BigDecimal.ZERO, 1L,
                visit == null ? null : new AppointmentObservation(Instant.parse(visit), state)));
        return this;
    }

    AlertWorld wonDeal(long id, long contactId, long leadId, String amount, String closed) {
        LocalDate day = LocalDate.parse(closed);
        Instant at = day.atStartOfDay(settings.zone()).plusHours(12).toInstant();
        app.services.recordStore().apply(memberId(), settings, new DealSnapshot(id, at, at, LeadSource.NONE,
                Semantic.SUCCESS, contactId, leadId, new BigDecimal(amount), day, 1L, null));
        return this;
    }

    AlertWorld spend(YearMonth month, String channel, String amount) {
        app.services.spend().replaceCells(memberId(), Map.of(new AggregateKey(month, channel),
                new BigDecimal(amount)));
        return this;
    }

    AlertWorld at(String instant) {
        app.clock.set(Instant.parse(instant));
        return this;
    }

    AlertReport pass() {
        return app.services.alerts().run();
    }

    List<PortalRecords.Notification> notifications() {
        return app.portal.records().notifications();
    }

    List<PortalRecords.Notification> tagged(String tag) {
        return notifications().stream().filter(n -> tag.equals(n.tag())).toList();
    }

    /**
     * A notification's link into the app's view: Bitrix24's {@code REST_APP_URI} address with the app's code on the
     * portal (the simulator's {@code app.info} answers the client id, as Bitrix24 does for a local app).
     */
    String link(String view, String title) {
        return "[URL=https://" + app.portal.domain() + "/marketplace/view/" + app.portal.seed().clientId()
                + "/?params%5Bview%5D=" + view + "]" + title + "[/URL]";
    }

    @Override
    public void close() {
        app.close();
    }
}
