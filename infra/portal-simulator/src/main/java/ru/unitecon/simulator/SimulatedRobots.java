package ru.unitecon.simulator;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The portal's automation running the app's robots: a lead or deal reaches a stage whose rules include the robot,
 * and the portal's queue server POSTs the run to the robot's handler. The form is the one Bitrix24 sends
 * (workflow_id, code, document_id[], document_type[], event_token, properties[], use_subscription,
 * timeout_duration, ts, auth[]); a robot that waits for an answer (USE_SUBSCRIPTION Y) waits for one
 * {@code bizproc.event.send} with the run's event token.
 */
public final class SimulatedRobots {
    private final SimulatedPortal portal;
    private final FormPoster toApp;
    private final Map<String, String> waiting = new ConcurrentHashMap<>();

    SimulatedRobots(SimulatedPortal portal, FormPoster toApp) {
        this.portal = portal;
        this.toApp = toApp;
    }

    /** A run and the app's HTTP answer to its POST; the robot's answer, if any, is in {@link #answer}. */
    public record Run(String eventToken, HttpResponse<String> response) {
    }

    /**
     * Runs the robot {@code code} on a lead or deal with the given property values, as the user {@code userId}'s
     * change triggered it (the token passed is AUTH_USER_ID's when the robot names one): the POST to its handler.
     *
     * @throws IllegalStateException when the app registered no such robot
     */
    public Run run(String code, CrmEntityType type, long entityId, Map<String, String> properties, String userId) {
        PortalRecords.Robot robot = registered(code);
        Map<String, String> form = form(robot, type, entityId, properties, userId);
        return new Run(form.get("event_token"), toApp.post(URI.create(robot.handler()), form));
    }

    /** The same run's form body, for a test that hands it to the app's service itself; its token is {@code event_token}. */
    public String runBody(String code, CrmEntityType type, long entityId, Map<String, String> properties,
                          String userId) {
        return FormCodec.encode(form(registered(code), type, entityId, properties, userId));
    }

    private PortalRecords.Robot registered(String code) {
        PortalRecords.Robot robot = portal.records().robots.get(code);
        if (robot == null) {
            throw new IllegalStateException("no robot " + code + " is registered on " + portal.domain());
        }
        return robot;
    }

    private Map<String, String> form(PortalRecords.Robot robot, CrmEntityType type, long entityId,
                                     Map<String, String> properties, String userId) {
        String workflowId = RandomHex.of(7) + "." + RandomHex.of(4);
        String eventToken = workflowId + "|A" + portal.nextId() + "_" + portal.nextId() + "|" + RandomHex.of(16)
                + "." + RandomHex.of(32);
        if (robot.useSubscription()) {
            waiting.put(eventToken, robot.code());
        }
        String documentClass = type == CrmEntityType.LEAD ? "CCrmDocumentLead" : "CCrmDocumentDeal";
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("workflow_id", workflowId);
        body.put("code", robot.code());
        body.put("document_id", List.of("crm", documentClass, type.name() + "_" + entityId));
        body.put("document_type", List.of("crm", documentClass, type.name()));
        body.put("event_token", eventToken);
        body.put("properties", properties);
        body.put("use_subscription", robot.useSubscription() ? "Y" : "N");
        body.put("timeout_duration", "0");
        body.put("ts", String.valueOf(portal.clock().instant().getEpochSecond()));
        IssuedTokens tokens = portal.issueTokens(robot.authUserId() == null ? userId : robot.authUserId());
        body.put("auth", EventForms.auth(portal, tokens, false));
        return FormCodec.flatten(body);
    }

    /** What the app answered to a run through {@code bizproc.event.send}, if it has. */
    public Optional<PortalRecords.RobotAnswer> answer(String eventToken) {
        return portal.records().robotAnswers().stream().filter(answer -> answer.eventToken().equals(eventToken))
                .findFirst();
    }

    /** The robot's code for a run still waiting for its answer, now answered; empty for any other token. */
    Optional<String> takeWaiting(String eventToken) {
        return Optional.ofNullable(waiting.remove(eventToken));
    }
}
