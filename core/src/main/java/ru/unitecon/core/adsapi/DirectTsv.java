package ru.unitecon.core.adsapi;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Reads the Reports TSV without its title and summary rows: the column row, then one row per campaign and day. */
final class DirectTsv {
    private DirectTsv() {
    }

    static List<YandexDirect.CostRow> parse(String tsv) {
        String[] lines = tsv.split("\r?\n");
        if (lines.length == 0 || lines[0].isBlank()) {
            return List.of();
        }
        List<String> columns = List.of(lines[0].split("\t", -1));
        int date = column(columns, "Date");
        int id = column(columns, "CampaignId");
        int name = column(columns, "CampaignName");
        int cost = column(columns, "Cost");
        List<YandexDirect.CostRow> rows = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            String[] cells = lines[i].split("\t", -1);
            if (cells.length != columns.size()) {
                throw new AdApiFailure(AdApiFailure.Kind.REFUSED, "Direct report row " + i + " has "
                        + cells.length + " cells, expected " + columns.size());
            }
            try {
                rows.add(new YandexDirect.CostRow(LocalDate.parse(cells[date]), cells[id], cells[name],
                        new BigDecimal(cells[cost])));
            } catch (RuntimeException e) {
                throw new AdApiFailure(AdApiFailure.Kind.REFUSED, "Direct report row " + i + " is unreadable");
            }
        }
        return rows;
    }

    private static int column(List<String> columns, String name) {
        int index = columns.indexOf(name);
        if (index < 0) {
            throw new AdApiFailure(AdApiFailure.Kind.REFUSED, "Direct report lacks the column " + name);
        }
        return index;
    }
}
