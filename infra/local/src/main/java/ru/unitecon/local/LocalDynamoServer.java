package ru.unitecon.local;

import com.amazonaws.services.dynamodbv2.local.main.ServerRunner;
import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;
import ru.unitecon.core.store.TableDefinition;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * DynamoDB Local as a server on a loopback port, with the app's table, for the local run: in memory, or kept in a
 * data folder so demo data survives a restart. Anything that speaks DynamoDB (the SDK with
 * {@code AWS_ENDPOINT_URL}, the AWS CLI) can use it.
 */
public final class LocalDynamoServer implements AutoCloseable {
    private final DynamoDBProxyServer server;
    private final URI endpoint;

    private LocalDynamoServer(DynamoDBProxyServer server, URI endpoint) {
        this.server = server;
        this.endpoint = endpoint;
    }

    /**
     * @param dataFolder where the database file lives, or null to keep everything in memory
     * @param port       the loopback port, or 0 for any free one
     */
    public static LocalDynamoServer start(Path dataFolder, int port, String tableName) throws Exception {
        int chosen = port == 0 ? freePort() : port;
        List<String> args = new ArrayList<>(List.of("-port", Integer.toString(chosen), "-sharedDb",
                "-disableTelemetry"));
        if (dataFolder == null) {
            args.add("-inMemory");
        } else {
            Files.createDirectories(dataFolder);
            args.addAll(List.of("-dbPath", dataFolder.toAbsolutePath().toString()));
        }
        DynamoDBProxyServer server = ServerRunner.createServerFromCommandLineArgs(args.toArray(String[]::new));
        server.start();
        LocalDynamoServer local = new LocalDynamoServer(server, URI.create("http://127.0.0.1:" + chosen));
        try (DynamoDbClient client = local.newClient()) {
            // Asked first: DynamoDB Local prints a stack trace for a create of a table kept in the data folder.
            if (!client.listTables().tableNames().contains(tableName)) {
                TableDefinition.createIfMissing(client, tableName);
            }
        }
        return local;
    }

    public URI endpoint() {
        return endpoint;
    }

    /** A client for this server; DynamoDB Local accepts any credentials. */
    public DynamoDbClient newClient() {
        return DynamoDbClient.builder()
                .endpointOverride(endpoint)
                .region(Region.EU_CENTRAL_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free loopback port", e);
        }
    }
}
