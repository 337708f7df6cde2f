package ru.unitecon.core.adsimport;

import java.time.LocalDate;

/**
 * The days one import of an account pulls, all before today in the portal's zone: at the first import the last
 * {@value #HISTORY_DAYS} days; after that yesterday, the month so far and the last {@value #CORRECTION_DAYS} days
 * again (late corrections), plus any days missed since the last good import, never more than the history.
 */
record ImportWindow(LocalDate from, LocalDate to) {
    static final int HISTORY_DAYS = 90;
    static final int CORRECTION_DAYS = 7;

    static ImportWindow of(LocalDate today, LocalDate importedThrough) {
        LocalDate yesterday = today.minusDays(1);
        LocalDate earliest = today.minusDays(HISTORY_DAYS);
        if (importedThrough == null) {
            return new ImportWindow(earliest, yesterday);
        }
        LocalDate from = min(yesterday.withDayOfMonth(1), today.minusDays(CORRECTION_DAYS));
        from = min(from, importedThrough.plusDays(1));
        return new ImportWindow(from.isBefore(earliest) ? earliest : from, yesterday);
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}
