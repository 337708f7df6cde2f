package ru.unitecon.functions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import ru.unitecon.core.bitrix.inbound.MalformedRequest;
import ru.unitecon.core.spend.SpendApi;
import ru.unitecon.core.spend.SpendPostOutcome;

/** POST /spend with {@code Authorization: Bearer {member_id}.{token}}: spend rows as CSV or JSON. */
public final class SpendApiHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    private final SpendApi api;

    public SpendApiHandler() {
        this(ProductionServices.fromEnvironment().spendApi());
    }

    public SpendApiHandler(SpendApi api) {
        this.api = api;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        SpendPostOutcome outcome;
        try {
            outcome = api.post(HttpExchange.header(event, "authorization"), HttpExchange.header(event, "content-type"),
                    HttpExchange.body(event));
        } catch (MalformedRequest e) {
            outcome = new SpendPostOutcome.Malformed(e.getMessage());
        }
        int status = switch (outcome) {
            case SpendPostOutcome.Stored stored -> 200;
            case SpendPostOutcome.Rejected rejected -> 422;
            case SpendPostOutcome.Unauthorized unauthorized -> 401;
            case SpendPostOutcome.TooLarge tooLarge -> 413;
            case SpendPostOutcome.UnsupportedType unsupported -> 415;
            case SpendPostOutcome.Malformed malformed -> 400;
        };
        return HttpExchange.json(status, outcome.json());
    }
}
