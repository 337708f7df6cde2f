package ru.unitecon.simulator.yandex;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import ru.unitecon.simulator.loopback.Answer;
import ru.unitecon.simulator.loopback.LoopbackJson;
import ru.unitecon.simulator.loopback.RecordingHandler;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The Reports service, {@code POST /json/v5/reports}: authorization, Client-Login, headers, the ReportDefinition
 * against the parameter table, then an online report (200) or the offline queue (201/202 with retryIn and
 * reportsInQueue, then 200). Every answer carries {@code RequestId}; errors carry the documented error JSON.
 */
final class ReportsHandler extends RecordingHandler {
    static final String PATH = "/json/v5/reports";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final List<String> HEADERS = List.of("processingMode", "returnMoneyInMicros", "skipReportHeader",
            "skipColumnHeader", "skipReportSummary");

    private final YandexSimulator simulator;
    private final ReportParameterTable table;
    private final ReportBuilder builder;
    private final OfflineReports offline;

    ReportsHandler(YandexSimulator simulator, ReportParameterTable table, OfflineReports offline) {
        super(simulator.requests(), Set.of(), Body.JSON);
        this.simulator = simulator;
        this.table = table;
        this.builder = new ReportBuilder(table);
        this.offline = offline;
    }

    @Override
    protected Answer answer(HttpExchange exchange, String path, String body, Map<String, String> query) {
        String requestId = String.valueOf(Math.abs(RANDOM.nextLong()) % 10_000_000_000_000_000L);
        String language = DirectApiError.language(exchange.getRequestHeaders().getFirst("Accept-Language"));
        exchange.getResponseHeaders().set("RequestId", requestId);
        try {
            return report(exchange, body);
        } catch (DirectApiError error) {
            return Answer.json(error.httpStatus(), error.body(requestId, language));
        } catch (ReportBuilder.NotSimulated notSimulated) {
            return Answer.text(501, "text/plain; charset=utf-8", "Not simulated: " + notSimulated.getMessage());
        }
    }

    private Answer report(HttpExchange exchange, String body) {
        simulator.playApiFault(PATH);
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
        // Online never touches the queue; auto first looks for a report of this name already queued or built.
        if (mode.equals("online") || (mode.equals("auto") && !offline.known(advertiser.login(), spec.name()))) {
            ReportTable built = builder.build(advertiser, spec, period, now);
            if (built.rows().size() <= simulator.options().onlineRowLimit()) {
                return report(built, format);
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
            return report(outcome.table(), format);
        }
        return Answer.empty(outcome.httpStatus()).withHeader("retryIn", String.valueOf(outcome.retryInSeconds()));
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

    private static Answer report(ReportTable built, TsvReport.Options format) {
        return Answer.text(200, "text/tab-separated-values; charset=utf-8", TsvReport.render(built, format));
    }

    private static String describe(ReportViolation violation) {
        return violation.parameter() + ": " + switch (violation.kind()) {
            case UNKNOWN_PARAMETER -> "unknown parameter";
            case MISSING_PARAMETER -> "required parameter is missing";
            case WRONG_TYPE, WRONG_VALUE -> violation.detail();
        };
    }
}
