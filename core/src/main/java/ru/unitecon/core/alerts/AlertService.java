package ru.unitecon.core.alerts;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ru.unitecon.core.appointments.AppointmentState;
import ru.unitecon.core.appointments.ScheduledVisit;
import ru.unitecon.core.attribution.SourcedLead;
import ru.unitecon.core.bitrix.BitrixException;
import ru.unitecon.core.bitrix.rest.BatchResult;
import ru.unitecon.core.bitrix.rest.BitrixApiError;
import ru.unitecon.core.bitrix.rest.BitrixRestClient;
import ru.unitecon.core.bitrix.rest.BracketQuery;
import ru.unitecon.core.bitrix.rest.PortalUnavailable;
import ru.unitecon.core.bitrix.rest.RateLimited;
import ru.unitecon.core.bitrix.tokens.PortalNeedsReconnect;
import ru.unitecon.core.bookkeeping.AggregateKey;
import ru.unitecon.core.metrics.MetricValue;
import ru.unitecon.core.metrics.MetricsEngine;
import ru.unitecon.core.metrics.Period;
import ru.unitecon.core.metrics.PeriodMetrics;
import ru.unitecon.core.metrics.ResponseRow;
import ru.unitecon.core.metrics.ResponseSpeed;
import ru.unitecon.core.metrics.RetentionEngine;
import ru.unitecon.core.metrics.WeeklyDigest;
import ru.unitecon.core.portal.AlertKind;
import ru.unitecon.core.portal.AlertSettings;
import ru.unitecon.core.portal.Installation;
import ru.unitecon.core.portal.PortalSettings;
import ru.unitecon.core.portal.InstallationStatus;
import ru.unitecon.core.store.AggregateReader;
import ru.unitecon.core.store.InstallationStore;
import ru.unitecon.core.store.AlertSettingsStore;
import ru.unitecon.core.store.RecordReader;
import ru.unitecon.core.store.SentAlerts;
import ru.unitecon.core.store.SentReminders;
import ru.unitecon.core.store.SettingsStore;
import ru.unitecon.core.store.StoredAggregates;
import ru.unitecon.core.sync.RestClients;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One scheduler pass of alerts and the weekly digest for every installed portal (docs/alerts.md). Conditions are
 * evaluated from the stored aggregates and records, as the dashboards see them; only the kinds someone receives are
 * evaluated. Nothing is sent during the portal's quiet hours (its reminders' night): what is owed then is owed at
 * the first pass after the night, since the conditions are evaluated anew and the claims say what already went out.
 * <p>
 * Exactly once per condition and period: each alert is claimed ({@link SentAlerts}) with a conditional put before
 * the portal is called; the claim is given back only when the portal certainly did not act, and after an unknown
 * outcome the alert is not repeated, as with reminders (docs/reminders.md "Exactly once").
 */
public final class AlertService {
    /** The digest goes out at the first pass at or after this local time on Mondays. */
    public static final LocalTime DIGEST_TIME = LocalTime.of(9, 0);
    /** Fewer no-shows than this are no pattern: 1 of 2 past visits is 50 % and says nothing. */
    static final long MIN_NO_SHOWS = 3;
    /** A share of unknown sources over fewer leads than this says nothing. */
    static final long MIN_LEADS = 10;
    /** The first pass of each hour (the scheduler runs every 5 minutes) reads records for the alerts that need them. */
    static final int RECORD_READ_MINUTES = 5;
    static final Duration SPIKE_WEEK = Duration.ofDays(7);
    static final Duration SPIKE_BEFORE = Duration.ofDays(28);
    private static final int TRAILING_YEAR = 12;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final String WHOLE_PORTAL = "-";
    private static final Logger LOG = LoggerFactory.getLogger(AlertService.class);

    private final InstallationStore portals;
    private final SettingsStore settings;
    private final AlertSettingsStore alertSettings;
    private final SentAlerts sent;
    private final AggregateReader aggregates;
    private final RecordReader records;
    private final RestClients clients;
    private final InstantSource clock;

