package ru.unitecon.functions;

import ru.unitecon.core.access.PortalSecrets;
import ru.unitecon.core.bitrix.oauth.AppCredentials;
import ru.unitecon.core.bitrix.oauth.OAuthServer;
import ru.unitecon.core.bitrix.rest.BitrixRestClient;
import ru.unitecon.core.bitrix.tokens.TokenRefresher;
import ru.unitecon.core.export.MetricsExport;
import ru.unitecon.core.install.AppAddresses;
import ru.unitecon.core.install.InstallationService;
import ru.unitecon.core.install.PortalFactsLearner;
import ru.unitecon.core.install.PortalFactsRefresh;
import ru.unitecon.core.intake.EventIntake;
import ru.unitecon.core.reminders.ReminderService;
import ru.unitecon.core.store.DueAppointments;
import ru.unitecon.core.spend.SpendApi;
import ru.unitecon.core.store.AggregateReader;
import ru.unitecon.core.store.LedgerRebuild;
import ru.unitecon.core.store.LedgerStore;
import ru.unitecon.core.store.PortalStore;
import ru.unitecon.core.store.SentReminders;
import ru.unitecon.core.store.SettingsStore;
import ru.unitecon.core.store.SpendStore;
import ru.unitecon.core.store.TableDefinition;
import ru.unitecon.core.sync.ChangeQueue;
import ru.unitecon.core.sync.PortalClients;
import ru.unitecon.core.sync.Reconciliation;
import ru.unitecon.core.sync.SyncPace;
import ru.unitecon.core.sync.SyncService;
import ru.unitecon.core.sync.SyncStores;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The real services, built from the environment the way the Lambda functions run: {@code TABLE_NAME},
 * {@code CHANGES_QUEUE_URL}, {@code EVENTS_URL}, {@code APP_URL}, {@code BITRIX_CLIENT_ID},
 * {@code BITRIX_CLIENT_SECRET}, {@code BITRIX_OAUTH_URL} and the usual AWS variables (region, and
 * {@code AWS_ENDPOINT_URL*} for DynamoDB Local, ElasticMQ or LocalStack). Each function builds only what it uses.
 */
final class ProductionServices {
    static final String OAUTH_URL_VARIABLE = "BITRIX_OAUTH_URL";
    /**
     * Every variable the functions read, besides those Lambda sets itself (AWS_REGION and the like): template.yaml
     * gives each function exactly these (checked by FunctionsTemplateTest), the README documents them.
     */
    static final Set<String> VARIABLES = Set.of(TableDefinition.TABLE_NAME_VARIABLE,
            SqsChangeQueue.QUEUE_URL_VARIABLE, AppAddresses.EVENTS_URL_VARIABLE, AppAddresses.APP_URL_VARIABLE,
            AppCredentials.CLIENT_ID_VARIABLE, AppCredentials.CLIENT_SECRET_VARIABLE, OAUTH_URL_VARIABLE);
    /** What the BI export and the Spend API read: they touch only the table, never the portal or the queue. */
    static final Set<String> STORE_VARIABLES = Set.of(TableDefinition.TABLE_NAME_VARIABLE);

    private final Map<String, String> environment;
    private final Clock clock = Clock.systemUTC();
    private final DynamoDbClient dynamo;
    private final String table;
    private final PortalStore portals;
    private TokenRefresher schedulerRefresher;

    ProductionServices(Map<String, String> environment) {
        this.environment = environment;
        this.dynamo = withRegion(DynamoDbClient.builder().httpClientBuilder(UrlConnectionHttpClient.builder()))
                .build();
        this.table = TableDefinition.tableNameFromEnvironment();
        this.portals = new PortalStore(dynamo, table);
    }

    static ProductionServices fromEnvironment() {
        return new ProductionServices(System.getenv());
    }

    InstallationService installations() {
        return installations(queue());
    }

    EventIntake intake() {
        ChangeQueue queue = queue();
        return new EventIntake(portals, queue, () -> installations(queue));
    }

    SyncService sync() {
        return new SyncService(SyncStores.of(dynamo, table, clock), clients(new TokenRefresher(oauth(), portals)),
                queue(), SyncPace.standard(), clock);
    }

    Reconciliation reconciliation() {
        TokenRefresher refresher = schedulerRefresher();
        return new Reconciliation(SyncStores.of(dynamo, table, clock), clients(refresher), refresher, queue(), clock);
    }

    ReminderService reminders() {
        return new ReminderService(portals, new SettingsStore(dynamo, table), new LedgerStore(dynamo, table, clock),
                new DueAppointments(dynamo, table), new SentReminders(dynamo, table),
                clients(schedulerRefresher()), clock);
    }

    /** The scheduler's daily look at each portal's zone and currency rates. */
    PortalFactsRefresh portalFacts() {
        return new PortalFactsRefresh(portals, new SettingsStore(dynamo, table), clients(schedulerRefresher()),
                factsLearner(), clock);
    }

    private PortalFactsLearner factsLearner() {
        return new PortalFactsLearner(new SettingsStore(dynamo, table), new LedgerRebuild(dynamo, table, clock), clock);
    }

    /** Reconciliation and reminders run in one function, so they share its refresher. */
    private TokenRefresher schedulerRefresher() {
        if (schedulerRefresher == null) {
            schedulerRefresher = new TokenRefresher(oauth(), portals);
        }
        return schedulerRefresher;
    }

    MetricsExport metricsExport() {
        return new MetricsExport(new PortalSecrets(dynamo, table, clock), portals, new SettingsStore(dynamo, table),
                new AggregateReader(dynamo, table), clock);
    }

    SpendApi spendApi() {
        return new SpendApi(new PortalSecrets(dynamo, table, clock), portals, new SettingsStore(dynamo, table),
                new SpendStore(dynamo, table));
    }

    private InstallationService installations(ChangeQueue queue) {
        OAuthServer oauth = oauth();
        return new InstallationService(portals, oauth, clients(new TokenRefresher(oauth, portals)), queue,
                AppAddresses.from(environment), clock, factsLearner());
    }

    private ChangeQueue queue() {
        String url = environment.get(SqsChangeQueue.QUEUE_URL_VARIABLE);
        if (url == null || url.isBlank()) {
            throw new IllegalStateException(SqsChangeQueue.QUEUE_URL_VARIABLE + " must be set");
        }
        SqsClient sqs = withRegion(SqsClient.builder().httpClientBuilder(UrlConnectionHttpClient.builder())).build();
        return new SqsChangeQueue(sqs, url.strip());
    }

    /** The configured OAuth server first (the default for portals that name none), then both Bitrix24 regions. */
    private OAuthServer oauth() {
        String configured = environment.getOrDefault(OAUTH_URL_VARIABLE, "");
        URI first = configured.isBlank() ? OAuthServer.WEST : URI.create(configured.strip());
        List<URI> trusted = Stream.of(first, OAuthServer.WEST, OAuthServer.EAST).distinct().toList();
        return new OAuthServer(HttpClient.newHttpClient(), AppCredentials.from(environment), trusted);
    }

    /** Every client of a function shares its one refresher, so refreshes of a portal run one at a time. */
    private PortalClients clients(TokenRefresher refresher) {
        HttpClient http = BitrixRestClient.newHttpClient();
        return memberId -> BitrixRestClient.builder(memberId, portals, refresher).http(http).build();
    }

    private <B extends software.amazon.awssdk.awscore.client.builder.AwsClientBuilder<B, ?>> B withRegion(B builder) {
        String region = environment.get("AWS_REGION");
        return region == null || region.isBlank() ? builder : builder.region(Region.of(region));
    }
}
