package ru.unitecon.functions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import ru.unitecon.core.bitrix.inbound.MalformedRequest;
import ru.unitecon.core.export.ExportRequest;
import ru.unitecon.core.export.MetricsExport;
import ru.unitecon.core.export.ExportTable;

import java.util.Optional;

/**
 * GET /bi/{member_id}/{secret}.csv|.json: a portal's monthly metrics per channel (per advertising campaign with
 * {@code ?level=campaign}, response speed per channel and hour of the day with {@code ?level=hour}) for BI tools. An
 * unknown portal, a wrong or revoked secret and a path that is no export all answer the same 404.
 */
public final class BiExportHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    private final MetricsExport export;

    public BiExportHandler() {
        this(ProductionServices.fromEnvironment().metricsExport());
    }

    public BiExportHandler(MetricsExport export) {
        this.export = export;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        Optional<ExportRequest> request;
        try {
            request = ExportRequest.parse(event.getRawPath(), event.getRawQueryString());
        } catch (MalformedRequest e) {
            return HttpExchange.text(400, e.getMessage());
        }
        Optional<? extends ExportTable<?>> table = request.flatMap(export::export);
        if (table.isEmpty()) {
            return HttpExchange.text(404, "no such export");
        }
        return request.get().format() == ExportRequest.Format.CSV
                ? HttpExchange.csv(200, table.get().csv())
                : HttpExchange.json(200, table.get().json());
    }
}
