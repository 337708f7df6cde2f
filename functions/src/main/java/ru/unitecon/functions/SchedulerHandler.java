package ru.unitecon.functions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import ru.unitecon.core.alerts.AlertReport;
import ru.unitecon.core.alerts.AlertService;
import ru.unitecon.core.adsimport.AdImportReport;
import ru.unitecon.core.adsimport.AdSpendImport;
import ru.unitecon.core.install.ZoneAndCurrencyRefresh;
import ru.unitecon.core.reminders.ReminderReport;
import ru.unitecon.core.reminders.ReminderService;
import ru.unitecon.core.sync.Reconciliation;
import ru.unitecon.core.sync.ReconciliationReport;

import java.util.Objects;

/**
 * Runs on the EventBridge schedule (a timer in the local run): the daily refresh of each portal's zone and currency
 * rates first, so that what is counted next is converted at today's rates; the daily import of the ad accounts'
 * spend next (converted at those rates, and read by the alerts below); reconciliation by DATE_MODIFY and token
 * keep-alive next, so reminders see the freshest records; then the reminder and follow-up pass; last the alerts
 * and the Monday digest, which read the figures the passes before brought up to date.
 */
public final class SchedulerHandler implements RequestHandler<ScheduledEvent, SchedulerHandler.Report> {
    /**
     * What one run did, for the function's log and the local run's console.
     *
     * @param portalFactsRefreshed portals whose zone and rates were asked for
     */
    public record Report(int portalFactsRefreshed, AdImportReport adSpend, ReconciliationReport reconciliation,
                         ReminderReport reminders, AlertReport alerts) {
    }

    private final ZoneAndCurrencyRefresh portalFacts;
    private final AdSpendImport adSpend;
    private final Reconciliation reconciliation;
    private final ReminderService reminders;
    private final AlertService alerts;

    public SchedulerHandler() {
        this(ProductionServices.fromEnvironment());
    }

    private SchedulerHandler(ProductionServices services) {
        this(services.portalFacts(), services.adSpendImport(), services.reconciliation(), services.reminders(),
                services.alerts());
    }

    public SchedulerHandler(ZoneAndCurrencyRefresh portalFacts, AdSpendImport adSpend, Reconciliation reconciliation,
                            ReminderService reminders, AlertService alerts) {
        this.portalFacts = Objects.requireNonNull(portalFacts, "portalFacts");
        this.adSpend = Objects.requireNonNull(adSpend, "adSpend");
        this.reconciliation = Objects.requireNonNull(reconciliation, "reconciliation");
        this.reminders = Objects.requireNonNull(reminders, "reminders");
        this.alerts = Objects.requireNonNull(alerts, "alerts");
    }

    @Override
    public Report handleRequest(ScheduledEvent event, Context context) {
        int refreshed = portalFacts.run();
        AdImportReport imported = adSpend.run();
        ReconciliationReport reconciled = reconciliation.run();
        ReminderReport reminded = reminders.run();
        return new Report(refreshed, imported, reconciled, reminded, alerts.run());
    }
}
