package ru.unitecon.core.wiring;

import ru.unitecon.core.alerts.AlertService;
import ru.unitecon.core.bitrix.Sleeper;
import ru.unitecon.core.campaigns.Campaigns;
import ru.unitecon.core.bitrix.oauth.OAuthServer;
import ru.unitecon.core.bitrix.rest.BitrixRestClient;
import ru.unitecon.core.bitrix.tokens.TokenRefresher;
import ru.unitecon.core.clients.ClientCards;
import ru.unitecon.core.clients.LostClients;
import ru.unitecon.core.clients.MasterNames;
import ru.unitecon.core.export.BiConnector;
import ru.unitecon.core.export.MetricsExport;
import ru.unitecon.core.install.AppAddresses;
import ru.unitecon.core.install.BiConnectorRegistration;
import ru.unitecon.core.install.InstallationService;
import ru.unitecon.core.install.ZoneAndCurrencyLearner;
import ru.unitecon.core.install.ZoneAndCurrencyRefresh;
import ru.unitecon.core.intake.EventInbox;
import ru.unitecon.core.intake.EventIntake;
import ru.unitecon.core.reminders.ReminderService;
import ru.unitecon.core.robot.ClientAndChannelRobot;
import ru.unitecon.core.spend.SpendApi;
import ru.unitecon.core.store.AggregateReader;
import ru.unitecon.core.store.AlertSettingsStore;
import ru.unitecon.core.store.BackfillStore;
import ru.unitecon.core.store.DueAppointments;
import ru.unitecon.core.store.RecordsRecount;
import ru.unitecon.core.store.RecordStore;
import ru.unitecon.core.store.SecretStore;
import ru.unitecon.core.store.InstallationStore;
import ru.unitecon.core.store.RecordReader;
import ru.unitecon.core.store.SentAlerts;
import ru.unitecon.core.store.WinBacks;
import ru.unitecon.core.store.SentReminders;
import ru.unitecon.core.store.SettingsStore;
import ru.unitecon.core.store.SpendStore;
import ru.unitecon.core.store.CampaignSpendStore;
import ru.unitecon.core.store.CampaignMappingStore;
import ru.unitecon.core.store.SyncStateStore;
import ru.unitecon.core.sync.ChangeQueue;
import ru.unitecon.core.sync.CurrentRecords;
import ru.unitecon.core.sync.RestClients;
import ru.unitecon.core.sync.Reconciliation;
import ru.unitecon.core.sync.Recounts;
import ru.unitecon.core.sync.SyncPace;
import ru.unitecon.core.sync.SyncService;
import ru.unitecon.core.sync.SyncStores;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.net.http.HttpClient;
import java.time.Clock;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * The one place the app's stores and services are built: the Lambda functions, the local stack, the admin UI and
 * the test worlds all take theirs from here. It is given its parts: the DynamoDB client and table (handed only to
 * the stores), the clock, and, for the services that reach beyond the table, the change queue, the OAuth server
 * and the app's addresses. Those outside parts are asked for only when a service needs them, so a function that
 * reads only the table (BI export, BI Builder connector, Spend API) needs nothing else configured, and each is made
 * at most once.
 */
public final class AppServices {
    private final Clock clock;
    private final Sleeper sleeper;
    private final SyncPace pace;
    private final Once<ChangeQueue> changes;
    private final Once<OAuthServer> oauth;
    private final Once<AppAddresses> addresses;
    private final UnaryOperator<BitrixRestClient.Builder> restTuning;

    private final InstallationStore portals;
    private final SettingsStore settings;
    private final RecordStore recordStore;
    private final RecordsRecount rebuild;
    private final SyncStateStore syncState;
    private final BackfillStore backfills;
    private final RecordReader records;
    private final AggregateReader aggregates;
    private final SpendStore spend;
    private final CampaignSpendStore campaignSpend;
    private final CampaignMappingStore campaignMappings;
    private final SecretStore secrets;
    private final DueAppointments dueAppointments;
    private final SentReminders sentReminders;
    private final AlertSettingsStore alertSettings;
    private final SentAlerts sentAlerts;
    private final WinBacks winBacks;

    private final Once<TokenRefresher> refresher = new Once<>(this::newRefresher);
    private final Once<RestClients> clients = new Once<>(this::newClients);
    private final Once<InstallationService> installations = new Once<>(this::newInstallations);

