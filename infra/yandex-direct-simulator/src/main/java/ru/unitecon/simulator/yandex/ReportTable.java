package ru.unitecon.simulator.yandex;

import java.time.LocalDate;
import java.util.List;

/**
 * A built report before formatting: its name, period, columns and rows. An offline report keeps the table it was
 * built with when queued, so a correction made later shows only in a new report.
 */
record ReportTable(String name, ReportPeriod period, List<String> fieldNames, List<Row> rows) {

    /**
     * One row: the dimensions asked for (date and campaign are null when not grouped by) and the sums, cost in
     * micros with VAT and discount already applied as the request asked.
     */
    record Row(LocalDate date, DirectCampaign campaign, long impressions, long clicks, long costMicros) {
    }

    ReportTable {
        fieldNames = List.copyOf(fieldNames);
        rows = List.copyOf(rows);
    }
}
