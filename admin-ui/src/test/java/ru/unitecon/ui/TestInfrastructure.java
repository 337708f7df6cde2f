package ru.unitecon.ui;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import ru.unitecon.core.sync.ChangeMessage;
import ru.unitecon.core.sync.ChangeQueue;
import ru.unitecon.core.wiring.AppServices;
import ru.unitecon.testsupport.LocalDynamo;
import ru.unitecon.ui.data.MasterDirectory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.stream.Collectors;

/** The app as it runs, on in-process DynamoDB Local and a clock stopped in March 2026. */
@TestConfiguration
public class TestInfrastructure {
    public static final String CLIENT_ID = "local.admin-ui.test";
    public static final Instant NOW = Instant.parse("2026-03-20T09:00:00Z");

    @Bean
    @Primary
    DynamoDbClient localDynamo() {
        return LocalDynamo.client();
    }

    /** Stopped at {@link #NOW} unless a test names another moment ({@code unitecon.test.now}). */
    @Bean
    @Primary
    Clock stoppedClock(@Value("${unitecon.test.now:2026-03-20T09:00:00Z}") String now) {
        return Clock.fixed(Instant.parse(now), ZoneOffset.UTC);
    }

    /**
     * Masters' names: a simulated portal (on this machine) is asked with user.get as the app asks a real one; the
     * seeded portals' addresses lead nowhere, so for them the views' tests answer with two users of their own.
     */
    @Bean
    @Primary
    MasterDirectory seededMasters(ObjectProvider<AppServices> app) {
        Map<Long, String> users = Map.of(7L, "Анна Смирнова", 9L, "Мария Иванова");
        return (memberId, userIds) -> {
            boolean simulated = app.getObject().portals().find(memberId)
                    .map(portal -> "127.0.0.1".equals(portal.clientEndpoint().getHost())
                            || "localhost".equals(portal.clientEndpoint().getHost()))
                    .orElse(false);
            if (simulated) {
                return app.getObject().masterNames().of(memberId, userIds);
            }
            return userIds.stream().filter(users::containsKey).collect(Collectors.toMap(id -> id, users::get));
        };
    }

    /**
     * The sync function, for the one job the admin UI queues: a recount runs as it is queued, through the sync's own
     * {@code Recounts.run}, so a test sees its result when the save returns.
     */
    @Bean
    @Primary
    ChangeQueue recountAtOnce(ObjectProvider<AppServices> app) {
        return messages -> messages.forEach(message -> {
            if (message.action() != ChangeMessage.Action.RECOUNT) {
                throw new IllegalArgumentException("the admin UI queued " + message.action());
            }
            if (!app.getObject().recounts().run(message.memberId())) {
                throw new IllegalStateException("the recount did not settle");
            }
        });
    }
}
