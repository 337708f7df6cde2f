package ru.unitecon.functions;

import org.junit.jupiter.api.Test;
import ru.unitecon.core.access.SecretKind;
import ru.unitecon.core.bookkeeping.Counters;
import ru.unitecon.core.bookkeeping.FirstResponse;
import ru.unitecon.core.bookkeeping.LeadRecord;
import ru.unitecon.core.bookkeeping.Measure;
import ru.unitecon.core.bookkeeping.ResponseHours;
import ru.unitecon.core.export.ExportRequest;
import ru.unitecon.core.export.ResponseHourTable;
import ru.unitecon.core.metrics.ResponseRow;
import ru.unitecon.simulator.Activities;
import ru.unitecon.simulator.DatasetGenerator;
import ru.unitecon.simulator.Fault;
import ru.unitecon.simulator.SimulatedPortal;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Response speed end to end: the sync reads the fetched leads' first activities and stage moves in one batch request
 * of its own, and the counters it keeps equal a direct computation over the simulated portal's raw records.
 */
class ResponseSpeedSyncTest {
    private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");

    @Test
    void theFirstResponsesOfFreshLeadsMatchADirectReadingOfThePortalsActivitiesAndStageMoves() {
        Instant until = AppOnSimulatedPortal.START.minus(Duration.ofHours(1));
        try (AppOnSimulatedPortal app = AppOnSimulatedPortal.start(
                DatasetGenerator.generate(181, 40, MOSCOW, until, Duration.ofDays(5)))) {
            app.installAndBackfill();
            app.clock.advance(Duration.ofMinutes(1));
            app.portal.calls().clear();
            app.portal.leads().all().forEach(lead ->
                    app.portal.deliverEvent("ONCRMLEADUPDATE", Long.parseLong((String) lead.get("ID")), false));

            app.sync();

            assertEquals(2, app.portal.calls().count(), "one batch of forty crm.lead.get, one for the responses");
            assertEquals(1, app.portal.calls().count("crm.activity.list"));
            assertEquals(1, app.portal.calls().count("crm.stagehistory.list"));
            Map<Long, Instant> expected = directFirstResponses(app.portal);
            Map<Long, Instant> stored = new TreeMap<>();
            for (LeadRecord lead : app.liveLeads()) {
                if (lead.firstResponse() != null) {
                    stored.put(lead.id(), lead.firstResponse().at());
                }
            }
            assertEquals(expected, stored);
            Counters total = app.storedAggregates(app.memberId()).values().stream()
                    .reduce(Counters.ZERO, Counters::plus);
            Map<String, Long> direct = directCounters(app.portal, expected);
            direct.forEach((name, count) -> assertEquals(count.longValue(), total.get(name).longValueExact(), name));
            assertTrue(direct.get(Measure.RESPONDED_IN_5.attribute()) > 0
                    && direct.get(Measure.RESPONDED_IN_15.attribute()) > direct.get(Measure.RESPONDED_IN_5.attribute())
                    && direct.get(Measure.RESPONDED.attribute()) > direct.get(Measure.RESPONDED_IN_15.attribute())
                    && direct.get(Measure.RESPONDED.attribute()) < 40, "fast, slow and unanswered leads: " + direct);
            assertEquals(app.recomputedAggregates(app.memberId()), app.storedAggregates(app.memberId()));
            assertEquals(byHour(direct), exportedByHour(app, until));
        }
    }

    /** The BI export's hour table, added up over its months and channels: leads, within 5 and 15 minutes per hour. */
    private static Map<Integer, List<Long>> exportedByHour(AppOnSimulatedPortal app, Instant until) {
        String secret = app.services.secrets().create(app.memberId(), SecretKind.BI_EXPORT);
        YearMonth to = YearMonth.from(until.atZone(MOSCOW));
        YearMonth from = YearMonth.from(until.minus(Duration.ofDays(6)).atZone(MOSCOW));
        ResponseHourTable table = app.services.metricsExport().readResponseHours(ExportRequest.parse(
                "/bi/" + app.memberId() + "/" + secret + ".csv", "from=" + from + "&to=" + to + "&level=hour")
                .orElseThrow()).orElseThrow();
        Map<Integer, List<Long>> hours = new TreeMap<>();
        for (ResponseHourTable.Row row : table.rows()) {
            ResponseRow response = row.response();
            hours.merge(response.hour().orElseThrow(), List.of(response.leads(), response.answeredIn5(),
                    response.answeredIn15()), ResponseSpeedSyncTest::sum);
        }
        return hours;
    }