    public AlertService(InstallationStore portals, SettingsStore settings, AlertSettingsStore alertSettings,
                        SentAlerts sent, AggregateReader aggregates, RecordReader records, RestClients clients,
                        InstantSource clock) {
        this.portals = Objects.requireNonNull(portals, "portals");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.alertSettings = Objects.requireNonNull(alertSettings, "alertSettings");
        this.sent = Objects.requireNonNull(sent, "sent");
        this.aggregates = Objects.requireNonNull(aggregates, "aggregates");
        this.records = Objects.requireNonNull(records, "records");
        this.clients = Objects.requireNonNull(clients, "clients");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** An alert owed now: which, to whom, and its text once the link into the app is known. */
    record Owed(SentAlerts.Key key, List<Long> recipients, Function<AlertMessages, String> text) {
    }

    /** The last 7 days' no-shows and rate, and the rate of the 28 days before. */
    record Spike(long noShows, BigDecimal weekRate, BigDecimal earlierRate) {
    }

    /** One pass; a portal that fails is logged, counted and tried again next pass. */
    public AlertReport run() {
        Tally tally = new Tally();
        for (String memberId : portals.activePortals()) {
            Installation portal = portals.find(memberId).filter(p -> p.status() == InstallationStatus.INSTALLED)
                    .orElse(null);
            if (portal == null) {
                continue;
            }
            AlertSettings choices = alertSettings.load(memberId);
            if (choices.recipients().isEmpty()) {
                continue;
            }
            PortalSettings portalSettings = settings.load(memberId);
            ZonedDateTime now = clock.instant().atZone(portalSettings.zone());
            if (portalSettings.reminders().isQuiet(now.toLocalTime())) {
                tally.quiet++;
                continue;
            }
            try {
                List<Owed> owed = owed(portal, portalSettings, choices, now).stream()
                        .filter(o -> sent.find(memberId, o.key()).isEmpty())
                        .toList();
                if (!owed.isEmpty()) {
                    tally.portals++;
                    BitrixRestClient client = clients.forPortal(memberId);
                    // The app's code on this portal makes the links into its views; asked only when there is news.
                    String appCode = client.call("app.info", Map.of()).path("CODE").asText("");
                    AlertMessages messages = new AlertMessages(choices.english(), portalSettings.currency(),
                            portal.domain(), appCode);
                    for (Owed alert : owed) {
                        send(memberId, client, alert, alert.text().apply(messages), tally);
                    }
                }
            } catch (PortalNeedsReconnect e) {
                // The admin UI's banner asks for the reconnect; nobody can be told through the portal meanwhile.
                tally.failed++;
                portals.markNeedsReconnect(memberId);
                LOG.warn("portal {} needs to reconnect; alerts wait", memberId);
            } catch (BitrixException e) {
                tally.failed++;
                LOG.warn("portal {}: alerts stopped for this pass: {}", memberId, e.getMessage());
            }
        }
        return tally.report();
    }

    /** What the portal is owed now, claimed or not; only the kinds with recipients are looked at. */
    List<Owed> owed(Installation portal, PortalSettings portalSettings, AlertSettings choices,
                    ZonedDateTime now) {
        String memberId = portal.memberId();
        YearMonth month = YearMonth.from(now);
        String monthKey = month.toString();
        String weekKey = now.get(IsoFields.WEEK_BASED_YEAR) + "-W"
                + String.format("%02d", now.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
        List<Owed> owed = new ArrayList<>();
        Set<AlertKind> wanted = choices.recipients().keySet();
        MetricsEngine engine = null;
        Map<AggregateKey, BigDecimal> spend = Map.of();
        ResponseSpeed speed = null;
        if (wanted.stream().anyMatch(kind -> kind != AlertKind.NO_SHOW_SPIKE)) {
            // LTV's purchase frequency counts the twelve months up to the month it is for: two months back, and
            // twelve before the older one, as the dashboards read them.
            StoredAggregates stored = aggregates.load(memberId, month.minusMonths(2 + TRAILING_YEAR), month);
            spend = stored.spend();
            engine = new MetricsEngine(portalSettings, stored.counters(), stored.spend(), now.toInstant());
            speed = new ResponseSpeed(stored.counters());
        }
        Period thisMonth = Period.month(month);
        if (wanted.contains(AlertKind.CHANNEL_LOSING_MONEY)) {
            for (PeriodMetrics channel : engine.byChannel(thisMonth)) {
                if (channel.losingMoney()) {
                    owed.add(owe(choices, AlertKind.CHANNEL_LOSING_MONEY, channel.channel().orElseThrow(), monthKey,
                            messages -> messages.channelLosingMoney(channel, month)));
                }
            }
        }
        if (wanted.contains(AlertKind.LTV_TO_CAC_BELOW_TARGET)) {
            Period last = Period.month(month.minusMonths(1));
            Period before = Period.month(month.minusMonths(2));
            for (PeriodMetrics newer : engine.byChannel(last)) {
                String channel = newer.channel().orElseThrow();
                PeriodMetrics older = engine.channel(before, channel);
                if (newer.ltvToCacBelowTarget() && older.ltvToCacBelowTarget()) {
                    owed.add(owe(choices, AlertKind.LTV_TO_CAC_BELOW_TARGET, channel, monthKey,
                            messages -> messages.ltvToCacBelowTarget(channel, older, newer)));
                }
            }
        }
        PeriodMetrics total = engine == null ? null : engine.total(thisMonth);
        if (wanted.contains(AlertKind.NO_SHOW_RATE) && total.noShows() >= MIN_NO_SHOWS
                && total.noShowRate().isGreaterThan(fraction(choices.noShowRatePercent()))) {
            owed.add(owe(choices, AlertKind.NO_SHOW_RATE, WHOLE_PORTAL, monthKey,
                    messages -> messages.noShowRate(total, choices.noShowRatePercent())));
        }
        // The alerts that read the portal's records, not its monthly aggregates, look once an hour, and not at all
        // once told for the period: a pass every 5 minutes over every lead and deal would cost more than it tells.
        boolean readRecords = now.getMinute() < RECORD_READ_MINUTES;
        if (wanted.contains(AlertKind.NO_SHOW_SPIKE) && readRecords
                && !told(memberId, AlertKind.NO_SHOW_SPIKE, WHOLE_PORTAL, weekKey)) {
            noShowSpike(records.visits(memberId), now, choices.spikeFactor())
                    .map(spike -> owe(choices, AlertKind.NO_SHOW_SPIKE, WHOLE_PORTAL, weekKey,
                            messages -> messages.noShowSpike(spike.noShows(), spike.weekRate(), spike.earlierRate())))
                    .ifPresent(owed::add);
        }
        if (wanted.contains(AlertKind.UNKNOWN_SOURCES) && total.leads() >= MIN_LEADS
                && total.unknownSourceShareOfLeads().isGreaterThan(fraction(choices.unknownSharePercent()))) {
            owed.add(owe(choices, AlertKind.UNKNOWN_SOURCES, WHOLE_PORTAL, monthKey,
                    messages -> messages.unknownSources(total, choices.unknownSharePercent())));
        }
        if (wanted.contains(AlertKind.SPEND_WITHOUT_LEADS)) {
            Instant since = now.toInstant().minus(Duration.ofDays(choices.daysWithoutLeads()));
            Map<String, BigDecimal> spentThisMonth = spend.entrySet().stream()
                    .filter(cell -> cell.getKey().month().equals(month) && cell.getValue().signum() > 0)
                    .filter(cell -> !told(memberId, AlertKind.SPEND_WITHOUT_LEADS, cell.getKey().channel(), weekKey))
                    .collect(Collectors.toMap(cell -> cell.getKey().channel(), Map.Entry::getValue));
            // A portal installed since has not had the days to show it: its leads of before are all there, but
            // its spend may have been typed in on the first day.
            if (readRecords && !spentThisMonth.isEmpty() && !portal.installedAt().isAfter(since)) {
                Set<String> withLeads = records.leadsCreatedSince(memberId, since).stream()
                        .map(SourcedLead::channel).collect(Collectors.toSet());
                spentThisMonth.forEach((channel, amount) -> {
                    if (!withLeads.contains(channel)) {
                        owed.add(owe(choices, AlertKind.SPEND_WITHOUT_LEADS, channel, weekKey,
                                messages -> messages.spendWithoutLeads(channel, amount, choices.daysWithoutLeads(),
                                        month)));
                    }
                });
            }
        }
        if (wanted.contains(AlertKind.SLOW_RESPONSE)) {
            // Last month, complete: this month's newest leads may not be answered yet, nor their answer read.
            YearMonth lastMonth = month.minusMonths(1);
            ResponseRow last = speed.total(Period.month(lastMonth));
            // A month without a single known answer says the app had no evidence (leads stored before response
            // speed was read, a portal refusing both methods), not that nobody answered.
            if (last.leads() >= MIN_LEADS && last.unanswered() < last.leads()
                    && last.within15Share().isLessThan(fraction(choices.answeredIn15Percent()))) {
                owed.add(owe(choices, AlertKind.SLOW_RESPONSE, WHOLE_PORTAL, monthKey,
                        messages -> messages.slowResponse(last, lastMonth, choices.answeredIn15Percent())));
            }
        }
        if (wanted.contains(AlertKind.WEEKLY_DIGEST) && now.getDayOfWeek() == DayOfWeek.MONDAY
                && !now.toLocalTime().isBefore(DIGEST_TIME)
                && !told(memberId, AlertKind.WEEKLY_DIGEST, WHOLE_PORTAL, weekKey)) {
            WeeklyDigest digest = digest(memberId, portalSettings, now);
            owed.add(owe(choices, AlertKind.WEEKLY_DIGEST, WHOLE_PORTAL, weekKey, messages -> messages.digest(digest)));
        }
        return owed;
    }

    /** Whether a pass already claimed this alert: then its condition need not be read again this period. */
    private boolean told(String memberId, AlertKind kind, String subject, String period) {
        return sent.find(memberId, new SentAlerts.Key(kind.name(), subject, period)).isPresent();
    }

    /** The digest of the week before this Monday, from the stored clients and visits and its reference months. */
    WeeklyDigest digest(String memberId, PortalSettings portalSettings, ZonedDateTime now) {
        Period reference = WeeklyDigest.referencePeriod(now.toLocalDate().with(DayOfWeek.MONDAY).minusWeeks(1));
        StoredAggregates stored = aggregates.load(memberId, reference.from(), reference.to());
        MetricsEngine engine = new MetricsEngine(portalSettings, stored.counters(), stored.spend(), now.toInstant());
        return WeeklyDigest.of(now.toLocalDate(), records.clients(memberId), records.visits(memberId),
                portalSettings.zone(), engine, new ResponseSpeed(stored.counters()),
                new RetentionEngine(portalSettings, aggregates.cohortsUpTo(memberId, reference.to())));
    }

    /**
     * The last 7 days' no-show rate against the 28 days before: no-shows over past visits not cancelled (attended,
     * no-shows, and visits still open from days before today), as the dashboards count them.
     */
    static Optional<Spike> noShowSpike(List<ScheduledVisit> visits, ZonedDateTime now, BigDecimal factor) {
        Instant end = now.toInstant();
        Instant today = now.toLocalDate().atStartOfDay(now.getZone()).toInstant();
        Instant weekStart = end.minus(SPIKE_WEEK);
        Instant before = weekStart.minus(SPIKE_BEFORE);
        long[] week = new long[2];
        long[] earlier = new long[2];
        for (ScheduledVisit visit : visits) {
            Instant time = visit.appointment().time();
            AppointmentState state = visit.appointment().state();
            boolean past = state == AppointmentState.ATTENDED || state == AppointmentState.NO_SHOW
                    || (state.isOpen() && time.isBefore(today));
            if (!past || time.isBefore(before) || !time.isBefore(end)) {
                continue;
            }
            long[] bucket = time.isBefore(weekStart) ? earlier : week;
            bucket[0] += state == AppointmentState.NO_SHOW ? 1 : 0;
            bucket[1]++;
        }
        if (week[0] < MIN_NO_SHOWS || earlier[1] == 0) {
            return Optional.empty();
        }
        BigDecimal weekRate = rate(week);
        BigDecimal earlierRate = rate(earlier);
        if (weekRate.compareTo(earlierRate.multiply(factor)) <= 0) {
            return Optional.empty();
        }
        return Optional.of(new Spike(week[0], weekRate, earlierRate));
    }

    private static BigDecimal rate(long[] bucket) {
        return BigDecimal.valueOf(bucket[0]).divide(BigDecimal.valueOf(bucket[1]), 6, RoundingMode.HALF_EVEN);
    }

    private static MetricValue fraction(BigDecimal percent) {
        return new MetricValue.Defined(percent.divide(HUNDRED));
    }

    private static Owed owe(AlertSettings choices, AlertKind kind, String subject, String period,
                            Function<AlertMessages, String> text) {
        return new Owed(new SentAlerts.Key(kind.name(), subject, period), choices.recipientsOf(kind), text);
    }

    /** Claims, then one batch with a notification per recipient; the outcome goes on the claim. */
    private void send(String memberId, BitrixRestClient client, Owed alert, String message, Tally tally) {
        String claimId = UUID.randomUUID().toString();
        if (!sent.claim(memberId, alert.key(), claimId, clock.instant())) {
            return;
        }
        Map<String, String> commands = new LinkedHashMap<>();
        for (Long user : alert.recipients()) {
            commands.put("u" + user, "im.notify.system.add?" + BracketQuery.encode(Map.of("USER_ID", user,
                    "MESSAGE", message, "TAG", alert.key().tag())));
        }
        BatchResult result;
        try {
            result = client.batch(commands);
        } catch (RateLimited | BitrixApiError | PortalNeedsReconnect refusedBeforeActing) {
            sent.release(memberId, alert.key(), claimId);
            throw refusedBeforeActing;
        } catch (PortalUnavailable unknownOutcome) {
            sent.finish(memberId, alert.key(), claimId, SentReminders.Status.UNCERTAIN,
                    List.of(unknownOutcome.errorCode()), clock.instant());
            tally.uncertain++;
            throw unknownOutcome;
        }
        List<String> failed = commands.keySet().stream()
                .flatMap(key -> result.error(key).map(error -> key + ":" + error.errorCode()).stream())
                .toList();
        sent.finish(memberId, alert.key(), claimId, SentReminders.Status.SENT, failed, clock.instant());
        tally.sent++;
    }

    private static final class Tally {
        int portals;
        int sent;
        int quiet;
        int uncertain;
        int failed;

        AlertReport report() {
            return new AlertReport(portals, sent, quiet, uncertain, failed);
        }
    }
}
