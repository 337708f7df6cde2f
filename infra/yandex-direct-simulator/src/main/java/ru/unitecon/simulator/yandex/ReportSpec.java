package ru.unitecon.simulator.yandex;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A ReportDefinition that passed the parameter table, in the terms the simulator builds from. {@code params} is kept
 * whole: an offline report is the same report only when its parameters are the same ("check whether an offline report
 * is ready: send repeated requests with the same parameters").
 */
record ReportSpec(JsonNode params, String name, String type, String dateRangeType, LocalDate dateFrom, LocalDate dateTo,
                  List<String> fieldNames, List<Filter> filters, List<Order> orderBy, long limit, long offset,
                  boolean includeVat, boolean includeDiscount) {
    /** Page.Limit when none is given ("Page": the default limit is 1 000 000 rows). */
    static final long DEFAULT_LIMIT = 1_000_000;

    record Filter(String field, String operator, List<String> values) {
    }

    record Order(String field, boolean descending) {
    }

    static ReportSpec from(JsonNode params) {
        JsonNode criteria = params.get("SelectionCriteria");
        List<Filter> filters = new ArrayList<>();
        for (JsonNode filter : criteria.path("Filter")) {
            filters.add(new Filter(filter.get("Field").asText(), filter.get("Operator").asText(), texts(filter.get("Values"))));
        }
        List<Order> orders = new ArrayList<>();
        for (JsonNode order : params.path("OrderBy")) {
            orders.add(new Order(order.get("Field").asText(), "DESCENDING".equals(order.path("SortOrder").asText())));
        }
        JsonNode page = params.path("Page");
        return new ReportSpec(params.deepCopy(), params.get("ReportName").asText(), params.get("ReportType").asText(),
                params.get("DateRangeType").asText(), date(criteria.get("DateFrom")), date(criteria.get("DateTo")),
                texts(params.get("FieldNames")), filters, orders,
                page.has("Limit") ? page.get("Limit").asLong() : DEFAULT_LIMIT, page.path("Offset").asLong(0),
                "YES".equals(params.get("IncludeVAT").asText()),
                // Optional in the spec; its absence is taken as YES, the amounts the advertiser actually pays.
                !"NO".equals(params.path("IncludeDiscount").asText("YES")));
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }

    private static LocalDate date(JsonNode value) {
        return value == null ? null : LocalDate.parse(value.asText());
    }
}
