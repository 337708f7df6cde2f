package ru.unitecon.core.bitrix.inbound;

import ru.unitecon.core.bitrix.crm.CrmEntity;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One run of an app's robot, as the portal's queue server POSTs it to the robot's handler: which robot, on which
 * lead or deal ({@code document_id[2]} is {@code LEAD_123} or {@code DEAL_45}), the token to answer it with
 * through {@code bizproc.event.send}, the values of its properties, and the installation's identity.
 *
 * @param eventToken the run's answer token: a capability for one answer, so never logged
 */
public record RobotRun(String memberId, String applicationToken, String code, CrmEntity entity, long entityId,
                       String eventToken, Map<String, String> properties) {
    public RobotRun {
        Objects.requireNonNull(memberId, "memberId");
        Objects.requireNonNull(applicationToken, "applicationToken");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(entity, "entity");
        Objects.requireNonNull(eventToken, "eventToken");
        properties = Map.copyOf(properties);
    }

    public static RobotRun parse(String formBody) {
        FormBody form = FormBody.parse(formBody);
        String document = form.required("document_id", "2").strip();
        int separator = document.indexOf('_');
        String kind = separator < 0 ? "" : document.substring(0, separator);
        CrmEntity entity = switch (kind) {
            case "LEAD" -> CrmEntity.LEAD;
            case "DEAL" -> CrmEntity.DEAL;
            default -> throw new MalformedRequest("document_id[2] is not a lead or a deal");
        };
        long id = PortalEvent.positiveLong(document.substring(separator + 1), "document_id[2]");
        Map<String, String> properties = new LinkedHashMap<>();
        form.section("properties").forEach((name, value) -> {
            if (value instanceof String text) {
                properties.put(name, text);
            }
        });
        return new RobotRun(form.required("auth", "member_id"), form.required("auth", "application_token"),
                form.required("code"), entity, id, form.required("event_token"), properties);
    }

    @Override
    public String toString() {
        return "RobotRun[memberId=" + memberId + ", code=" + code + ", " + entity + " " + entityId + "]";
    }
}
