package ru.unitecon.simulator.yandex;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;

/** The days a DateRangeType covers ("Reporting period"), in the advertiser's time zone; both ends included. */
record ReportPeriod(LocalDate from, LocalDate to) {

    static ReportPeriod of(ReportSpec spec, LocalDate today, LocalDate firstDay) {
        boolean custom = spec.dateRangeType().equals("CUSTOM_DATE");
        if (custom && (spec.dateFrom() == null || spec.dateTo() == null)) {
            throw invalid("DateFrom and DateTo are required with DateRangeType CUSTOM_DATE");
        }
        if (!custom && (spec.dateFrom() != null || spec.dateTo() != null)) {
            throw invalid("DateFrom and DateTo are allowed only with DateRangeType CUSTOM_DATE");
        }
        if (custom) {
            if (spec.dateFrom().isAfter(spec.dateTo())) {
                throw invalid("DateFrom is later than DateTo");
            }
            return new ReportPeriod(spec.dateFrom(), spec.dateTo());
        }
        LocalDate monday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        LocalDate sunday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.SUNDAY));
        return switch (spec.dateRangeType()) {
            case "TODAY" -> new ReportPeriod(today, today);
            case "YESTERDAY" -> new ReportPeriod(today.minusDays(1), today.minusDays(1));
            case "THIS_WEEK_MON_TODAY" -> new ReportPeriod(monday, today);
            case "THIS_WEEK_SUN_TODAY" -> new ReportPeriod(sunday, today);
            case "LAST_WEEK" -> new ReportPeriod(monday.minusWeeks(1), monday.minusDays(1));
            case "LAST_BUSINESS_WEEK" -> new ReportPeriod(monday.minusWeeks(1), monday.minusDays(3));
            case "LAST_WEEK_SUN_SAT" -> new ReportPeriod(sunday.minusWeeks(1), sunday.minusDays(1));
            case "THIS_MONTH" -> new ReportPeriod(today.withDayOfMonth(1), today);
            case "LAST_MONTH" -> new ReportPeriod(today.minusMonths(1).withDayOfMonth(1), today.withDayOfMonth(1).minusDays(1));
            case "ALL_TIME" -> new ReportPeriod(firstDay.isAfter(today) ? today : firstDay, today);
            // LAST_N_DAYS: the N days before today, today not included.
            default -> {
                int days = Integer.parseInt(spec.dateRangeType().replaceAll("\\D", ""));
                yield new ReportPeriod(today.minusDays(days), today.minusDays(1));
            }
        };
    }

    private static DirectApiError invalid(String detail) {
        return DirectApiError.badRequest(DirectApiError.Code.INVALID_REQUEST_PARAMETERS, detail);
    }
}
