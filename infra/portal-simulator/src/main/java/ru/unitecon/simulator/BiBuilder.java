package ru.unitecon.simulator;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A portal's BI Builder using the connector the app registered: each call POSTs a form body to the connector's
 * endpoint with the source's settings as {@code connection[code]}, as Bitrix24's {@code Source\Rest} does, and
 * returns the app's answer as it came. A data query puts its date range on the dataset's first date field in the
 * portal's site format: {@code filter[>=FIELD]=01.05.2025}, {@code filter[<=FIELD]=31.05.2025 23:59:59}.
 */
public final class BiBuilder {
    /** The Russian site format of dates; the simulated portals are Russian. */
    private static final DateTimeFormatter SITE_DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    private final SimulatedPortal portal;
    private final FormPoster toApp;

    BiBuilder(SimulatedPortal portal, FormPoster toApp) {
        this.portal = portal;
        this.toApp = toApp;
    }

    /** The source the app created, with the connector it belongs to. */
    private PortalRecords.BiSource source() {
        List<PortalRecords.BiSource> sources = portal.records().biSources();
        if (sources.isEmpty()) {
            throw new IllegalStateException("the app registered no BI Builder source on this portal");
        }
        return sources.getLast();
    }

    private PortalRecords.BiConnector connector() {
        long id = source().connectorId();
        return portal.records().biConnectors().stream().filter(c -> c.id() == id).findFirst().orElseThrow();
    }

    /** What a user checking the source's connection sends. */
    public HttpResponse<String> check() {
        return post(connector().urlCheck(), Map.of());
    }

    /** What a user creating a table sends first: the tables whose name holds the search text. */
    public HttpResponse<String> tableList(String searchString) {
        return post(connector().urlTableList(), Map.of("searchString", searchString));
    }

    public HttpResponse<String> tableDescription(String table) {
        return post(connector().urlTableDescription(), Map.of("table", table));
    }

    /**
     * A report's query of the dataset registered with this external code: the selected fields by BI name (all
     * when empty), the date range when {@code from} and {@code to} are given, the row limit when not null.
     */
    public HttpResponse<String> data(String table, List<String> select, LocalDate from, LocalDate to, Integer limit) {
        PortalRecords.BiDataset dataset = portal.records().biDatasets().stream()
                .filter(d -> d.externalCode().equals(table)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no dataset of the table " + table));
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("table", table);
        for (int i = 0; i < select.size(); i++) {
            parameters.put("select[" + i + "]", select.get(i));
        }
        if (from != null && to != null) {
            String dateField = dataset.fields().stream()
                    .filter(field -> field.type().equals("date") || field.type().equals("datetime"))
                    .findFirst().orElseThrow(() -> new IllegalStateException(table + " has no date field"))
                    .name();
            parameters.put("filter[>=" + dateField + "]", SITE_DATE.format(from));
            parameters.put("filter[<=" + dateField + "]", SITE_DATE.format(to) + " 23:59:59");
        }
        if (limit != null) {
            parameters.put("limit", limit.toString());
        }
        return post(connector().urlData(), parameters);
    }

    private HttpResponse<String> post(URI url, Map<String, String> parameters) {
        HttpResponse<String> response = BiConnectorMethods.post(toApp, url, source().settings(), parameters);
        if (response == null) {
            throw new IllegalStateException("the connector at " + url + " could not be reached");
        }
        return response;
    }
}