    private AppServices(Builder parts) {
        this.clock = parts.clock;
        this.sleeper = parts.sleeper;
        this.pace = parts.pace;
        this.changes = new Once<>(parts.changes);
        this.oauth = new Once<>(parts.oauth);
        this.addresses = new Once<>(parts.addresses);
        this.restTuning = parts.restTuning;
        DynamoDbClient dynamo = parts.dynamo;
        String table = parts.table;
        portals = new InstallationStore(dynamo, table);
        settings = new SettingsStore(dynamo, table);
        recordStore = new RecordStore(dynamo, table, clock);
        rebuild = new RecordsRecount(dynamo, table, clock);
        syncState = new SyncStateStore(dynamo, table);
        backfills = new BackfillStore(dynamo, table);
        records = new RecordReader(dynamo, table);
        aggregates = new AggregateReader(dynamo, table);
        spend = new SpendStore(dynamo, table);
        campaignSpend = new CampaignSpendStore(dynamo, table);
        campaignMappings = new CampaignMappingStore(dynamo, table, clock);
        secrets = new SecretStore(dynamo, table, clock);
        dueAppointments = new DueAppointments(dynamo, table);
        sentReminders = new SentReminders(dynamo, table);
        alertSettings = new AlertSettingsStore(dynamo, table);
        sentAlerts = new SentAlerts(dynamo, table);
        winBacks = new WinBacks(dynamo, table);
    }

    /** The app on this table; the clock is the system's UTC clock unless the builder is told otherwise. */
    public static Builder on(DynamoDbClient dynamo, String table) {
        return new Builder(dynamo, table);
    }

    public InstallationStore portals() {
        return portals;
    }

    public SettingsStore settings() {
        return settings;
    }

    public RecordStore recordStore() {
        return recordStore;
    }

    public RecordsRecount rebuild() {
        return rebuild;
    }

    public SyncStateStore syncState() {
        return syncState;
    }

    public BackfillStore backfills() {
        return backfills;
    }

    public RecordReader records() {
        return records;
    }

    public AggregateReader aggregates() {
        return aggregates;
    }

    public SpendStore spend() {
        return spend;
    }

    public CampaignSpendStore campaignSpend() {
        return campaignSpend;
    }

    public SecretStore secrets() {
        return secrets;
    }

    public DueAppointments dueAppointments() {
        return dueAppointments;
    }

    public SentReminders sentReminders() {
        return sentReminders;
    }

    public AlertSettingsStore alertSettings() {
        return alertSettings;
    }

    public SentAlerts sentAlerts() {
        return sentAlerts;
    }

    public SyncStores syncStores() {
        return new SyncStores(portals, settings, recordStore, rebuild, syncState, backfills);
    }

    public Clock clock() {
        return clock;
    }

    /** The change queue this app writes to. */
    public ChangeQueue changes() {
        return changes.get();
    }

    /** One refresher for everything this app does, so that refreshes of one portal run one at a time. */
    public TokenRefresher refresher() {
        return refresher.get();
    }

    /** REST clients with the installation's stored tokens; all share one HTTP client and the refresher. */
    public RestClients clients() {
        return clients.get();
    }

    public InstallationService installations() {
        return installations.get();
    }

    /** The installation service is built only when an install or update event needs it (see EventIntake). */
    public EventIntake intake() {
        return new EventIntake(portals, changes(), installations::get);
    }

    /** What the sync function takes the events queue's messages with. */
    public EventInbox inbox() {
        return new EventInbox(intake());
    }

    public SyncService sync() {
        return new SyncService(syncStores(), clients(), changes(), pace, clock);
    }

    public Reconciliation reconciliation() {
        return new Reconciliation(syncStores(), clients(), refresher(), changes(), clock);
    }

    public ReminderService reminders() {
        return new ReminderService(portals, settings, recordStore, dueAppointments, sentReminders, clients(), clock);
    }

    /** The scheduler's alerts and weekly digest. */
    public AlertService alerts() {
        return new AlertService(portals, settings, alertSettings, sentAlerts, aggregates, records, clients(), clock);
    }

    /** Recounts of a portal's aggregates, queued for the sync function. */
    public Recounts recounts() {
        return new Recounts(syncState, settings, rebuild, changes(), clock);
    }

    /** Learns a portal's zone and currencies; a recount that follows is queued on the change queue. */
    public ZoneAndCurrencyLearner factsLearner() {
        return new ZoneAndCurrencyLearner(settings, recounts(), clock);
    }

    /** The scheduler's daily look at each portal's zone and currency rates. */
    public ZoneAndCurrencyRefresh portalFacts() {
        return new ZoneAndCurrencyRefresh(portals, settings, clients(), factsLearner(), clock);
    }

