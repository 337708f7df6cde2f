package ru.unitecon.core.robot;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ru.unitecon.core.bitrix.crm.CrmEntity;
import ru.unitecon.core.bitrix.inbound.EventAuthenticity;
import ru.unitecon.core.bitrix.inbound.ForgedRequest;
import ru.unitecon.core.bitrix.inbound.MalformedRequest;
import ru.unitecon.core.bitrix.inbound.RobotRun;
import ru.unitecon.core.bitrix.rest.BitrixRestClient;
import ru.unitecon.core.clients.ClientCard;
import ru.unitecon.core.clients.ClientCards;
import ru.unitecon.core.bookkeeping.CrmRecord;
import ru.unitecon.core.metrics.MetricValue;
import ru.unitecon.core.metrics.MetricsEngine;
import ru.unitecon.core.metrics.Period;
import ru.unitecon.core.metrics.PeriodMetrics;
import ru.unitecon.core.portal.Installation;
import ru.unitecon.core.portal.PortalSettings;
import ru.unitecon.core.portal.InstallationStatus;
import ru.unitecon.core.store.AggregateReader;
import ru.unitecon.core.store.InstallationStore;
import ru.unitecon.core.store.RecordReader;
import ru.unitecon.core.store.SettingsStore;
import ru.unitecon.core.store.StoredAggregates;
import ru.unitecon.core.sync.CurrentRecords;
import ru.unitecon.core.sync.RestClients;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The "Unit economics: client and channel" robot: a lead or deal's automation rule asks it, and it answers with
 * {@code bizproc.event.send} what the app knows of the record's channel this month and of its client to date, so
 * owners can route leads or message lost clients with the portal's own tools. A run is verified like an event
 * (the installation's application token), and the record is first read from the portal as it is now: a robot on
 * "lead created" runs before the lead's own event has been synced.
 */
public final class ClientAndChannelRobot {
    private static final Logger LOG = LoggerFactory.getLogger(ClientAndChannelRobot.class);
    /** Months of aggregates read before the current one: the LTV formula looks back twelve months and one more. */
    private static final int LOOKBACK_MONTHS = 13;

    private final InstallationStore portals;
    private final SettingsStore settings;
    private final RecordReader records;
    private final AggregateReader aggregates;
    private final CurrentRecords current;
    private final ClientCards clientCards;
    private final RestClients clients;
    private final Clock clock;

    public ClientAndChannelRobot(InstallationStore portals, SettingsStore settings, RecordReader records,
                                 AggregateReader aggregates, CurrentRecords current, ClientCards clientCards,
                                 RestClients clients, Clock clock) {
        this.portals = portals;
        this.settings = settings;
        this.records = records;
        this.aggregates = aggregates;
        this.current = current;
        this.clientCards = clientCards;
        this.clients = clients;
        this.clock = clock;
    }

    /**
     * Verifies the run, computes the answer and sends it to the portal.
     *
     * @throws MalformedRequest when the body is not a run of this app's robot
     * @throws ForgedRequest    when the member is unknown or uninstalled, or the application token is wrong
     * @throws ru.unitecon.core.bitrix.rest.BitrixException when the portal cannot be read or answered
     */
    public Map<String, String> answer(String formBody) {
        RobotRun run = RobotRun.parse(formBody);
        if (!RobotDefinition.CODE.equals(run.code())) {
            throw new MalformedRequest("not a robot of this app");
        }
        Optional<Installation> portal = portals.find(run.memberId());
        if (portal.isEmpty() || portal.get().status() == InstallationStatus.UNINSTALLED
                || !EventAuthenticity.isGenuine(run.applicationToken(), portal.get().applicationToken())) {
            throw new ForgedRequest("unknown portal or wrong application token");
        }
        PortalSettings portalSettings = settings.load(run.memberId());
        BitrixRestClient client = clients.forPortal(run.memberId());
        current.refresh(client, portalSettings, Map.of(run.entity(), List.of(run.entityId())), clock.instant());
        Map<String, String> values = values(run, portalSettings);
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("EVENT_TOKEN", run.eventToken());
        params.put("RETURN_VALUES", values);
        params.put("LOG_MESSAGE", logMessage(values));
        client.call("bizproc.event.send", params);
        LOG.info("portal {}: robot answered for {} {}", run.memberId(), run.entity(), run.entityId());
        return values;
    }

    private Map<String, String> values(RobotRun run, PortalSettings portalSettings) {
        Optional<CrmRecord> record = (run.entity() == CrmEntity.LEAD
                ? records.lead(run.memberId(), run.entityId()).map(CrmRecord.class::cast)
                : records.deal(run.memberId(), run.entityId()).map(CrmRecord.class::cast))
                .filter(found -> !found.deleted());
        Map<String, String> values = new LinkedHashMap<>();
        String channel = record.map(CrmRecord::channel).orElse("");
        values.put(RobotDefinition.CHANNEL, channel);
        YearMonth month = YearMonth.now(clock.withZone(portalSettings.zone()));
        Optional<PeriodMetrics> figures = channel.isEmpty() ? Optional.empty()
                : Optional.of(channelThisMonth(run.memberId(), portalSettings, month, channel));
        values.put(RobotDefinition.CHANNEL_CAC, figures.map(f -> decimal(f.cac())).orElse(""));
        values.put(RobotDefinition.CHANNEL_LTV_TO_CAC, figures.map(f -> decimal(f.ltvToCac())).orElse(""));
        values.put(RobotDefinition.CHANNEL_LOSING_MONEY, yesNo(figures.map(PeriodMetrics::losingMoney).orElse(false)));
        Optional<ClientCard> card = run.entity() == CrmEntity.LEAD
                ? clientCards.forLead(run.memberId(), run.entityId())
                : clientCards.forDeal(run.memberId(), run.entityId());
        values.put(RobotDefinition.CLIENT_ORDERS, String.valueOf(card.map(ClientCard::orders).orElse(0L)));
        values.put(RobotDefinition.CLIENT_REVENUE,
                card.map(ClientCard::revenue).orElse(BigDecimal.ZERO).setScale(2, RoundingMode.HALF_EVEN).toPlainString());
        values.put(RobotDefinition.CLIENT_NO_SHOWS, String.valueOf(card.map(ClientCard::noShows).orElse(0L)));
        values.put(RobotDefinition.CLIENT_LOST, yesNo(card.flatMap(ClientCard::lastOrder)
                .map(last -> isLost(last, run, portalSettings)).orElse(false)));
        return values;
    }

    private PeriodMetrics channelThisMonth(String memberId, PortalSettings portalSettings, YearMonth month,
                                           String channel) {
        StoredAggregates loaded = aggregates.load(memberId, month.minusMonths(LOOKBACK_MONTHS), month);
        return new MetricsEngine(portalSettings, loaded.counters(), loaded.spend(), clock.instant())
                .channel(Period.month(month), channel);
    }

    /**
     * Lost after the robot's "days without a visit" when the rule sets it, else after the portal's active-client
     * window; a visit is an order, as the metrics count them.
     */
    private boolean isLost(LocalDate lastOrder, RobotRun run, PortalSettings portalSettings) {
        LocalDate today = LocalDate.now(clock.withZone(portalSettings.zone()));
        String days = run.properties().getOrDefault(RobotDefinition.LOST_AFTER_DAYS, "").strip();
        if (days.isEmpty()) {
            return lastOrder.isBefore(today.minusMonths(portalSettings.activeWindowMonths()));
        }
        long lostAfter;
        try {
            lostAfter = Long.parseLong(days);
        } catch (NumberFormatException e) {
            throw new MalformedRequest(RobotDefinition.LOST_AFTER_DAYS + " must be a whole number of days");
        }
        if (lostAfter < 1 || lostAfter > 3650) {
            throw new MalformedRequest(RobotDefinition.LOST_AFTER_DAYS + " must be between 1 and 3650 days");
        }
        return lastOrder.isBefore(today.minusDays(lostAfter));
    }

    /** Two decimals, or empty when the metric is undefined (no new client to divide by): never a made-up 0. */
    private static String decimal(MetricValue value) {
        return value.isDefined() ? value.value().setScale(2, RoundingMode.HALF_EVEN).toPlainString() : "";
    }

    private static String yesNo(boolean value) {
        return value ? "Y" : "N";
    }

    private static String logMessage(Map<String, String> values) {
        return "Юнит-экономика: канал " + (values.get(RobotDefinition.CHANNEL).isEmpty() ? "неизвестен"
                : values.get(RobotDefinition.CHANNEL)) + ", заказов клиента " + values.get(RobotDefinition.CLIENT_ORDERS);
    }
}