    /** The direct counters per hour with any lead: leads, within 5 and 15 minutes. */
    private static Map<Integer, List<Long>> byHour(Map<String, Long> direct) {
        Map<Integer, List<Long>> hours = new TreeMap<>();
        for (int hour = 0; hour < 24; hour++) {
            long leads = direct.getOrDefault(ResponseHours.name(hour, Measure.LEADS), 0L);
            if (leads > 0) {
                hours.put(hour, List.of(leads,
                        direct.getOrDefault(ResponseHours.name(hour, Measure.RESPONDED_IN_5), 0L),
                        direct.getOrDefault(ResponseHours.name(hour, Measure.RESPONDED_IN_15), 0L)));
            }
        }
        return hours;
    }

    private static List<Long> sum(List<Long> left, List<Long> right) {
        return List.of(left.get(0) + right.get(0), left.get(1) + right.get(1), left.get(2) + right.get(2));
    }

    @Test
    void answeredLeadsAreNotAskedAgain() {
        Instant until = AppOnSimulatedPortal.START.minus(Duration.ofHours(1));
        try (AppOnSimulatedPortal app = AppOnSimulatedPortal.start(
                DatasetGenerator.generate(182, 12, MOSCOW, until, Duration.ofDays(3)))) {
            app.installAndBackfill();
            app.clock.advance(Duration.ofMinutes(1));
            app.portal.leads().all().forEach(lead ->
                    app.portal.deliverEvent("ONCRMLEADUPDATE", Long.parseLong((String) lead.get("ID")), false));
            app.sync();
            Map<String, Counters> before = new TreeMap<>();
            app.storedAggregates(app.memberId()).forEach((key, counters) -> before.put(key.toString(), counters));
            long unanswered = app.liveLeads().stream().filter(lead -> lead.firstResponse() == null).count();
            app.portal.calls().clear();

            app.portal.leads().all().forEach(lead ->
                    app.portal.deliverEvent("ONCRMLEADUPDATE", Long.parseLong((String) lead.get("ID")), false));
            app.sync();

            assertEquals(unanswered == 0 ? 1 : 2, app.portal.calls().count());
            Map<String, Counters> after = new TreeMap<>();
            app.storedAggregates(app.memberId()).forEach((key, counters) -> after.put(key.toString(), counters));
            assertEquals(before, after, "asking again counts nothing twice");
        }
    }

    @Test
    void aLeadAnsweredByACallAloneIsFoundByTheReconciliationsPass() {
        Instant until = AppOnSimulatedPortal.START.minus(Duration.ofDays(30));
        try (AppOnSimulatedPortal app = AppOnSimulatedPortal.start(
                DatasetGenerator.generate(183, 10, MOSCOW, until, Duration.ofDays(3)))) {
            app.installAndBackfill();
            app.services.reconciliation().reconcile(app.memberId());
            app.clock.advance(Duration.ofMinutes(1));
            long lead = app.portal.addLead(Map.of("TITLE", "Стрижка", "UTM_SOURCE", "vk"));
            Instant created = app.clock.instant().truncatedTo(ChronoUnit.SECONDS);
            app.portal.deliverEvent("ONCRMLEADADD", lead, false);
            app.sync();
            assertEquals(null, app.recordStore.records().lead(app.memberId(), lead).orElseThrow().firstResponse(),
                    "nobody has answered yet");

            app.clock.advance(Duration.ofMinutes(4));
            app.portal.activities().add(Activities.LEAD, lead, app.clock.instant(), 1);
            app.clock.advance(Duration.ofMinutes(10));
            app.services.reconciliation().reconcile(app.memberId());

            FirstResponse first = app.recordStore.records().lead(app.memberId(), lead).orElseThrow().firstResponse();
            assertEquals(FirstResponse.Source.ACTIVITY, first.source());
            assertTrue(first.secondsAfter(created) <= 5 * 60, first + " after " + created);
            assertEquals(app.recomputedAggregates(app.memberId()), app.storedAggregates(app.memberId()));
            long calls = app.portal.calls().count("crm.activity.list");
            app.clock.advance(Duration.ofMinutes(10));
            app.services.reconciliation().reconcile(app.memberId());
            assertEquals(calls + 1, app.portal.calls().count("crm.activity.list"),
                    "a pass with no new activity asks one page and nothing about the leads");
        }
    }