    /** The advertising campaigns' figures and their mapping to channels and UTM_CAMPAIGN values. */
    public Campaigns campaigns() {
        return new Campaigns(settings, campaignMappings, aggregates, campaignSpend, spend, records, clock);
    }

    public MetricsExport metricsExport() {
        return new MetricsExport(secrets, portals, settings, aggregates, campaigns(), clock);
    }

    /** The CRM card's client tab: read-only, from the stored records. */
    public ClientCards clientCards() {
        return new ClientCards(records, settings, clock);
    }

    /** The clients lost this month and their win-back to-dos (needs the OAuth server for refreshes). */
    public LostClients lostClients() {
        return new LostClients(records, settings, winBacks, clients(), clock);
    }

    /** Masters' names for the retention view, read live from the portal (needs the OAuth server for refreshes). */
    public MasterNames masterNames() {
        return new MasterNames(clients());
    }

    public ClientAndChannelRobot robot() {
        return new ClientAndChannelRobot(portals, settings, records, aggregates, new CurrentRecords(recordStore),
                clientCards(), clients(), clock);
    }

    /** The endpoints the portal's BI Builder calls; like the BI export, they read only the table. */
    public BiConnector biConnector() {
        return new BiConnector(metricsExport());
    }

    public SpendApi spendApi() {
        return new SpendApi(secrets, portals, settings, spend);
    }

    private InstallationService newInstallations() {
        return new InstallationService(portals, alertSettings, oauth.get(), clients(), changes(), addresses.get(),
                clock, factsLearner(), new BiConnectorRegistration(portals, secrets, addresses.get()));
    }

    private TokenRefresher newRefresher() {
        return new TokenRefresher(oauth.get(), portals, sleeper);
    }

    private RestClients newClients() {
        HttpClient http = BitrixRestClient.newHttpClient();
        TokenRefresher tokens = refresher();
        return memberId -> restTuning.apply(BitrixRestClient.builder(memberId, portals, tokens).http(http)).build();
    }

    /** The parts the app is built from; only the table is required. */
    public static final class Builder {
        private final DynamoDbClient dynamo;
        private final String table;
        private Clock clock = Clock.systemUTC();
        private Sleeper sleeper = Sleeper.SYSTEM;
        private SyncPace pace = SyncPace.standard();
        private Supplier<ChangeQueue> changes = () -> {
            throw new IllegalStateException("this app was built without a change queue");
        };
        private Supplier<OAuthServer> oauth = () -> {
            throw new IllegalStateException("this app was built without an OAuth server");
        };
        private Supplier<AppAddresses> addresses = () -> {
            throw new IllegalStateException("this app was built without its addresses");
        };
        private UnaryOperator<BitrixRestClient.Builder> restTuning = UnaryOperator.identity();

        private Builder(DynamoDbClient dynamo, String table) {
            this.dynamo = Objects.requireNonNull(dynamo, "dynamo");
            this.table = Objects.requireNonNull(table, "table");
        }

        public Builder clock(Clock value) {
            clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /** How the token refresher waits between attempts (a test world's recording sleeper). */
        public Builder sleeper(Sleeper value) {
            sleeper = Objects.requireNonNull(value, "sleeper");
            return this;
        }

        public Builder pace(SyncPace value) {
            pace = Objects.requireNonNull(value, "pace");
            return this;
        }

        public Builder changes(ChangeQueue value) {
            Objects.requireNonNull(value, "changes");
            return changes(() -> value);
        }

        /** The change queue, made when a service first needs it. */
        public Builder changes(Supplier<ChangeQueue> value) {
            changes = Objects.requireNonNull(value, "changes");
            return this;
        }

        public Builder oauth(OAuthServer value) {
            Objects.requireNonNull(value, "oauth");
            return oauth(() -> value);
        }

        /** The OAuth server, made when a service first needs it. */
        public Builder oauth(Supplier<OAuthServer> value) {
            oauth = Objects.requireNonNull(value, "oauth");
            return this;
        }

        public Builder addresses(AppAddresses value) {
            Objects.requireNonNull(value, "addresses");
            return addresses(() -> value);
        }

        /** The app's own addresses (events, app), read when the installation service is first built. */
        public Builder addresses(Supplier<AppAddresses> value) {
            addresses = Objects.requireNonNull(value, "addresses");
            return this;
        }

        /** Adjusts every REST client after its tokens and HTTP client are set (a test world's clock and limits). */
        public Builder restClients(UnaryOperator<BitrixRestClient.Builder> value) {
            restTuning = Objects.requireNonNull(value, "restClients");
            return this;
        }

        public AppServices build() {
            return new AppServices(this);
        }
    }
}
