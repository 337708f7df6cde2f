package ru.unitecon.functions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import ru.unitecon.core.bitrix.inbound.MalformedRequest;
import ru.unitecon.core.export.BiConnector;
import ru.unitecon.core.export.BiConnectorRequest;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * POST /bi-connector/{check|tables|describe|data}: the endpoints the portal's BI Builder calls with form bodies
 * (Bitrix24's BIconnector protocol). BI Builder takes HTTP 200 with a non-empty body for success and anything else
 * for failure, so a refusal is a 403 and a bad request a 400, each with a short text; an unknown portal, an
 * uninstalled one and a wrong token get the same 403.
 */
public final class BiConnectorHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    /** An API Gateway stage other than $default puts its name before the route. */
    private static final Pattern PATH =
            Pattern.compile("(?:/[A-Za-z0-9_-]{1,128})?/bi-connector/(check|tables|describe|data)");
    private static final String REFUSED = "access denied";

    private final BiConnector connector;

    public BiConnectorHandler() {
        this(ProductionServices.fromEnvironment().biConnector());
    }

    public BiConnectorHandler(BiConnector connector) {
        this.connector = connector;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        Matcher path = PATH.matcher(event.getRawPath() == null ? "" : event.getRawPath());
        if (!path.matches()) {
            return HttpExchange.text(404, "not found");
        }
        try {
            BiConnectorRequest request = BiConnectorRequest.parse(HttpExchange.body(event));
            Optional<String> answer = switch (path.group(1)) {
                // Any non-empty body is success; "OK" is what Bitrix24's own example connector answers.
                case "check" -> connector.check(request) ? Optional.of("OK") : Optional.empty();
                case "tables" -> connector.tableList(request);
                case "describe" -> connector.tableDescription(request);
                default -> connector.data(request);
            };
            if (answer.isEmpty()) {
                return HttpExchange.text(403, REFUSED);
            }
            return path.group(1).equals("check") ? HttpExchange.text(200, answer.get())
                    : HttpExchange.json(200, answer.get());
        } catch (MalformedRequest e) {
            return HttpExchange.text(400, e.getMessage());
        }
    }
}
