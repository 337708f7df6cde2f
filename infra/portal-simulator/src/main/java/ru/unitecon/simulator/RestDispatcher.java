package ru.unitecon.simulator;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** Runs one method call on a portal: parameter check, injected faults, then the simulated method. */
final class RestDispatcher {
    private final ParameterCheck check;
    private final FaultPlan faults;
    private final Map<String, RestMethod> methods = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    private final List<Violation> violations = new CopyOnWriteArrayList<>();

    RestDispatcher(ParameterCheck check, FaultPlan faults) {
        this.check = check;
        this.faults = faults;
    }

    void register(String method, RestMethod behaviour) {
        methods.put(method, behaviour);
    }

    RestResult invoke(RestCall call) {
        List<Violation> found = check.check(call.method(), call.params());
        violations.addAll(found);
        if (!found.isEmpty()) {
            Violation first = found.getFirst();
            if (first.kind() == Violation.Kind.UNKNOWN_METHOD) {
                throw new RestError(404, "ERROR_METHOD_NOT_FOUND", "Method not found!");
            }
            throw RestError.invalidArgument(first.parameter() + ": " + first.detail());
        }
        faults.apply(call.method());
        RestMethod behaviour = methods.get(call.method());
        if (behaviour == null) {
            throw new RestError(501, "ERROR_METHOD_NOT_FOUND", "Method " + call.method() + " is not simulated");
        }
        return behaviour.call(call);
    }

    List<Violation> violations() {
        return List.copyOf(violations);
    }

    void clearViolations() {
        violations.clear();
    }
}
