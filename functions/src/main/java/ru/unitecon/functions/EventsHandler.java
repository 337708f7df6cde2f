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
import ru.unitecon.core.bitrix.inbound.NotAdministrator;
import ru.unitecon.core.intake.EventIntake;
import ru.unitecon.core.intake.RequestTooLarge;

import java.util.Locale;

/** The events URL every binding points to: lead and deal changes, install, update and uninstall. */
public final class EventsHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    private static final Logger LOG = LoggerFactory.getLogger(EventsHandler.class);

    private final EventIntake intake;

    /** Lambda's constructor: primes the lead event path at initialisation (see {@link EventIntake#prime()}). */
    public EventsHandler() {
        this(ProductionServices.fromEnvironment().intake());
        intake.prime();
    }

    public EventsHandler(EventIntake intake) {
        this.intake = intake;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        try {
            return HttpExchange.text(200, intake.receive(HttpExchange.body(event)).name().toLowerCase(Locale.ROOT));
        } catch (RequestTooLarge e) {
            return HttpExchange.text(413, e.getMessage());
        } catch (MalformedRequest e) {
            return HttpExchange.text(400, e.getMessage());
        } catch (NotAdministrator e) {
            LOG.warn("event refused: {}", e.getMessage());
            return HttpExchange.html(403, InstallPage.administratorsOnly(e.language()));
        } catch (ForgedRequest e) {
            LOG.warn("event refused: {}", e.getMessage());
            return HttpExchange.text(401, "not a genuine event of an installed portal");
        } catch (BitrixException e) {
            LOG.warn("event not handled: {}", e.getMessage());
            return HttpExchange.text(502, "could not complete the event");
        }
    }
}
