package ru.unitecon.simulator.yandex;

import com.fasterxml.jackson.databind.JsonNode;
import ru.unitecon.simulator.loopback.LoopbackClient;
import ru.unitecon.simulator.loopback.LoopbackJson;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/** The tests' HTTP client: talks to the simulator the way the importer will, over real HTTP. */
final class DirectHttp {
    record Reply(int status, String body, HttpResponse<String> raw) {
        JsonNode json() {
            return LoopbackJson.read(body).orElseThrow(() -> new AssertionError("not JSON: " + body));
        }

        JsonNode error() {
            return json().get("error");
        }

        int errorCode() {
            return error().get("error_code").asInt();
        }

        String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        List<String> lines() {
            return List.of(body.split("\n"));
        }
    }

    private DirectHttp() {
    }

    /** POSTs a report request; {@code headers} are name, value pairs (processingMode, returnMoneyInMicros, ...). */
    static Reply postReport(URI url, String token, String body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(20))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return send(request.build());
    }

    static Reply postForm(URI url, Map<String, String> form) {
        return send(HttpRequest.newBuilder(url).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encode(form))).build());
    }

    static Reply get(URI url) {
        return send(HttpRequest.newBuilder(url).GET().build());
    }

    static String encode(Map<String, String> form) {
        StringJoiner joined = new StringJoiner("&");
        form.forEach((name, value) -> joined.add(URLEncoder.encode(name, StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return joined.toString();
    }

    /** The ReportDefinition JSON the importer sends, with the period and fields given. */
    static String definition(String name, String type, String from, String to, List<String> fields, String includeVat) {
        List<String> quoted = new ArrayList<>();
        fields.forEach(field -> quoted.add("\"" + field + "\""));
        String criteria = from == null ? "{}" : "{\"DateFrom\": \"" + from + "\", \"DateTo\": \"" + to + "\"}";
        return "{\"params\": {\"SelectionCriteria\": " + criteria + ", \"FieldNames\": [" + String.join(", ", quoted)
                + "], \"ReportName\": \"" + name + "\", \"ReportType\": \"" + type + "\", \"DateRangeType\": \""
                + (from == null ? "YESTERDAY" : "CUSTOM_DATE") + "\", \"Format\": \"TSV\", \"IncludeVAT\": \"" + includeVat + "\"}}";
    }

    static String spendDefinition(String name, String from, String to) {
        return definition(name, "CUSTOM_REPORT", from, to, List.of("Date", "CampaignId", "CampaignName", "Cost"), "YES");
    }

    private static Reply send(HttpRequest request) {
        HttpResponse<String> response = LoopbackClient.send(request);
        return new Reply(response.statusCode(), response.body(), response);
    }
}
