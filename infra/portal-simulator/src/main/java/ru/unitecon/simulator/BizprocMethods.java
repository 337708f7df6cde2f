package ru.unitecon.simulator;

import java.net.URI;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The app's automation rules (robots): {@code bizproc.robot.add}, {@code .update}, {@code .delete}, {@code .list}
 * and {@code bizproc.event.send}, with the rights, validation and error codes of their documentation
 * (b24restdocs api-reference/bizproc/bizproc-robot). Scope {@code bizproc}; registering is for administrators,
 * answering a run for any user of the app.
 */
final class BizprocMethods {
    private static final Pattern CODE = Pattern.compile("[a-zA-Z0-9._-]+");
    private static final Pattern PROPERTY_KEY = Pattern.compile("[a-zA-Z][a-zA-Z0-9_]*");

    private BizprocMethods() {
    }

    static void registerInto(RestDispatcher dispatcher) {
        dispatcher.register("bizproc.robot.add", BizprocMethods::add);
        dispatcher.register("bizproc.robot.update", BizprocMethods::update);
        dispatcher.register("bizproc.robot.delete", BizprocMethods::delete);
        dispatcher.register("bizproc.robot.list", call -> {
            requireScope(call);
            return RestResult.of(call.portal().records().robots.keySet().stream().sorted().toList());
        });
        dispatcher.register("bizproc.event.send", BizprocMethods::send);
    }

    private static RestResult add(RestCall call) {
        requireScope(call);
        call.requireAdmin("ACCESS_DENIED", "Access denied!");
        String code = code(call);
        PortalRecords.Robot robot = robot(call, code, call.params());
        if (call.portal().records().robots.putIfAbsent(code, robot) != null) {
            throw new RestError(400, "ERROR_ACTIVITY_ALREADY_INSTALLED",
                    "Activity or Automation rule already installed!");
        }
        return RestResult.of(true);
    }

    private static RestResult update(RestCall call) {
        requireScope(call);
        call.requireAdmin("ACCESS_DENIED", "Access denied!");
        String code = code(call);
        Map<String, Object> fields = call.map("FIELDS");
        if (fields.isEmpty()) {
            throw validation("No fields to update");
        }
        PortalRecords.Robot earlier = call.portal().records().robots.get(code);
        if (earlier == null) {
            throw new RestError(400, "ERROR_ACTIVITY_NOT_FOUND", "Activity or Robot not found!");
        }
        call.portal().records().robots.put(code, robot(call, code, fields));
        return RestResult.of(true);
    }

    private static RestResult delete(RestCall call) {
        requireScope(call);
        call.requireAdmin("ACCESS_DENIED", "Access denied!");
        String code = code(call);
        if (call.portal().records().robots.remove(code) == null) {
            throw new RestError(400, "ERROR_ACTIVITY_NOT_FOUND", "Activity or Robot not found!");
        }
        return RestResult.of(true);
    }

    /**
     * Answers a run once: the token must be one the portal sent with a run of a robot that waits for an answer
     * (USE_SUBSCRIPTION Y), and the run must not have been answered yet; otherwise the workflow is gone for this
     * token, as the portal says of a robot that does not wait.
     */
    private static RestResult send(RestCall call) {
        requireScope(call);
        String token = call.requiredString("EVENT_TOKEN");
        SimulatedRobots runs = call.portal().robots();
        String robotCode = runs.takeWaiting(token)
                .orElseThrow(() -> new RestError(400, "ERROR_WORKFLOW_NOT_FOUND", "Workflow not found"));
        call.portal().records().robotAnswers.add(new PortalRecords.RobotAnswer(token, robotCode,
                Map.copyOf(call.map("RETURN_VALUES")), call.string("LOG_MESSAGE")));
        return RestResult.of(true);
    }

    private static String code(RestCall call) {
        String code = call.string("CODE");
        if (code == null || code.isBlank()) {
            throw validation("Empty activity code!");
        }
        if (!CODE.matcher(code).matches()) {
            throw validation("Wrong activity code!");
        }
        return code;
    }

    private static PortalRecords.Robot robot(RestCall call, String code, Map<String, Object> fields) {
        String handler = fields.get("HANDLER") == null ? "" : String.valueOf(fields.get("HANDLER"));
        URI handlerUri;
        try {
            handlerUri = URI.create(handler);
        } catch (IllegalArgumentException e) {
            throw new RestError(400, "ERROR_WRONG_HANDLER_URL", "Wrong handler URL");
        }
        if (!"http".equals(handlerUri.getScheme()) && !"https".equals(handlerUri.getScheme())) {
            throw new RestError(400, "ERROR_UNSUPPORTED_PROTOCOL", "Unsupported handler protocol");
        }
        Object name = fields.get("NAME");
        if (name == null || (name instanceof String text && text.isBlank())) {
            throw validation("Empty activity NAME!");
        }
        Map<String, Object> properties = properties(fields.get("PROPERTIES"));
        Map<String, Object> returnProperties = properties(fields.get("RETURN_PROPERTIES"));
        Object authUser = fields.get("AUTH_USER_ID");
        return new PortalRecords.Robot(code, handler, authUser == null ? null : String.valueOf(authUser),
                "Y".equals(String.valueOf(fields.get("USE_SUBSCRIPTION"))), name, properties, returnProperties);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> properties(Object given) {
        if (given == null || (given instanceof java.util.List<?> list && list.isEmpty())) {
            return Map.of();
        }
        if (!(given instanceof Map<?, ?> map)) {
            throw validation("Wrong properties array!");
        }
        for (Map.Entry<?, ?> property : map.entrySet()) {
            String key = String.valueOf(property.getKey());
            if (!PROPERTY_KEY.matcher(key).matches()) {
                throw validation("Wrong property key " + key + "!");
            }
            if (!(property.getValue() instanceof Map<?, ?> description) || description.get("Name") == null) {
                throw validation("Empty property NAME " + key + "!");
            }
        }
        return Map.copyOf((Map<String, Object>) map);
    }

    /** A token without the scope gets the portal's 403 insufficient_scope (bitrix24.md §2.4). */
    private static void requireScope(RestCall call) {
        if (!call.portal().installation().hasScope("bizproc")) {
            throw new RestError(403, "insufficient_scope",
                    "The request requires higher privileges than provided by the access token");
        }
    }

    private static RestError validation(String description) {
        return new RestError(400, "ERROR_ACTIVITY_VALIDATION_FAILURE", description);
    }
}
