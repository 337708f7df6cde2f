package ru.unitecon.testsupport;

import com.amazonaws.services.dynamodbv2.local.embedded.DynamoDBEmbedded;
import com.amazonaws.services.dynamodbv2.local.shared.access.AmazonDynamoDBLocal;
import ru.unitecon.core.store.TableDefinition;
import ru.unitecon.core.wiring.AppServices;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Clock;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/**
 * DynamoDB Local, in-process and in memory, started once per test JVM with the app's table. Tests isolate
 * themselves by using a fresh portal (member_id) each, exactly as portals are isolated in production.
 */
public final class LocalDynamo {
    public static final String TABLE = "unit-economics-test";

    private static AmazonDynamoDBLocal server;
    private static DynamoDbClient client;

    private LocalDynamo() {
    }

    public static synchronized DynamoDbClient client() {
        if (client == null) {
            server = DynamoDBEmbedded.create();
            client = server.dynamoDbClient();
            TableDefinition.createIfMissing(client, TABLE);
            Runtime.getRuntime().addShutdownHook(new Thread(server::shutdown));
        }
        return client;
    }

    /** A member_id in Bitrix24's format (32 hex characters) that no other test uses. */
    /** The app's stores and services on the shared test table, on the system clock. */
    public static AppServices app() {
        return AppServices.on(client(), TABLE).build();
    }

    /** The app's stores and services on the shared test table, telling the time by {@code clock}. */
    public static AppServices app(Clock clock) {
        return AppServices.on(client(), TABLE).clock(clock).build();
    }

    public static String freshMemberId() {
        byte[] bytes = new byte[16];
        ThreadLocalRandom.current().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
