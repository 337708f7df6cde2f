package ru.unitecon.functions;

import org.junit.jupiter.api.Test;
import ru.unitecon.core.appointments.Appointment;
import ru.unitecon.core.appointments.AppointmentState;
import ru.unitecon.core.bitrix.crm.AppointmentFieldMapping;
import ru.unitecon.core.bookkeeping.AggregateKey;
import ru.unitecon.core.bookkeeping.Counters;
import ru.unitecon.core.bookkeeping.Measure;
import ru.unitecon.core.metrics.MetricsEngine;
import ru.unitecon.core.metrics.Period;
import ru.unitecon.core.metrics.PeriodMetrics;
import ru.unitecon.core.portal.AppointmentFields;
import ru.unitecon.core.portal.PortalSettings;
import ru.unitecon.core.store.AggregateReader;
import ru.unitecon.simulator.CrmEntityType;
import ru.unitecon.simulator.Dataset;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Appointment state from the portal's fields into the records and the monthly aggregates. */
class AppointmentsSyncTest {
    private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
    private static final YearMonth DECEMBER = YearMonth.of(2026, 12);

    private static String wire(LocalDateTime local) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(local.atZone(MOSCOW));
    }

    @Test
    void aPortalsOwnVisitFieldAndDealStagesNamedInSettingsAreSyncedAndReminded() {
        try (AppOnSimulatedPortal app = AppOnSimulatedPortal.start(Dataset.bundledSample(), MOSCOW,
                Duration.ofSeconds(20))) {
            app.installAndBackfill();
            for (String entity : List.of("lead", "deal")) {
                app.clients.forPortal(app.memberId()).call("crm." + entity + ".userfield.add", Map.of("fields",
                        Map.of("FIELD_NAME", "VISIT_AT", "USER_TYPE_ID", "datetime", "LABEL", "Визит")));
            }
            app.settings.save(app.memberId(), PortalSettings.defaults().withAppointmentFields(
                    new AppointmentFields("UF_CRM_VISIT_AT", null, Map.of("PREPARATION", AppointmentState.CONFIRMED))));
            app.clock.set(LocalDateTime.parse("2026-11-23T12:00").atZone(MOSCOW).toInstant());

            long deal = app.portal.addDeal(Map.of("TITLE", "Окрашивание", "STAGE_ID", "PREPARATION",
                    "ASSIGNED_BY_ID", "6", "UF_CRM_VISIT_AT", wire(LocalDateTime.parse("2026-11-25T15:00"))));
            long lead = app.portal.addLead(Map.of("TITLE", "Стрижка", "ASSIGNED_BY_ID", "6",
                    "UF_CRM_VISIT_AT", wire(LocalDateTime.parse("2026-11-26T15:00"))));
            app.portal.deliverEvent("ONCRMDEALADD", deal, false);
            app.portal.deliverEvent("ONCRMLEADADD", lead, false);
            app.sync();

            Appointment dealVisit = app.recordStore.records().deal(app.memberId(), deal).orElseThrow().appointment();
            assertEquals(AppointmentState.CONFIRMED, dealVisit.state());
            assertEquals(Instant.parse("2026-11-25T12:00:00Z"), dealVisit.time());
            assertEquals(AppointmentState.BOOKED,
                    app.recordStore.records().lead(app.memberId(), lead).orElseThrow().appointment().state());

            app.clock.set(Instant.parse("2026-11-24T12:00:00Z"));
            app.schedulerHandler.handleRequest(null, null);

            assertEquals("24h 25.11.2026 15:00",
                    app.portal.deals().get(deal).orElseThrow().get(AppointmentFieldMapping.REMINDER_FIELD));
            assertEquals(List.of(), app.portal.violations());
        }
    }

    /** One client's visit as the test plans it: booked, maybe moved and confirmed, then its outcome. */
    private record Plan(LocalDateTime bookedAt, LocalDateTime visit, LocalDateTime movedTo, boolean confirmed,
                        AppointmentState outcome) {
        LocalDateTime finalVisit() {
            return movedTo != null ? movedTo : visit;
        }
    }

    private record Step(LocalDateTime at, int plan, String what) {
    }

    @Test
    void aMonthOfVisitsWithReplayedEventsKeepsTheAppointmentAggregatesExact() {
        try (AppOnSimulatedPortal app = AppOnSimulatedPortal.start(Dataset.bundledSample(), MOSCOW,
                Duration.ofSeconds(20))) {
            app.installAndBackfill();
            SplittableRandom random = new SplittableRandom(2026);
            List<Plan> plans = new ArrayList<>();
            List<Step> steps = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                LocalDateTime booked = LocalDate.of(2026, 12, 1 + random.nextInt(20)).atTime(9 + random.nextInt(10), 7);
                LocalDateTime visit = booked.toLocalDate().plusDays(1 + random.nextInt(5)).atTime(10 + random.nextInt(9), 0);
                LocalDateTime movedTo = random.nextInt(6) == 0 ? visit.plusDays(2) : null;
                int fate = random.nextInt(20);
                // Every sixth visit is left as booked: staff never marked it.
                AppointmentState outcome = i % 6 == 5 || fate >= 18 ? AppointmentState.BOOKED
                        : fate < 11 ? AppointmentState.ATTENDED
                        : fate < 15 ? AppointmentState.NO_SHOW : AppointmentState.CANCELLED;
                Plan plan = new Plan(booked, visit, movedTo, random.nextInt(10) < 6, outcome);
                plans.add(plan);
                steps.add(new Step(booked, i, "book"));
                if (movedTo != null) {
                    steps.add(new Step(visit.minusDays(1).withHour(9).withMinute(11), i, "move"));
                }
                if (plan.confirmed()) {
                    steps.add(new Step(plan.finalVisit().minusHours(20), i, "confirm"));
                }
                if (outcome != AppointmentState.BOOKED) {
                    LocalDateTime outcomeAt = outcome == AppointmentState.CANCELLED
                            ? plan.finalVisit().minusHours(5) : plan.finalVisit().plusHours(1);
                    steps.add(new Step(outcomeAt, i, outcome.name()));
                }
            }
            for (LocalDate day = LocalDate.of(2026, 12, 1); !day.isAfter(LocalDate.of(2026, 12, 31)); day = day.plusDays(1)) {
                steps.add(new Step(day.atTime(12, 30), -1, "scheduler"));
            }
            steps.sort(Comparator.comparing(Step::at));

            Map<Integer, Long> leads = new HashMap<>();
            int changes = 0;
            String stateField = AppointmentFieldMapping.STATE_FIELD;
            for (Step step : steps) {
                app.clock.set(step.at().atZone(MOSCOW).toInstant());
                if (step.plan() < 0) {
                    app.schedulerHandler.handleRequest(null, null);
                    continue;
                }
                Plan plan = plans.get(step.plan());
                switch (step.what()) {
                    case "book" -> leads.put(step.plan(), app.portal.addLead(Map.of("TITLE", "Запись",
                            "ASSIGNED_BY_ID", "6", AppointmentFieldMapping.TIME_FIELD, wire(plan.visit()),
                            stateField, item(app, "BOOKED"))));
                    case "move" -> app.portal.updateLead(leads.get(step.plan()),
                            Map.of(AppointmentFieldMapping.TIME_FIELD, wire(plan.movedTo())));
                    case "confirm" -> app.portal.updateLead(leads.get(step.plan()), Map.of(stateField, item(app, "CONFIRMED")));
                    default -> app.portal.updateLead(leads.get(step.plan()), Map.of(stateField, item(app, step.what())));
                }
                long id = leads.get(step.plan());
                app.portal.deliverEvent(step.what().equals("book") ? "ONCRMLEADADD" : "ONCRMLEADUPDATE", id, false);
                app.sync();
                if (++changes % 3 == 0) {
                    // A replay: the same change arrives again after it was applied.
                    app.portal.deliverEvent("ONCRMLEADUPDATE", id, false);
                    app.sync();
                }
            }

            AggregateReader reader = app.services.aggregates();
            Map<AggregateKey, Counters> stored = new TreeMap<>(
                    reader.load(app.memberId(), YearMonth.of(2015, 1), YearMonth.of(2030, 12)).counters());
            reader.cohorts(app.memberId(), YearMonth.of(2015, 1), YearMonth.of(2030, 12))
                    .forEach((cell, cohort) -> stored.merge(cell, cohort, Counters::plus));
            assertEquals(app.recordStore.recompute(app.memberId(), app.settings.load(app.memberId())).cells(), stored);

            Map<Measure, Long> december = new EnumMap<>(Measure.class);
            stored.forEach((cell, counters) -> {
                if (cell.month().equals(DECEMBER)) {
                    for (Measure measure : List.of(Measure.APPOINTMENTS, Measure.CONFIRMED, Measure.ATTENDED,
                            Measure.NO_SHOWS, Measure.CANCELLED)) {
                        december.merge(measure, counters.count(measure), Long::sum);
                    }
                }
            });
            assertEquals(Map.of(Measure.APPOINTMENTS, 20L,
                    Measure.CONFIRMED, plans.stream().filter(Plan::confirmed).count(),
                    Measure.ATTENDED, count(plans, AppointmentState.ATTENDED),
                    Measure.NO_SHOWS, count(plans, AppointmentState.NO_SHOW),
                    Measure.CANCELLED, count(plans, AppointmentState.CANCELLED)), december);
            assertTrue(count(plans, AppointmentState.NO_SHOW) > 0 && plans.stream().anyMatch(p -> p.movedTo() != null));

            // The no-show rate counted here from the plans: no-shows over the past visits not cancelled, of which
            // those left booked nobody marked, past from the day after their date; on the day of the last booked visit,
            // that one is not past yet.
            PortalSettings settings = app.settings.load(app.memberId());
            var loaded = reader.load(app.memberId(), DECEMBER, DECEMBER);
            LocalDateTime lastBooked = plans.stream().filter(plan -> plan.outcome() == AppointmentState.BOOKED)
                    .map(Plan::finalVisit).max(Comparator.naturalOrder()).orElseThrow();
            for (LocalDateTime asOf : List.of(lastBooked, LocalDateTime.of(2026, 12, 31, 12, 0))) {
                long unmarked = plans.stream().filter(plan -> plan.outcome() == AppointmentState.BOOKED
                        && plan.finalVisit().toLocalDate().isBefore(asOf.toLocalDate())).count();
                long noShows = count(plans, AppointmentState.NO_SHOW);
                long due = count(plans, AppointmentState.ATTENDED) + noShows + unmarked;
                PeriodMetrics metrics = new MetricsEngine(settings, loaded.counters(), loaded.spend(),
                        asOf.atZone(MOSCOW).toInstant()).total(Period.month(DECEMBER));

                assertEquals(unmarked, metrics.unmarkedPastVisits(), "as of " + asOf);
                assertEquals(0, BigDecimal.valueOf(noShows).divide(BigDecimal.valueOf(due), 6, RoundingMode.HALF_EVEN)
                        .compareTo(metrics.noShowRate().value()), "as of " + asOf);
            }
            assertEquals(count(plans, AppointmentState.NO_SHOW), app.portal.records().todos().size());
            assertEquals(List.of(), app.portal.violations());
        }
    }

    private static long count(List<Plan> plans, AppointmentState outcome) {
        return plans.stream().filter(plan -> plan.outcome() == outcome).count();
    }

    private static String item(AppOnSimulatedPortal app, String xmlId) {
        return app.portal.enumerationItem(CrmEntityType.LEAD, AppointmentFieldMapping.STATE_FIELD, xmlId);
    }
}
