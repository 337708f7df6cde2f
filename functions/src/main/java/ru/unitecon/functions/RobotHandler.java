package ru.unitecon.functions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ru.unitecon.core.bitrix.BitrixException;
import ru.unitecon.core.bitrix.inbound.ForgedRequest;
import ru.unitecon.core.bitrix.inbound.MalformedRequest;
import ru.unitecon.core.robot.ClientAndChannelRobot;

/**
 * POST /robot: a run of the app's robot from a portal's automation rule. The answer goes back to the portal through
 * {@code bizproc.event.send} before this replies; the reply itself only tells the portal's queue server the run
 * was taken.
 */
public final class RobotHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    private static final Logger LOG = LoggerFactory.getLogger(RobotHandler.class);

    private final ClientAndChannelRobot robot;

    public RobotHandler() {
        this(ProductionServices.fromEnvironment().robot());
    }

    public RobotHandler(ClientAndChannelRobot robot) {
        this.robot = robot;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        try {
            robot.answer(HttpExchange.body(event));
            return HttpExchange.text(200, "answered");
        } catch (MalformedRequest e) {
            return HttpExchange.text(400, e.getMessage());
        } catch (ForgedRequest e) {
            LOG.warn("robot run refused: {}", e.getMessage());
            return HttpExchange.text(401, "not a genuine robot run of an installed portal");
        } catch (BitrixException e) {
            LOG.warn("robot run not answered: {}", e.getMessage());
            return HttpExchange.text(502, "could not answer the robot");
        }
    }
}
