package ru.unitecon.functions;

import com.amazonaws.services.dynamodbv2.local.main.ServerRunner;
import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;
import ru.unitecon.core.portal.Installation;
import ru.unitecon.core.portal.InstallationStatus;
import ru.unitecon.core.queue.SqsChangeQueue;
import ru.unitecon.core.store.TableDefinition;
import ru.unitecon.core.wiring.AppServices;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.net.ServerSocket;
import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a cold-start probe JVM meets: DynamoDB Local on a loopback port with one installed portal, a local queue,
 * and the environment the events function reads, with a lead event of that portal for the probe to handle.
 */
final class ColdStartWorld implements AutoCloseable {
    private static final String MEMBER = "c0ffee00c0ffee00c0ffee00c0ffee00";
    private static final String APPLICATION_TOKEN = "bench-application-token";
    private static final String TABLE = "bench";

    final Map<String, String> environment;
    private final DynamoDBProxyServer dynamoServer;

    private ColdStartWorld(DynamoDBProxyServer dynamoServer, Map<String, String> environment) {
        this.dynamoServer = dynamoServer;
        this.environment = environment;
    }

    static ColdStartWorld start() throws Exception {
        int port = freePort();
        DynamoDBProxyServer dynamoServer = ServerRunner.createServerFromCommandLineArgs(new String[] {
                "-port", Integer.toString(port), "-inMemory", "-sharedDb", "-disableTelemetry"});
        dynamoServer.start();
        try (DynamoDbClient dynamo = DynamoDbClient.builder().endpointOverride(URI.create("http://127.0.0.1:" + port))
                .region(Region.EU_CENTRAL_1).httpClient(UrlConnectionHttpClient.create())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .build()) {
            TableDefinition.createIfMissing(dynamo, TABLE);
            AppServices.on(dynamo, TABLE).build().portals().saveInstallation(new Installation(MEMBER,
                    "bench.bitrix24.ru", URI.create("https://bench.bitrix24.ru/rest/"), null, APPLICATION_TOKEN,
                    InstallationStatus.INSTALLED, Instant.now(), null));
            return new ColdStartWorld(dynamoServer, environment(port, LocalQueue.create().url));
        } catch (Exception | Error e) {
            dynamoServer.stop();
            throw e;
        }
    }

    private static Map<String, String> environment(int dynamoPort, String queueUrl) {
        URI sqs = URI.create(queueUrl);
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("AWS_REGION", "eu-central-1");
        environment.put("AWS_ACCESS_KEY_ID", "local");
        environment.put("AWS_SECRET_ACCESS_KEY", "local");
        environment.put("AWS_ENDPOINT_URL_DYNAMODB", "http://127.0.0.1:" + dynamoPort);
        environment.put("AWS_ENDPOINT_URL_SQS", sqs.getScheme() + "://" + sqs.getAuthority());
        environment.put(TableDefinition.TABLE_NAME_VARIABLE, TABLE);
        environment.put(SqsChangeQueue.QUEUE_URL_VARIABLE, queueUrl);
        environment.put("EVENTS_URL", "https://example.invalid/events");
        environment.put("APP_URL", "https://example.invalid/app");
        environment.put("BI_CONNECTOR_URL", "https://example.invalid/bi-connector");
        environment.put("BITRIX_CLIENT_ID", "local.bench");
        environment.put("BITRIX_CLIENT_SECRET", "bench-secret");
        environment.put(ColdStartProbe.BODY_VARIABLE, AppOnSimulatedPortal.formBody(Map.of(
                "event", "ONCRMLEADUPDATE", "data[FIELDS][ID]", "5",
                "ts", Long.toString(Instant.now().getEpochSecond()), "auth[domain]", "bench.bitrix24.ru",
                "auth[member_id]", MEMBER, "auth[application_token]", APPLICATION_TOKEN)));
        return environment;
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() throws Exception {
        dynamoServer.stop();
    }
}
