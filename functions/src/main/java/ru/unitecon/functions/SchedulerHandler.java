package ru.unitecon.functions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import ru.unitecon.core.sync.Reconciliation;
import ru.unitecon.core.sync.ReconciliationReport;

/** Runs on the EventBridge schedule: reconciliation by DATE_MODIFY and token keep-alive for every portal. */
public final class SchedulerHandler implements RequestHandler<ScheduledEvent, ReconciliationReport> {
    private final Reconciliation reconciliation;

    public SchedulerHandler() {
        this(ProductionServices.fromEnvironment().reconciliation());
    }

    public SchedulerHandler(Reconciliation reconciliation) {
        this.reconciliation = reconciliation;
    }

    @Override
    public ReconciliationReport handleRequest(ScheduledEvent event, Context context) {
        return reconciliation.run();
    }
}
