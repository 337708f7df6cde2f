package ru.unitecon.local;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import ru.unitecon.core.bitrix.oauth.AppCredentials;
import ru.unitecon.core.queue.SqsChangeQueue;
import ru.unitecon.core.sync.ChangeQueue;
import ru.unitecon.ui.AdminUiApplication;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

import java.net.URI;
import java.util.Map;

/**
 * The admin UI (the same Spring Boot app that runs in its container on AWS) inside the local stack's JVM, on a
 * free loopback port behind the local gateway, reading the local DynamoDB, queueing recounts on the local changes queue and verifying portals with the given
 * OAuth server. Production frontend, as in the portal's cross-site iframe dev mode is blank.
 */
final class LocalAdminUi implements AutoCloseable {
    private final ConfigurableApplicationContext context;
    private final URI base;

    private LocalAdminUi(ConfigurableApplicationContext context) {
        this.context = context;
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        this.base = URI.create("http://127.0.0.1:" + port + "/");
    }

    /** @param oauthServer the OAuth server's base URL with its trailing slash, as BITRIX_OAUTH_URL */
    static LocalAdminUi start(LocalDynamoServer dynamo, LocalQueueServer queue, String table,
                              AppCredentials credentials, URI oauthServer) {
        Map<String, Object> properties = Map.of(
                "unitecon.table", table,
                "unitecon.bitrix.client-id", credentials.clientId(),
                "unitecon.bitrix.client-secret", credentials.clientSecret(),
                "unitecon.bitrix.oauth-server", oauthServer.resolve("rest/").toString(),
                "server.address", "127.0.0.1",
                "server.port", "0",
                "vaadin.productionMode", "true",
                "spring.main.banner-mode", "off",
                "spring.main.log-startup-info", "false",
                "logging.level.root", "WARN");
        ConfigurableApplicationContext context = new SpringApplicationBuilder(AdminUiApplication.class,
                LocalDynamoClient.class, LocalChangesQueue.class)
                .initializers(app -> {
                    app.getBeanFactory().registerSingleton("localDynamoServer", dynamo);
                    app.getBeanFactory().registerSingleton("localQueueServer", queue);
                })
                // As arguments, they win over the app's application.properties (which reads the environment).
                .run(properties.entrySet().stream().map(p -> "--" + p.getKey() + "=" + p.getValue())
                        .toArray(String[]::new));
        return new LocalAdminUi(context);
    }

    URI base() {
        return base;
    }

    @Override
    public void close() {
        context.close();
    }

    /** The admin UI reads the local DynamoDB instead of the AWS one its own configuration would reach. */
    @Configuration(proxyBeanMethods = false)
    static class LocalDynamoClient {
        @Bean
        @Primary
        DynamoDbClient localDynamoDbClient(LocalDynamoServer localDynamoServer) {
            return localDynamoServer.newClient();
        }
    }

    /** The admin UI queues its recounts on the local changes queue, which the stack's sync works through. */
    @Configuration(proxyBeanMethods = false)
    static class LocalChangesQueue {
        @Bean
        SqsClient localSqsClient(LocalQueueServer localQueueServer) {
            return localQueueServer.newClient();
        }

        @Bean
        @Primary
        ChangeQueue localChangeQueue(SqsClient localSqsClient, LocalQueueServer localQueueServer) {
            return new SqsChangeQueue(localSqsClient, localQueueServer.queueUrl());
        }
    }
}
