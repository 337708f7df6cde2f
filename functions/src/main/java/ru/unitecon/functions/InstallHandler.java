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
import ru.unitecon.core.bitrix.inbound.PlacementRequest;
import ru.unitecon.core.install.InstallationService;

/**
 * The install page: the portal POSTs it into an iframe when an administrator installs the app. Anyone else who
 * posts it, an employee of the portal with their own genuine tokens included, gets 403 and changes nothing.
 */
public final class InstallHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    private static final Logger LOG = LoggerFactory.getLogger(InstallHandler.class);

    private final InstallationService installations;

    public InstallHandler() {
        this(ProductionServices.fromEnvironment().installations());
    }

    public InstallHandler(InstallationService installations) {
        this.installations = installations;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        try {
            PlacementRequest request = PlacementRequest.parse(event.getRawQueryString(), HttpExchange.body(event));
            installations.install(request);
            return HttpExchange.html(200, InstallPage.finished(request.language()));
        } catch (NotAdministrator e) {
            LOG.warn("install refused: {}", e.getMessage());
            return HttpExchange.html(403, InstallPage.administratorsOnly(e.language()));
        } catch (ForgedRequest e) {
            LOG.warn("install refused: {}", e.getMessage());
            return HttpExchange.html(401, InstallPage.failed("Bitrix24 did not confirm this installation."));
        } catch (MalformedRequest e) {
            return HttpExchange.html(400, InstallPage.failed("Bad install request: " + e.getMessage()));
        } catch (BitrixException e) {
            LOG.warn("install failed: {}", e.getMessage());
            return HttpExchange.html(502, InstallPage.failed(
                    "The portal did not complete the setup. Please open the app again."));
        }
    }
}