    @Test
    void aPortalFailingTheActivitiesStillHasItsLeadsReconciled() {
        try (AppOnSimulatedPortal app = AppOnSimulatedPortal.start(DatasetGenerator.generate(184, 10))) {
            app.installAndBackfill();
            app.clock.advance(Duration.ofMinutes(1));
            app.portal.updateLead(3, Map.of("OPPORTUNITY", "3333.00"));
            app.portal.injectFault("crm.activity.list", Fault.SERVER_ERROR);
            Instant startedAt = app.clock.instant();

            app.services.reconciliation().reconcile(app.memberId());

            assertEquals(0, new java.math.BigDecimal("3333").compareTo(
                    app.recordStore.records().lead(app.memberId(), 3).orElseThrow().amount().value()),
                    "the lead's change, missed as an event, is applied by the pass");
            assertEquals(startedAt, app.portals.find(app.memberId()).orElseThrow().lastReconciledAt(),
                    "the pass is recorded: the next one starts from here");
        }
    }

    /** Each lead's first activity or first stage move, read straight from the portal's records. */
    private static Map<Long, Instant> directFirstResponses(SimulatedPortal portal) {
        Map<Long, Instant> first = new TreeMap<>();
        for (Map<String, Object> activity : portal.activities().all()) {
            if ("1".equals(activity.get("OWNER_TYPE_ID"))) {
                first.merge(Long.parseLong((String) activity.get("OWNER_ID")), instant(activity.get("CREATED")),
                        (a, b) -> a.isBefore(b) ? a : b);
            }
        }
        for (Map<String, Object> lead : portal.leads().all()) {
            if (!"NEW".equals(lead.get("STATUS_ID"))) {
                Instant moved = instant(Objects.requireNonNullElse(lead.get("MOVED_TIME"), lead.get("DATE_MODIFY")));
                first.merge(Long.parseLong((String) lead.get("ID")), moved, (a, b) -> a.isBefore(b) ? a : b);
            }
        }
        return first;
    }

    /** The response counters added up over all months and channels, from the leads' creation times. */
    private static Map<String, Long> directCounters(SimulatedPortal portal, Map<Long, Instant> first) {
        Map<String, Long> counters = new TreeMap<>();
        for (Map<String, Object> lead : portal.leads().all()) {
            Instant created = instant(lead.get("DATE_CREATE"));
            int hour = created.atZone(MOSCOW).getHour();
            counters.merge(ResponseHours.name(hour, Measure.LEADS), 1L, Long::sum);
            Instant answered = first.get(Long.parseLong((String) lead.get("ID")));
            if (answered == null) {
                continue;
            }
            long seconds = Math.max(0, Duration.between(created, answered).toSeconds());
            counters.merge(Measure.RESPONDED.attribute(), 1L, Long::sum);
            counters.merge(Measure.RESPONSE_SECONDS.attribute(), seconds, Long::sum);
            if (seconds <= 5 * 60) {
                counters.merge(Measure.RESPONDED_IN_5.attribute(), 1L, Long::sum);
                counters.merge(ResponseHours.name(hour, Measure.RESPONDED_IN_5), 1L, Long::sum);
            }
            if (seconds <= 15 * 60) {
                counters.merge(Measure.RESPONDED_IN_15.attribute(), 1L, Long::sum);
                counters.merge(ResponseHours.name(hour, Measure.RESPONDED_IN_15), 1L, Long::sum);
            }
        }
        return counters;
    }

    private static Instant instant(Object text) {
        return OffsetDateTime.parse((String) text).toInstant();
    }
}
