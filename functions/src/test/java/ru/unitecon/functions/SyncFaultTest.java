package ru.unitecon.functions;

import com.amazonaws.services.dynamodbv2.local.main.ServerRunner;
import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ru.unitecon.simulator.DatasetGenerator;
import ru.unitecon.testsupport.LocalDynamo;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The sync worker dies between fetching a batch and writing all of it (the records are written in a few
 * transactions of many records each: the first goes through, the second meets the crash), or DynamoDB goes away in
 * the middle of a sync and comes back: the queue delivers the batch again, and in the end every change is stored once, so the
 * monthly aggregates equal a recomputation from the stored records.
 */
class SyncFaultTest {
    private static final int EDITED = 60;

    @Test
    void crashBetweenFetchAndWriteIsRedeliveredWithNothingLostAndNothingCountedTwice() {
        DynamoWithCrashPoint dynamo = new DynamoWithCrashPoint(LocalDynamo.client());
        try (AppOnSimulatedPortal app = AppOnSimulatedPortal.start(DatasetGenerator.generate(51, 80),
                dynamo.client())) {
            app.installAndBackfill();
            Instant movedAt = moveLeadsToTelegram(app);
            dynamo.crashAfter(1);

            LocalQueue.Deliveries deliveries = app.sync();

            assertTrue(deliveries.failures() >= EDITED, "the crashed batch came back whole");
            assertEverythingStoredOnce(app, movedAt);
        }
    }

    @Test
    void databaseStoppedAndRestartedInTheMiddleOfASyncLosesNothing(@TempDir Path data) throws Exception {
        int port = freePort();
        RestartableDynamo server = new RestartableDynamo(data, port);
        server.start();
        DynamoWithCrashPoint dynamo = new DynamoWithCrashPoint(server.client);
        try (AppOnSimulatedPortal app = AppOnSimulatedPortal.start(DatasetGenerator.generate(52, 80),
                dynamo.client())) {
            app.installAndBackfill();
            Instant movedAt = moveLeadsToTelegram(app);
            dynamo.atCrashPoint(server::stop);
            dynamo.crashAfter(1);

            LocalQueue.Deliveries whileDown = app.queue.deliverTo(app.syncHandler, 1);
            server.start();
            app.sync();

            assertEquals(EDITED, whileDown.failures(), "the batch that met the stopped database came back whole");
            assertEverythingStoredOnce(app, movedAt);
        } finally {
            server.stop();
            server.client.close();
        }
    }

    /** Leads 1..EDITED move to the Telegram channel, which changes their aggregates, and the portal says so. */
    private static Instant moveLeadsToTelegram(AppOnSimulatedPortal app) {
        app.clock.advance(Duration.ofMinutes(1));
        Instant at = app.clock.instant();
        LongStream.rangeClosed(1, EDITED).forEach(id -> app.portal.updateLead(id, Map.of("UTM_SOURCE", "telegram")));
        LongStream.rangeClosed(1, EDITED).forEach(id -> app.portal.deliverEvent("ONCRMLEADUPDATE", id, false));
        return at;
    }

    private static void assertEverythingStoredOnce(AppOnSimulatedPortal app, Instant movedAt) {
        assertEquals(0, app.queue.size());
        assertEquals(EDITED, app.liveLeads().stream()
                .filter(lead -> lead.modified().getEpochSecond() == movedAt.getEpochSecond()).count());
        assertEquals(app.recomputedAggregates(app.memberId()), app.storedAggregates(app.memberId()));
        assertEquals(app.liveLeads().size(), app.aggregateLeads());
        assertEquals(List.of(), app.portal.violations());
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** DynamoDB Local as a server keeping its data in a folder, so it can stop and start again on the same port. */
    private static final class RestartableDynamo {
        private final Path data;
        private final int port;
        final DynamoDbClient client;
        private DynamoDBProxyServer server;

        RestartableDynamo(Path data, int port) {
            this.data = data;
            this.port = port;
            this.client = DynamoDbClient.builder().endpointOverride(URI.create("http://127.0.0.1:" + port))
                    .region(Region.EU_CENTRAL_1).httpClient(UrlConnectionHttpClient.create())
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                    .build();
        }

        void start() throws Exception {
            server = ServerRunner.createServerFromCommandLineArgs(new String[] {"-port", Integer.toString(port),
                    "-sharedDb", "-disableTelemetry", "-dbPath", data.toString()});
            server.start();
        }

        void stop() {
            if (server == null) {
                return;
            }
            try {
                server.stop();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            server = null;
        }
    }
}
