package ru.unitecon.core.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import ru.unitecon.core.access.SecretKind;
import ru.unitecon.core.bitrix.inbound.MalformedRequest;
import ru.unitecon.core.metrics.Period;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The four endpoints of the app's BI Builder connector (Bitrix24's "BIconnector"), which the portal's BI Builder
 * calls with the settings of the source the app registered: the portal's member_id and a
 * {@link SecretKind#BI_CONNECTOR} token. The data are {@link MetricsExport}'s table, the same numbers as the
 * dashboards and the BI export. Each operation answers empty when the token is not the portal's current one or
 * the portal is not installed: an unknown portal, an uninstalled one and a wrong token look the same.
 */
public final class BiConnector {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final MetricsExport export;

    public BiConnector(MetricsExport export) {
        this.export = export;
    }

    /** {@code urlCheck}: whether the source's settings are good. */
    public boolean check(BiConnectorRequest request) {
        return admits(request);
    }

    /** {@code urlTableList}: {@code [{"code", "title"}]} of the tables whose code or title holds the search text. */
    public Optional<String> tableList(BiConnectorRequest request) {
        if (!admits(request)) {
            return Optional.empty();
        }
        String search = request.searchString().strip().toLowerCase(Locale.ROOT);
        ArrayNode tables = JSON.createArrayNode();
        BiDataset.ALL.stream()
                .filter(dataset -> dataset.code().contains(search)
                        || dataset.title().toLowerCase(Locale.ROOT).contains(search))
                .forEach(dataset -> tables.addObject().put("code", dataset.code()).put("title", dataset.title()));
        return Optional.of(tables.toString());
    }

    /**
     * {@code urlTableDescription}: {@code [{"code", "name", "type"}]} of the table's fields.
     *
     * @throws MalformedRequest when there is no such table
     */
    public Optional<String> tableDescription(BiConnectorRequest request) {
        if (!admits(request)) {
            return Optional.empty();
        }
        ArrayNode fields = JSON.createArrayNode();
        for (BiDataset.Field<?> field : dataset(request).fields()) {
            fields.addObject().put("code", field.code()).put("name", field.name()).put("type", field.type());
        }
        return Optional.of(fields.toString());
    }

    /**
     * {@code urlData}: an array of arrays, the header of external codes first, then one row per month and channel
     * of the months the date filter touches; only the selected fields, in their order; at most {@code limit} rows
     * ({@code 0} and none meaning all, as a BI query's row limit of 0 does).
     *
     * @throws MalformedRequest when there is no such table or field, or a date filter holds no date
     */
    public Optional<String> data(BiConnectorRequest request) {
        if (!admits(request)) {
            return Optional.empty();
        }
        return Optional.of(data(dataset(request), request));
    }

    private <R> String data(BiDataset<R> dataset, BiConnectorRequest request) {
        List<BiDataset.Field<R>> fields = request.select().isEmpty() ? dataset.fields()
                : request.select().stream().map(name -> dataset.field(name).orElseThrow(() ->
                        new MalformedRequest("no field " + name + " in " + dataset.code()))).toList();
        BiDateRange range = BiDateRange.of(dataset, request.filter());
        ArrayNode rows = JSON.createArrayNode();
        ArrayNode header = rows.addArray();
        fields.forEach(field -> header.add(field.code()));
        Optional<? extends ExportTable<R>> table = dataset.rows().read(export, request.memberId(), range::months);
        int limit = request.limit().orElse(0);
        List<R> selected = table.map(ExportTable::rows).orElse(List.of());
        if (limit > 0 && selected.size() > limit) {
            selected = selected.subList(0, limit);
        }
        for (R row : selected) {
            ArrayNode cells = rows.addArray();
            fields.forEach(field -> put(cells, field.value().apply(table.get(), row)));
        }
        return rows.toString();
    }

    private boolean admits(BiConnectorRequest request) {
        return export.admits(request.memberId(), SecretKind.BI_CONNECTOR, request.token());
    }

    private static BiDataset<?> dataset(BiConnectorRequest request) {
        return BiDataset.byCode(request.table())
                .orElseThrow(() -> new MalformedRequest("no table " + request.table()));
    }

    private static void put(ArrayNode cells, Object value) {
        switch (value) {
            case null -> cells.addNull();
            case BigDecimal number -> cells.add(number);
            case Long count -> cells.add(count);
            case Integer count -> cells.add(count);
            case String text -> cells.add(text);
            default -> throw new IllegalStateException("no JSON form for " + value.getClass().getSimpleName());
        }
    }
}
