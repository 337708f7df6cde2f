package ru.unitecon.ui;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import ru.unitecon.testsupport.LocalDynamo;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.Executor;

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

    @Bean
    @Primary
    Clock stoppedClock() {
        return Clock.fixed(NOW, ZoneOffset.UTC);
    }

    /** Recounts run inside the save that starts them, so a test sees their result when the save returns. */
    @Bean
    @Primary
    @Qualifier("recountExecutor")
    Executor inlineRecount() {
        return Runnable::run;
    }
}
