package ru.unitecon.simulator;

import java.time.Instant;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code batch} (bitrix24.md §3.1): up to 50 commands in one request, later ones may use {@code $result[key]...}. */
final class BatchMethod implements RestMethod {
    static final int MAX_COMMANDS = 50;
    private static final Pattern REFERENCE = Pattern.compile("\\$result((?:\\[[^\\]]*\\])+)");
    private static final Pattern SEGMENT = Pattern.compile("\\[([^\\]]*)\\]");

    private final RestDispatcher dispatcher;
    private final CallLog calls;
    private final InstantSource clock;

    BatchMethod(RestDispatcher dispatcher, CallLog calls, InstantSource clock) {
        this.dispatcher = dispatcher;
        this.calls = calls;
        this.clock = clock;
    }

    @Override
    public RestResult call(RestCall batch) {
        Map<String, String> commands = commands(batch.param("cmd"));
        if (commands.size() > MAX_COMMANDS) {
            throw new RestError(400, "ERROR_BATCH_LENGTH_EXCEEDED", "Max batch length exceeded");
        }
        boolean halt = isTrue(batch.string("halt"));
        Map<String, Object> results = new LinkedHashMap<>();
        Map<String, Object> errors = new LinkedHashMap<>();
        Map<String, Object> totals = new LinkedHashMap<>();
        Map<String, Object> nexts = new LinkedHashMap<>();
        Map<String, Object> times = new LinkedHashMap<>();
        for (var command : commands.entrySet()) {
            String key = command.getKey();
            String text = resolveReferences(command.getValue(), results);
            int question = text.indexOf('?');
            String method = question < 0 ? text : text.substring(0, question);
            Map<String, Object> params = FormCodec.decode(question < 0 ? "" : text.substring(question + 1));
            params.remove("auth");
            Instant start = clock.instant();
            int status = 200;
            try {
                if (method.equalsIgnoreCase("batch")) {
                    throw new RestError(405, "ERROR_BATCH_METHOD_NOT_ALLOWED", "Method is not allowed for batch usage");
                }
                RestResult outcome = dispatcher.invoke(new RestCall(batch.portal(), method, params, batch.userId()));
                results.put(key, outcome.result());
                if (outcome.total() != null) {
                    totals.put(key, outcome.total());
                }
                if (outcome.next() != null) {
                    nexts.put(key, outcome.next());
                }
            } catch (RestError error) {
                status = error.httpStatus();
                errors.put(key, HttpIo.errorBody(error));
            }
            times.put(key, RestTime.of(start, clock.instant(), batch.portal().seed().timeZone()));
            calls.add(new RecordedCall(method, params, status, key));
            if (halt && status != 200) {
                break;
            }
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("result", phpMap(results));
        result.put("result_error", phpMap(errors));
        result.put("result_total", phpMap(totals));
        result.put("result_next", phpMap(nexts));
        result.put("result_time", phpMap(times));
        return RestResult.of(result);
    }

    private static Map<String, String> commands(Object cmd) {
        Map<String, String> commands = new LinkedHashMap<>();
        if (cmd instanceof Map<?, ?> map) {
            map.forEach((key, value) -> commands.put(String.valueOf(key), String.valueOf(value)));
        } else if (cmd instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                commands.put(String.valueOf(i), String.valueOf(list.get(i)));
            }
        }
        return commands;
    }

    /** Replaces {@code $result[key][FIELD]} / {@code $result[key][0][ID]} with values from earlier commands. */
    private static String resolveReferences(String command, Map<String, Object> results) {
        Matcher matcher = REFERENCE.matcher(command);
        StringBuilder resolved = new StringBuilder();
        while (matcher.find()) {
            Object value = results;
            Matcher segment = SEGMENT.matcher(matcher.group(1));
            while (segment.find() && value != null) {
                value = switch (value) {
                    case Map<?, ?> map -> map.get(segment.group(1));
                    case List<?> list when segment.group(1).matches("\\d+") && Integer.parseInt(segment.group(1)) < list.size() ->
                            list.get(Integer.parseInt(segment.group(1)));
                    default -> null;
                };
            }
            matcher.appendReplacement(resolved, Matcher.quoteReplacement(value == null ? "" : String.valueOf(value)));
        }
        matcher.appendTail(resolved);
        return resolved.toString();
    }

    /** PHP's json_encode writes an empty array as [] rather than {}; clients must cope, so the simulator does it too. */
    private static Object phpMap(Map<String, Object> map) {
        return map.isEmpty() ? List.of() : map;
    }

    private static boolean isTrue(String flag) {
        return flag != null && (flag.equals("1") || flag.equalsIgnoreCase("true") || flag.equals("Y"));
    }
}
