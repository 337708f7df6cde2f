package ru.unitecon.core.install;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ru.unitecon.core.bitrix.rest.BitrixApiError;
import ru.unitecon.core.bitrix.rest.BitrixRestClient;
import ru.unitecon.core.robot.RobotDefinition;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Registers the app's robot with the admin's token, on install and on every update: added when the portal has
 * none, updated when it has (so a moved handler URL follows). The portal removes an app's robots with the app.
 * The robot is an extra: a portal that does not grant {@code bizproc} (or whose plan has no automation rules)
 * installs all the same, without it, and is tried again at the next update.
 */
final class RobotRegistration {
    private static final Logger LOG = LoggerFactory.getLogger(RobotRegistration.class);

    private final URI handler;

    RobotRegistration(URI handler) {
        this.handler = handler;
    }

    /** @return whether the portal has the robot now */
    boolean apply(BitrixRestClient client) {
        Map<String, Object> fields = RobotDefinition.fields(handler);
        try {
            Map<String, Object> add = new LinkedHashMap<>();
            add.put("CODE", RobotDefinition.CODE);
            add.putAll(fields);
            client.call("bizproc.robot.add", add);
            return true;
        } catch (BitrixApiError refused) {
            if (refused.errorCode().equals("ERROR_ACTIVITY_ALREADY_INSTALLED")) {
                client.call("bizproc.robot.update", Map.of("CODE", RobotDefinition.CODE, "FIELDS", fields));
                return true;
            }
            LOG.warn("portal {}: the robot is not registered, the portal refused it ({})", client.memberId(),
                    refused.errorCode());
            return false;
        }
    }
}
