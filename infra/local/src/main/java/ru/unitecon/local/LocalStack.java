package ru.unitecon.local;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import ru.unitecon.core.bitrix.oauth.AppCredentials;
import ru.unitecon.core.bitrix.oauth.OAuthServer;
import ru.unitecon.core.install.AppAddresses;
import ru.unitecon.core.intake.EventInbox;
import ru.unitecon.core.queue.SqsChangeQueue;
import ru.unitecon.core.store.SpendStore;
import ru.unitecon.core.store.TableDefinition;
import ru.unitecon.core.wiring.AdServices;
import ru.unitecon.core.wiring.AppServices;
import ru.unitecon.eventsource.SqsEventSource;
import ru.unitecon.eventsource.SqsSendMessageIntegration;
import ru.unitecon.functions.BiConnectorHandler;
import ru.unitecon.functions.BiExportHandler;
import ru.unitecon.functions.HealthHandler;
import ru.unitecon.functions.InstallHandler;
import ru.unitecon.functions.RobotHandler;
import ru.unitecon.functions.SchedulerHandler;
import ru.unitecon.functions.SpendApiHandler;
import ru.unitecon.functions.SyncHandler;
import ru.unitecon.simulator.PortalSimulator;
import ru.unitecon.simulator.SimulatedPortal;
import ru.unitecon.simulator.SimulatorOptions;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The whole app on one machine, in one JVM: DynamoDB Local (kept in a data folder, or in memory), ElasticMQ for
 * SQS, the Lambda handlers behind a local HTTP API gateway (whose events route puts the body into the events queue,
 * as API Gateway's SQS integration does), the sync function's two SQS event sources and the EventBridge schedule
 * played by threads, and the admin UI behind the same gateway. Either with a simulated portal holding a
 * {@link DemoSalon} ({@link #startDemo}), or for a real Bitrix24 portal reaching it through a tunnel
 * ({@link #startForPortal}). The handlers and services are the ones the Lambda functions run; only the wiring
 * (endpoints, credentials, OAuth server) is local.
 */
public final class LocalStack implements AutoCloseable {
    public static final String TABLE = TableDefinition.DEFAULT_TABLE_NAME;
    public static final Duration SCHEDULE = Duration.ofMinutes(1);
    /** A failed change comes back after this long, not at once, so a refusing portal is not hammered. */
    private static final Duration RETRY_AFTER = Duration.ofSeconds(10);

    private final Deque<AutoCloseable> running = new ArrayDeque<>();
    private final LocalDynamoServer dynamo;
    private final LocalQueueServer queue;
    private final LocalGateway gateway;
    private final URI publicBase;
    private final SyncHandler syncHandler;
    private final EventInbox inbox;
    private final DynamoDbClient storeClient;
    private final AppServices app;
    private final AdServices ads;
    private final LocalAdAccounts adAccounts;
    private SimulatedPortal portal;

    /**
     * @param dataFolder     DynamoDB Local's folder, or null for memory only
     * @param port           the gateway's loopback port, or 0 for any free one
     * @param trustedOAuth   the OAuth servers the install trusts, the first also the default for the admin UI
     * @param publicBase     where portals reach the gateway (a tunnel's https address), or null for
     *                       {@code http://localhost:PORT/}
     */
    private LocalStack(Path dataFolder, int port, AppCredentials credentials, List<URI> trustedOAuth,
                       URI publicBase) throws Exception {
        try {
            dynamo = remember(LocalDynamoServer.start(dataFolder, 0, TABLE));
            queue = remember(LocalQueueServer.start(0));
            gateway = remember(new LocalGateway(port));
            this.publicBase = publicBase != null ? publicBase : URI.create("http://localhost:" + gateway.port() + "/");
            LocalAdminUi adminUi = remember(LocalAdminUi.start(dynamo, queue, TABLE, credentials,
                    trustedOAuth.getFirst()));
            gateway.fallbackTo(adminUi.base());

            storeClient = remember(dynamo.newClient());
            SqsClient sqs = remember(queue.newClient());
            OAuthServer oauth = new OAuthServer(HttpClient.newHttpClient(), credentials, trustedOAuth);
            app = AppServices.on(storeClient, TABLE)
                    .changes(new SqsChangeQueue(sqs, queue.queueUrl()))
                    .oauth(oauth)
                    .addresses(new AppAddresses(eventsUrl(), appUrl(), robotUrl(), biConnectorUrl()))
                    .build();

            gateway.route("POST", "/install", new InstallHandler(app.installations()));
            // No function on the events route, as on AWS: the body goes straight into the events queue.
            gateway.route("POST", "/events", new SqsSendMessageIntegration(sqs, queue.eventsQueueUrl()));
            gateway.route("GET", "/health", new HealthHandler());
            gateway.route("GET", "/bi/{proxy+}", new BiExportHandler(app.metricsExport()));
            gateway.route("POST", "/spend", new SpendApiHandler(app.spendApi()));
            gateway.route("POST", "/robot", new RobotHandler(app.robot()));
            // The HTTP API's one route POST /bi-connector/{endpoint}, as the four paths it takes.
            BiConnectorHandler biConnector = new BiConnectorHandler(app.biConnector());
            for (String endpoint : List.of("check", "tables", "describe", "data")) {
                gateway.route("POST", "/bi-connector/" + endpoint, biConnector);
            }
            inbox = app.inbox();
            syncHandler = new SyncHandler(app.sync(), inbox, queue.arn(queue.eventsQueueUrl()));
            adAccounts = remember(new LocalAdAccounts(appUrl()));
            ads = AdServices.on(storeClient, TABLE, app, adAccounts.platforms());
            remember(new ScheduleTimer(new SchedulerHandler(app.portalFacts(), ads.importer(), app.reconciliation(),
                    app.reminders(), app.alerts()), SCHEDULE));
        } catch (Exception | Error e) {
            close();
            throw e;
        }
    }

    /**
     * Starts the stack with a simulated portal holding the demo salon, installs the app into it through the real
     * install flow (install page POST, ONAPPINSTALL), enters the salon's spend, and returns once the backfill of
     * every lead and deal is stored.
     */
    public static LocalStack startDemo(Path dataFolder, int port, DemoSalon salon, Duration backfillLimit)
            throws Exception {
        PortalSimulator simulator = PortalSimulator.start(SimulatorOptions.defaults());
        LocalStack stack;
        try {
            stack = new LocalStack(dataFolder, port,
                    new AppCredentials(DemoSalon.CLIENT_ID, DemoSalon.CLIENT_SECRET),
                    List.of(simulator.oauthServerUrl()), null);
        } catch (Exception | Error e) {
            simulator.close();
            throw e;
        }
        stack.running.push(simulator);
        try {
            stack.installDemo(simulator.createPortal(salon.portalSeed()), salon, backfillLimit);
        } catch (Exception | Error e) {
            stack.close();
            throw e;
        }
        return stack;
    }

    /**
     * Starts the stack for a real Bitrix24 portal: no simulator; the portal reaches the gateway at
     * {@code publicBase} (a tunnel to {@code http://localhost:PORT}) and the app verifies it with Bitrix24's
     * OAuth servers, {@code oauthServer} first.
     */
    public static LocalStack startForPortal(Path dataFolder, int port, AppCredentials credentials, URI publicBase,
                                            URI oauthServer) throws Exception {
        List<URI> trusted = Stream.of(oauthServer, OAuthServer.WEST, OAuthServer.EAST)
                .distinct().toList();
        LocalStack stack = new LocalStack(dataFolder, port, credentials, trusted, publicBase);
        stack.startSync();
        return stack;
    }

    private void installDemo(SimulatedPortal simulated, DemoSalon salon, Duration backfillLimit)
            throws InterruptedException {
        this.portal = simulated;
        HttpResponse<String> installed = simulated.installApp(installUrl(), appUrl());
        if (installed.statusCode() != 200) {
            throw new IllegalStateException("the install page answered " + installed.statusCode() + ": "
                    + installed.body());
        }
        salon.bookAppointments(simulated);
        SpendStore spend = app.spend();
        salon.spend().forEach((month, amounts) -> spend.replaceMonths(DemoSalon.MEMBER_ID, Map.of(month, amounts)));
        HttpResponse<String> installEvent = simulated.deliverInstallEvent(eventsUrl());
        if (installEvent.statusCode() != 200) {
            throw new IllegalStateException("ONAPPINSTALL was answered " + installEvent.statusCode());
        }
        startSync();
        awaitQueueDrained(backfillLimit);
        adAccounts.connectDemo(ads.connecting(), DemoSalon.MEMBER_ID,
                Long.parseLong(salon.dataset().adminUserId()));
    }

    /**
     * The sync function's two event sources, the events queue's and the changes queue's; they take turns with the
     * one handler, as the function's reserved concurrency of one has it on AWS.
     */
    private void startSync() {
        RequestHandler<SQSEvent, SQSBatchResponse> shared = SqsEventSource.oneAtATime(syncHandler);
        SqsEventSource.Batching batching = new SqsEventSource.Batching(SyncHandler.BATCHING_WINDOW,
                SyncHandler.BATCH_SIZE, RETRY_AFTER);
        remember(SqsEventSource.start(remember(queue.newClient()), queue.eventsQueueUrl(), shared, batching));
        remember(SqsEventSource.start(remember(queue.newClient()), queue.queueUrl(), shared, batching));
    }

    /** Returns once both queues hold nothing waiting or in work; the limit only ends a stuck start. */
    private void awaitQueueDrained(Duration limit) throws InterruptedException {
        Instant deadline = Instant.now().plus(limit);
        while (queue.pending(queue.eventsQueueUrl()) + queue.pending(queue.queueUrl()) > 0) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("the backfill did not finish within " + limit);
            }
            Thread.sleep(200);
        }
    }

    private <T extends AutoCloseable> T remember(T part) {
        running.push(part);
        return part;
    }

    public URI installUrl() {
        return publicBase.resolve("install");
    }

    public URI eventsUrl() {
        return publicBase.resolve("events");
    }

    public URI appUrl() {
        return publicBase.resolve("app");
    }

    public URI robotUrl() {
        return publicBase.resolve("robot");
    }

    /** Where the portal's BI Builder calls the connector: {@code …/check}, {@code …/tables} and so on. */
    public URI biConnectorUrl() {
        return publicBase.resolve("bi-connector");
    }

    public URI healthUrl() {
        return publicBase.resolve("health");
    }

    /** Event POSTs the sync dropped as no genuine event (forged, malformed, of an unknown portal). */
    public long droppedEvents() {
        return inbox.dropped();
    }

    public URI dynamoEndpoint() {
        return dynamo.endpoint();
    }

    public String queueUrl() {
        return queue.queueUrl();
    }

    /** The simulated portal of the demo, empty for a real portal. */
    public Optional<SimulatedPortal> simulatedPortal() {
        return Optional.ofNullable(portal);
    }

    /** The stores and services the stack runs. */
    public AppServices services() {
        return app;
    }

    /** A client of the local DynamoDB, owned by the stack. */
    public DynamoDbClient dynamo() {
        return storeClient;
    }

    /** Stops every part, the last started first; a part that fails to stop does not keep the others running. */
    @Override
    public void close() {
        RuntimeException failure = null;
        while (!running.isEmpty()) {
            try {
                running.pop().close();
            } catch (Exception e) {
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
                if (failure == null) {
                    failure = new IllegalStateException("the local stack did not stop cleanly", e);
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
