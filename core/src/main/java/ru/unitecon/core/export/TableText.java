package ru.unitecon.core.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.time.YearMonth;

/**
 * Writes any {@link ExportTable} as CSV and JSON, so every table of the export reads the same: an undefined value is
 * an empty CSV cell and a JSON null, never 0; decimals are plain, never in exponent form.
 */
final class TableText {
    private static final ObjectMapper JSON = new ObjectMapper();

    private TableText() {
    }

    static <R> String csv(ExportTable<R> table) {
        StringBuilder csv = new StringBuilder();
        table.keys().forEach(key -> csv.append(key.name()).append(','));
        csv.append("currency");
        table.columns().forEach(column -> csv.append(',').append(column.name()));
        csv.append("\r\n");
        for (R row : table.rows()) {
            table.keys().forEach(key -> csv.append(cell(key.value().apply(row))).append(','));
            csv.append(table.currency());
            table.columns().forEach(column -> csv.append(',').append(cell(column.value().apply(row))));
            csv.append("\r\n");
        }
        return csv.toString();
    }

    static <R> String json(ExportTable<R> table) {
        ObjectNode body = JSON.createObjectNode().put("currency", table.currency())
                .put("from", table.period().from().toString()).put("to", table.period().to().toString());
        ArrayNode list = body.putArray("rows");
        for (R row : table.rows()) {
            ObjectNode item = list.addObject();
            table.keys().forEach(key -> put(item, key, row));
            table.columns().forEach(column -> put(item, column, row));
        }
        return body.toString();
    }

    private static <R> void put(ObjectNode item, ExportTable.Column<R> column, R row) {
        switch (column.value().apply(row)) {
            case null -> item.putNull(column.name());
            case BigDecimal number -> item.put(column.name(), number);
            case Long count -> item.put(column.name(), count);
            case Boolean flag -> item.put(column.name(), flag);
            case String text -> item.put(column.name(), text);
            case YearMonth month -> item.put(column.name(), month.toString());
            default -> throw new IllegalStateException("no JSON form for " + column.name());
        }
    }

    /** Names are free text: quoted as RFC 4180 asks when they hold a comma, a quote or a line break. */
    private static String cell(Object value) {
        if (value == null) {
            return "";
        }
        String text = value instanceof BigDecimal number ? number.toPlainString() : value.toString();
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
