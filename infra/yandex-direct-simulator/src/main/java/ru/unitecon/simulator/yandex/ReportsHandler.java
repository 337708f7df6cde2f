package ru.unitecon.simulator.yandex;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import ru.unitecon.simulator.loopback.HttpExchanges;
import ru.unitecon.simulator.loopback.LoopbackJson;
import ru.unitecon.simulator.loopback.RecordedRequest;

import java.io.IOException;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Reports service, {@code POST /json/v5/reports}: authorization, Client-Login, headers, the ReportDefinition
 * against the parameter table, then an online report (200) or the offline queue (201/202 with retryIn and
 * reportsInQueue, then 200). Every answer carries {@code RequestId}; errors carry the documented error JSON.
 */
final class ReportsHandler implements HttpHandler {
    static final String PATH = "/json/v5/reports";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final List<String> HEADERS = List.of("processingMode", "returnMoneyInMicros", "skipReportHeader",
            "skipColumnHeader", "skipReportSummary");

    private final YandexSimulator simulator;
    private final ReportParameterTable table;
    private final ReportBuilder builder;
    private final OfflineReports offline;

    ReportsHandler(YandexSimulator simulator, ReportParameterTable table, OfflineReports offline) {
        this.simulator = simulator;
        this.table = table;
        this.builder = new ReportBuilder(table);
        this.offline = offline;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        String requestId = String.valueOf(Math.abs(RANDOM.nextLong()) % 10_000_000_000_000_000L);
        String body = HttpExchanges.readBody(exchange);
        String language = DirectApiError.language(exchange.getRequestHeaders().getFirst("Accept-Language"));
        exchange.getResponseHeaders().set("RequestId", requestId);
        int status;
        try {
            status = answer(exchange, body);
        } catch (DirectApiError error) {
            status = error.httpStatus();
            HttpExchanges.sendJson(exchange, status, error.body(requestId, language));
        } catch (ReportBuilder.NotSimulated notSimulated) {
            status = 501;
            HttpExchanges.send(exchange, status, "text/plain; charset=utf-8", "Not simulated: " + notSimulated.getMessage());
        }
        simulator.requests().add(new RecordedRequest(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                HttpExchanges.recordableHeaders(exchange), Map.of(), body, status));
    }

    private int answer(HttpExchange exchange, String body) throws IOException {
        simulator.playReportsFault();
        if (!exchange.getRequestURI().getPath().equals(PATH)) {
            throw new ReportBuilder.NotSimulated("path " + exchange.getRequestURI().getPath());
        }
        if (!exchange.getRequestMethod().equals("POST")) {
            throw DirectApiError.badRequest(DirectApiError.Code.INVALID_REQUEST, "Reports requests are sent with POST");
        }
        DirectAdvertiser advertiser = simulator.directAccess().advertiserFor(
                exchange.getRequestHeaders().getFirst("Authorization"), exchange.getRequestHeaders().getFirst("Client-Login"));
        Map<String, String> headers = headers(exchange);
        JsonNode params = params(body);
        ReportSpec spec = ReportSpec.from(params);
        builder.requireSimulated(spec);
        Instant now = simulator.now();
        LocalDate today = now.atZone(advertiser.timeZone()).toLocalDate();
        ReportPeriod period = ReportPeriod.of(spec, today, advertiser.firstDay(today));
        TsvReport.Options format = new TsvReport.Options(!"false".equals(headers.get("returnMoneyInMicros")),
                "true".equals(headers.get("skipReportHeader")), "true".equals(headers.get("skipColumnHeader")),
                "true".equals(headers.get("skipReportSummary")));
        String mode = headers.getOrDefault("processingMode", "auto");
        if (!mode.equals("offline") && !offline.known(advertiser.login(), spec.name())) {
            ReportTable built = builder.build(advertiser, spec, period, now);
            if (built.rows().size() <= simulator.options().onlineRowLimit()) {
                return sendReport(exchange, built, format);
            }
            if (mode.equals("online")) {
                throw DirectApiError.badRequest(DirectApiError.Code.INVALID_REQUEST_PARAMETERS,
                        "The report is too large for online mode; use processingMode offline or auto");
            }
        }
        OfflineReports.Outcome outcome = offline.request(advertiser.login(), spec,
                () -> builder.build(advertiser, spec, period, now), now);
        exchange.getResponseHeaders().set("reportsInQueue", String.valueOf(outcome.reportsInQueue()));
        if (outcome.httpStatus() == 200) {
            return sendReport(exchange, outcome.table(), format);
        }
        exchange.getResponseHeaders().set("retryIn", String.valueOf(outcome.retryInSeconds()));
        HttpExchanges.send(exchange, outcome.httpStatus(), null, "");
        return outcome.httpStatus();
    }

    private Map<String, String> headers(HttpExchange exchange) {
        Map<String, String> given = new LinkedHashMap<>();
        for (String name : HEADERS) {
            String value = exchange.getRequestHeaders().getFirst(name);
            if (value != null) {
                given.put(name, value);
            }
        }
        List<ReportViolation> violations = table.checkHeaders(given);
        if (!violations.isEmpty()) {
            simulator.recordViolations(violations);
            throw DirectApiError.badRequest(DirectApiError.Code.INVALID_REQUEST, describe(violations.getFirst()));
        }
        return given;
    }

    private JsonNode params(String body) {
        JsonNode root = LoopbackJson.read(body).orElse(null);
        if (root == null || !root.isObject() || !root.path("params").isObject() || root.size() != 1) {
            throw DirectApiError.badRequest(DirectApiError.Code.INVALID_REQUEST,
                    "The body must be a JSON object {\"params\": ReportDefinition}");
        }
        JsonNode params = root.get("params");
        List<ReportViolation> violations = table.check(params);
        if (!violations.isEmpty()) {
            simulator.recordViolations(violations);
            ReportViolation first = violations.getFirst();
            DirectApiError.Code code = violations.stream().allMatch(v -> v.kind() == ReportViolation.Kind.WRONG_VALUE)
                    ? DirectApiError.Code.INVALID_REQUEST_PARAMETERS : DirectApiError.Code.INVALID_REQUEST;
            throw DirectApiError.badRequest(code, describe(first));
        }
        return params;
    }

    private static int sendReport(HttpExchange exchange, ReportTable built, TsvReport.Options format) throws IOException {
        HttpExchanges.send(exchange, 200, "text/tab-separated-values; charset=utf-8", TsvReport.render(built, format));
        return 200;
    }

    private static String describe(ReportViolation violation) {
        return violation.parameter() + ": " + switch (violation.kind()) {
            case UNKNOWN_PARAMETER -> "unknown parameter";
            case MISSING_PARAMETER -> "required parameter is missing";
            case WRONG_TYPE, WRONG_VALUE -> violation.detail();
        };
    }
}
