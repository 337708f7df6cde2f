package ru.unitecon.functions;

import com.amazonaws.services.dynamodbv2.local.main.ServerRunner;
import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import ru.unitecon.core.portal.PortalInstallation;
import ru.unitecon.core.portal.PortalStatus;
import ru.unitecon.core.store.PortalStore;
import ru.unitecon.core.store.TableDefinition;
import ru.unitecon.simulator.DatasetGenerator;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import ru.unitecon.testsupport.Percentiles;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The events path's figures for docs/benchmarks.md: warm handler latency in-process (DynamoDB Local and ElasticMQ
 * behind it), JVM start to first handled event against a bare handler, and the burst of 1 000 lead changes (REST
 * calls per changed lead, time to store them all). Prints Markdown.
 */
public final class EventsBenchmark {
    private static final int WARMUP = 500;
    private static final int SAMPLES = 3_000;
    private static final int COLD_RUNS = 9;
    private static final String MEMBER = "c0ffee00c0ffee00c0ffee00c0ffee00";
    private static final String APPLICATION_TOKEN = "bench-application-token";

    private EventsBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        warmLatency();
        coldStart();
        burst();
    }

    private static void warmLatency() {
        try (AppOnSimulatedPortal app = AppOnSimulatedPortal.start(DatasetGenerator.generate(1, 100))) {
            app.installAndBackfill();
            APIGatewayV2HTTPEvent event = event(eventBody(app.memberId(), app.portal.applicationToken()));
            double[] ms = new double[SAMPLES];
            for (int i = -WARMUP; i < SAMPLES; i++) {
                long start = System.nanoTime();
                int status = app.eventsHandler.handleRequest(event, null).getStatusCode();
                long elapsed = System.nanoTime() - start;
                if (status != 200) {
                    throw new IllegalStateException("the events handler answered " + status);
                }
                if (i >= 0) {
                    ms[i] = elapsed / 1e6;
                }
            }
            System.out.println("| warm events handler (verify token, enqueue) | p50 " + fmt(Percentiles.of(ms, 50))
                    + " ms | p99 " + fmt(Percentiles.of(ms, 99)) + " ms | " + SAMPLES + " events |");
        }
    }

    /** Each run is a fresh JVM that builds the handler from the environment and handles one event. */
    private static void coldStart() throws Exception {
        int port = freePort();
        DynamoDBProxyServer dynamoServer = ServerRunner.createServerFromCommandLineArgs(new String[] {
                "-port", Integer.toString(port), "-inMemory", "-sharedDb", "-disableTelemetry"});
        dynamoServer.start();
        try (DynamoDbClient dynamo = DynamoDbClient.builder().endpointOverride(URI.create("http://127.0.0.1:" + port))
                .region(Region.EU_CENTRAL_1).httpClient(UrlConnectionHttpClient.create())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .build()) {
            TableDefinition.createIfMissing(dynamo, "bench");
            new PortalStore(dynamo, "bench").saveInstallation(new PortalInstallation(MEMBER, "bench.bitrix24.ru",
                    URI.create("https://bench.bitrix24.ru/rest/"), null, APPLICATION_TOKEN, PortalStatus.INSTALLED,
                    Instant.now(), null));
            LocalQueue queue = LocalQueue.create();
            URI sqs = URI.create(queue.url);
            Map<String, String> environment = new LinkedHashMap<>();
            environment.put("AWS_REGION", "eu-central-1");
            environment.put("AWS_ACCESS_KEY_ID", "local");
            environment.put("AWS_SECRET_ACCESS_KEY", "local");
            environment.put("AWS_ENDPOINT_URL_DYNAMODB", "http://127.0.0.1:" + port);
            environment.put("AWS_ENDPOINT_URL_SQS", sqs.getScheme() + "://" + sqs.getAuthority());
            environment.put(TableDefinition.TABLE_NAME_VARIABLE, "bench");
            environment.put(SqsChangeQueue.QUEUE_URL_VARIABLE, queue.url);
            environment.put("EVENTS_URL", "https://example.invalid/events");
            environment.put("APP_URL", "https://example.invalid/app");
            environment.put("BITRIX_CLIENT_ID", "local.bench");
            environment.put("BITRIX_CLIENT_SECRET", "bench-secret");
            environment.put(ColdStartProbe.BODY_VARIABLE, eventBody(MEMBER, APPLICATION_TOKEN));
            for (List<String> flags : List.of(List.<String>of(), List.of("-XX:TieredStopAtLevel=1"))) {
                double[] hello = new double[COLD_RUNS];
                double[] events = new double[COLD_RUNS];
                for (int run = 0; run < COLD_RUNS; run++) {
                    hello[run] = probe("hello", flags, environment);
                    events[run] = probe("events", flags, environment);
                }
                double ratio = Percentiles.of(events, 50) / Percentiles.of(hello, 50);
                System.out.println("| JVM start to first handled event " + (flags.isEmpty() ? "(defaults)" : flags)
                        + " | events " + fmt(Percentiles.of(events, 50)) + " ms | hello world "
                        + fmt(Percentiles.of(hello, 50)) + " ms | ratio " + String.format("%.2f", ratio)
                        + " (median of " + COLD_RUNS + ") |");
            }
        } finally {
            dynamoServer.stop();
        }
    }

    private static double probe(String handler, List<String> flags, Map<String, String> environment)
            throws Exception {
        List<String> command = new ArrayList<>();
        command.add(System.getProperty("java.home") + "/bin/java");
        command.addAll(flags);
        command.addAll(List.of("-cp", classpath(), ColdStartProbe.class.getName(), handler));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
        long start = System.nanoTime();
        Process process = builder.start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.equals("handled 200")) {
                    double ms = (System.nanoTime() - start) / 1e6;
                    process.waitFor();
                    return ms;
                }
            }
        }
        throw new IllegalStateException(handler + " did not handle its event (exit " + process.waitFor() + ")");
    }

    private static void burst() {
        try (AppOnSimulatedPortal app = AppOnSimulatedPortal.start(DatasetGenerator.generate(11, 1_000))) {
            app.installAndBackfill();
            app.editEveryLead(1_000);
            app.portal.calls().clear();
            long start = System.nanoTime();
            LocalQueue.Deliveries deliveries = app.sync();
            double seconds = (System.nanoTime() - start) / 1e9;
            long calls = app.portal.calls().count();
            System.out.println("| burst of 1 000 lead changes | " + calls + " REST calls = "
                    + String.format("%.3f", calls / 1000.0) + " per changed lead | " + deliveries.messages()
                    + " messages, " + deliveries.failures() + " failed | stored in " + String.format("%.1f", seconds)
                    + " s |");
        }
    }

    private static String eventBody(String memberId, String applicationToken) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("event", "ONCRMLEADUPDATE");
        form.put("event_handler_id", "7");
        form.put("data[FIELDS][ID]", "5");
        form.put("ts", Long.toString(Instant.now().getEpochSecond()));
        form.put("auth[domain]", "bench.bitrix24.ru");
        form.put("auth[client_endpoint]", "https://bench.bitrix24.ru/rest/");
        form.put("auth[server_endpoint]", "https://oauth.bitrix.info/rest/");
        form.put("auth[member_id]", memberId);
        form.put("auth[application_token]", applicationToken);
        return AppOnSimulatedPortal.formBody(form);
    }

    private static APIGatewayV2HTTPEvent event(String body) {
        return APIGatewayV2HTTPEvent.builder().withBody(body).withIsBase64Encoded(false).build();
    }

    /** The test classpath, also when run by exec:java, whose classes come from a class loader of its own. */
    private static String classpath() {
        if (Thread.currentThread().getContextClassLoader() instanceof URLClassLoader loader) {
            return Arrays.stream(loader.getURLs()).map(URL::getPath).collect(Collectors.joining(File.pathSeparator));
        }
        return System.getProperty("java.class.path");
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String fmt(double ms) {
        return String.format("%.2f", ms);
    }
}
