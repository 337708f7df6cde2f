package ru.unitecon.simulator.yandex;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * A report as TSV ("Report content"): the title row with the report name and period, the column names, the data rows,
 * and {@code Total rows: N}; each of the three extra rows can be left out by its header. Money is in micros rounded to
 * 10 000, or with {@code returnMoneyInMicros: false} in the currency rounded to two decimals. Empty values are "--".
 */
final class TsvReport {
    private static final String EMPTY = "--";

    record Options(boolean moneyInMicros, boolean skipReportHeader, boolean skipColumnHeader, boolean skipReportSummary) {
    }

    private TsvReport() {
    }

    static String render(ReportTable table, Options options) {
        StringBuilder out = new StringBuilder();
        if (!options.skipReportHeader()) {
            out.append('"').append(table.name()).append(" (").append(table.period().from()).append(" - ")
                    .append(table.period().to()).append(")\"\n");
        }
        if (!options.skipColumnHeader()) {
            out.append(String.join("\t", table.fieldNames())).append('\n');
        }
        for (ReportTable.Row row : table.rows()) {
            List<String> cells = new ArrayList<>();
            for (String field : table.fieldNames()) {
                cells.add(cell(row, field, options.moneyInMicros()));
            }
            out.append(String.join("\t", cells)).append('\n');
        }
        if (!options.skipReportSummary()) {
            out.append("Total rows: ").append(table.rows().size()).append('\n');
        }
        return out.toString();
    }

    private static String cell(ReportTable.Row row, String field, boolean micros) {
        return switch (field) {
            case "Date" -> row.date().toString();
            case "CampaignId" -> String.valueOf(row.campaign().id());
            case "CampaignName" -> row.campaign().name();
            case "CampaignType" -> row.campaign().type();
            case "Impressions" -> String.valueOf(row.impressions());
            case "Clicks" -> String.valueOf(row.clicks());
            case "Cost" -> money(row.costMicros(), micros);
            case "Ctr" -> row.impressions() == 0 ? EMPTY : BigDecimal.valueOf(row.clicks() * 100)
                    .divide(BigDecimal.valueOf(row.impressions()), 2, RoundingMode.HALF_UP).toPlainString();
            case "AvgCpc" -> row.clicks() == 0 ? EMPTY : money(Math.round((double) row.costMicros() / row.clicks()), micros);
            default -> throw new IllegalArgumentException("not a simulated field: " + field);
        };
    }

    static String money(long micros, boolean inMicros) {
        BigDecimal value = BigDecimal.valueOf(micros);
        return inMicros
                ? value.setScale(-4, RoundingMode.HALF_UP).toBigInteger().toString()
                : value.movePointLeft(6).setScale(2, RoundingMode.HALF_UP).toPlainString();
    }
}
