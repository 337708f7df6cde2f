package ru.unitecon.functions;

import ru.unitecon.core.alerts.AlertService;
import ru.unitecon.core.bitrix.oauth.AppCredentials;
import ru.unitecon.core.bitrix.oauth.OAuthServer;
import ru.unitecon.core.export.BiConnector;
import ru.unitecon.core.export.MetricsExport;
import ru.unitecon.core.install.AppAddresses;
import ru.unitecon.core.install.InstallationService;
import ru.unitecon.core.install.ZoneAndCurrencyRefresh;
import ru.unitecon.core.intake.EventInbox;
import ru.unitecon.core.queue.SqsChangeQueue;
import ru.unitecon.core.reminders.ReminderService;
import ru.unitecon.core.robot.ClientAndChannelRobot;
import ru.unitecon.core.spend.SpendApi;
import ru.unitecon.core.store.KmsDataKeys;
import ru.unitecon.core.store.TableDefinition;
import ru.unitecon.core.sync.ChangeQueue;
import ru.unitecon.core.sync.Reconciliation;
import ru.unitecon.core.sync.SyncService;
import ru.unitecon.core.adsimport.AdPlatforms;
import ru.unitecon.core.adsimport.AdSpendImport;
import ru.unitecon.core.adsimport.AdsConfiguration;
import ru.unitecon.core.bitrix.Sleeper;
import ru.unitecon.core.wiring.AdServices;
import ru.unitecon.core.wiring.AppServices;
import software.amazon.awssdk.services.kms.KmsClient;
import java.time.Duration;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

import java.net.URI;
import java.net.http.HttpClient;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The real services, built from the environment the way the Lambda functions run: {@code TABLE_NAME},
 * {@code CHANGES_QUEUE_URL}, {@code EVENTS_URL}, {@code APP_URL}, {@code ROBOT_URL}, {@code BI_CONNECTOR_URL},
 * {@code BITRIX_CLIENT_ID}, {@code BITRIX_CLIENT_SECRET}, {@code BITRIX_OAUTH_URL}, for the sync function
 * {@code EVENTS_QUEUE_ARN}, and the usual AWS variables (region, and
 * {@code AWS_ENDPOINT_URL*} for DynamoDB Local, ElasticMQ or LocalStack). Each function builds only what it uses; the
 * stores and services come from core's {@link AppServices}.
 */
final class ProductionServices {
    static final String OAUTH_URL_VARIABLE = "BITRIX_OAUTH_URL";
    /**
     * Every variable the functions read, besides those Lambda sets itself (AWS_REGION and the like): template.yaml
     * gives each function exactly these (checked by FunctionsTemplateTest), the README documents them.
     */
    static final Set<String> VARIABLES = Set.of(TableDefinition.TABLE_NAME_VARIABLE,
            SqsChangeQueue.QUEUE_URL_VARIABLE, AppAddresses.EVENTS_URL_VARIABLE, AppAddresses.APP_URL_VARIABLE,
            AppAddresses.ROBOT_URL_VARIABLE, AppAddresses.BI_CONNECTOR_URL_VARIABLE,
            AppCredentials.CLIENT_ID_VARIABLE, AppCredentials.CLIENT_SECRET_VARIABLE, OAUTH_URL_VARIABLE);
    /**
     * What the scheduler reads besides the others' variables: the ad platforms' OAuth clients and the KMS key that
     * seals their tokens.
     */
    static final Set<String> SCHEDULER_VARIABLES = Stream.of(VARIABLES, AdsConfiguration.VARIABLES,
                    Set.of(KmsDataKeys.KEY_ID_VARIABLE)).flatMap(Set::stream)
            .collect(Collectors.toUnmodifiableSet());
    /** The events queue's ARN, which tells the sync function its records from the changes queue's. */
    static final String EVENTS_QUEUE_ARN_VARIABLE = "EVENTS_QUEUE_ARN";
    /** What the sync function reads: the others' variables and the events queue's ARN. */
    static final Set<String> SYNC_VARIABLES = Stream.concat(VARIABLES.stream(), Stream.of(EVENTS_QUEUE_ARN_VARIABLE))
            .collect(Collectors.toUnmodifiableSet());
    /**
     * What the BI export, the BI Builder connector and the Spend API read: they touch only the table, never the
     * portal or the queue.
     */
    static final Set<String> STORE_VARIABLES = Set.of(TableDefinition.TABLE_NAME_VARIABLE);
    /** What the robot reads: the table, and the app's credentials to renew a portal's token; never the queue. */
    static final Set<String> PORTAL_VARIABLES = Set.of(TableDefinition.TABLE_NAME_VARIABLE,
            AppCredentials.CLIENT_ID_VARIABLE, AppCredentials.CLIENT_SECRET_VARIABLE, OAUTH_URL_VARIABLE);

    private final Map<String, String> environment;
    private final DynamoDbClient dynamo;
    private final AppServices app;

    ProductionServices(Map<String, String> environment) {
        this.environment = environment;
        this.dynamo = withRegion(DynamoDbClient.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder())).build();
        this.app = AppServices.on(dynamo, TableDefinition.tableNameFromEnvironment())
                .changes(this::queue)
                .oauth(this::oauth)
                .addresses(() -> AppAddresses.from(environment))
                .build();
    }

    static ProductionServices fromEnvironment() {
        return new ProductionServices(System.getenv());
    }

    InstallationService installations() {
        return app.installations();
    }

    EventInbox inbox() {
        return app.inbox();
    }

    String eventsQueueArn() {
        String arn = environment.get(EVENTS_QUEUE_ARN_VARIABLE);
        if (arn == null || arn.isBlank()) {
            throw new IllegalStateException(EVENTS_QUEUE_ARN_VARIABLE + " must be set");
        }
        return arn.strip();
    }

    SyncService sync() {
        return app.sync();
    }

    Reconciliation reconciliation() {
        return app.reconciliation();
    }

    ReminderService reminders() {
        return app.reminders();
    }

    AlertService alerts() {
        return app.alerts();
    }

    /** The scheduler's daily look at each portal's zone and currency rates. */
    ZoneAndCurrencyRefresh portalFacts() {
        return app.portalFacts();
    }

    /** The daily import of the connected ad accounts' spend; their tokens are opened with the KMS key. */
    AdSpendImport adSpendImport() {
        String keyId = environment.getOrDefault(KmsDataKeys.KEY_ID_VARIABLE, "").strip();
        if (keyId.isEmpty()) {
            throw new IllegalStateException(KmsDataKeys.KEY_ID_VARIABLE + " must be set");
        }
        KmsClient kms = withRegion(KmsClient.builder().httpClientBuilder(UrlConnectionHttpClient.builder())).build();
        AdPlatforms platforms = AdsConfiguration.platforms(environment, new KmsDataKeys(kms, keyId),
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build(), Sleeper.SYSTEM);
        return AdServices.on(dynamo, TableDefinition.tableNameFromEnvironment(), app, platforms).importer();
    }

    MetricsExport metricsExport() {
        return app.metricsExport();
    }

    ClientAndChannelRobot robot() {
        return app.robot();
    }

    BiConnector biConnector() {
        return app.biConnector();
    }

    SpendApi spendApi() {
        return app.spendApi();
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

    private <B extends software.amazon.awssdk.awscore.client.builder.AwsClientBuilder<B, ?>> B withRegion(B builder) {
        String region = environment.get("AWS_REGION");
        return region == null || region.isBlank() ? builder : builder.region(Region.of(region));
    }
}
