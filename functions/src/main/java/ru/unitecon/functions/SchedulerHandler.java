package ru.unitecon.functions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import ru.unitecon.core.reminders.ReminderReport;
import ru.unitecon.core.reminders.ReminderService;
import ru.unitecon.core.sync.Reconciliation;
import ru.unitecon.core.sync.ReconciliationReport;

import java.util.Objects;

/**
 * Runs on the EventBridge schedule (a timer in the local run): reconciliation by DATE_MODIFY and token keep-alive
 * first, so reminders see the freshest records, then the reminder and follow-up pass.
 */
public final class SchedulerHandler implements RequestHandler<ScheduledEvent, SchedulerHandler.Report> {
    /** What one run did, for the function's log and the local run's console. */
    public record Report(ReconciliationReport reconciliation, ReminderReport reminders) {
    }

    private final Reconciliation reconciliation;
    private final ReminderService reminders;

    public SchedulerHandler() {
        this(ProductionServices.fromEnvironment());
    }

    private SchedulerHandler(ProductionServices services) {
        this(services.reconciliation(), services.reminders());
    }

    public SchedulerHandler(Reconciliation reconciliation, ReminderService reminders) {
        this.reconciliation = Objects.requireNonNull(reconciliation, "reconciliation");
        this.reminders = Objects.requireNonNull(reminders, "reminders");
    }

    @Override
    public Report handleRequest(ScheduledEvent event, Context context) {
        return new Report(reconciliation.run(), reminders.run());
    }
}
