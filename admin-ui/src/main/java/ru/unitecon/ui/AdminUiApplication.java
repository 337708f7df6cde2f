package ru.unitecon.ui;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import ru.unitecon.core.bitrix.BitrixException;
import ru.unitecon.core.bitrix.oauth.AppCredentials;
import ru.unitecon.core.bitrix.oauth.OAuthServer;
import ru.unitecon.core.bitrix.rest.BitrixRestClient;
import ru.unitecon.core.clients.ClientCards;
import ru.unitecon.core.clients.LostClients;
import ru.unitecon.core.queue.SqsChangeQueue;
import ru.unitecon.core.store.AggregateReader;
import ru.unitecon.core.store.AlertSettingsStore;
import ru.unitecon.core.store.BackfillStore;
import ru.unitecon.core.store.SecretStore;
import ru.unitecon.core.store.InstallationStore;
import ru.unitecon.core.store.RecordReader;
import ru.unitecon.core.store.SentReminders;
import ru.unitecon.core.store.SettingsStore;
import ru.unitecon.core.store.SpendStore;
import ru.unitecon.core.sync.ChangeMessage;
import ru.unitecon.core.sync.ChangeQueue;
import ru.unitecon.core.sync.Recounts;
import ru.unitecon.core.campaigns.Campaigns;
import ru.unitecon.core.wiring.AppServices;
import ru.unitecon.ui.data.MasterDirectory;
import ru.unitecon.ui.entry.FramingPolicyFilter;
import ru.unitecon.ui.entry.OAuthServerPortalVerifier;
import ru.unitecon.ui.entry.PlacementEntryFilter;
import ru.unitecon.ui.entry.PortalVerifier;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The admin UI: the Vaadin app a Bitrix24 portal opens in its iframe. DynamoDB's endpoint comes from the
 * standard AWS variables (AWS_ENDPOINT_URL for DynamoDB Local or LocalStack).
 */
@SpringBootApplication
public class AdminUiApplication {

    public static void main(String[] args) {
        SpringApplication.run(AdminUiApplication.class, args);
    }

    @Bean
    DynamoDbClient dynamoDbClient(@Value("${unitecon.aws-region}") String region) {
        return DynamoDbClient.builder().region(Region.of(region))
                .httpClient(UrlConnectionHttpClient.create()).build();
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** The stores and services, built by core's one wiring; the views' data classes take the stores from here. */
    @Bean
    AppServices appServices(DynamoDbClient dynamo, @Value("${unitecon.table}") String table, Clock clock,
                            ChangeQueue changes, @Value("${unitecon.bitrix.client-id}") String clientId,
                            @Value("${unitecon.bitrix.client-secret}") String clientSecret,
                            @Value("${unitecon.bitrix.oauth-server}") URI oauthServer) {
        // The OAuth server refreshes a portal's tokens when the retention view asks the portal for masters' names.
        return AppServices.on(dynamo, table).clock(clock).changes(changes)
                .oauth(() -> new OAuthServer(BitrixRestClient.newHttpClient(), new AppCredentials(clientId, clientSecret),
                        List.of(oauthServer)))
                .build();
    }

    /** Masters' names from the portal, live; a portal that cannot be asked leaves the view with users' numbers. */
    @Bean
    MasterDirectory masterDirectory(AppServices app) {
        return (memberId, userIds) -> {
            try {
                return app.masterNames().of(memberId, userIds);
            } catch (BitrixException unreachable) {
                return Map.of();
            }
        };
    }

    /**
     * The sync's changes queue (CHANGES_QUEUE_URL), for the recounts settings changes ask for; its client is made
     * at the first recount, which fails with a clear message when the URL is not set.
     */
    @Bean
    ChangeQueue changeQueue(@Value("${unitecon.changes-queue-url}") String url,
                            @Value("${unitecon.aws-region}") String region) {
        Supplier<ChangeQueue> sqs = () -> {
            if (url.isBlank()) {
                throw new IllegalStateException(SqsChangeQueue.QUEUE_URL_VARIABLE + " must be set");
            }
            return new SqsChangeQueue(SqsClient.builder().region(Region.of(region))
                    .httpClient(UrlConnectionHttpClient.create()).build(), url.strip());
        };
        return new ChangeQueue() {
            private ChangeQueue made;

            @Override
            public synchronized void send(List<ChangeMessage> messages) {
                if (made == null) {
                    made = sqs.get();
                }
                made.send(messages);
            }
        };
    }

    @Bean
    Campaigns campaigns(AppServices app) {
        return app.campaigns();
    }

    @Bean
    Recounts recounts(AppServices app) {
        return app.recounts();
    }

    @Bean
    InstallationStore installationStore(AppServices app) {
        return app.portals();
    }

    @Bean
    SettingsStore settingsStore(AppServices app) {
        return app.settings();
    }

    @Bean
    AlertSettingsStore alertSettingsStore(AppServices app) {
        return app.alertSettings();
    }

    @Bean
    AggregateReader aggregateReader(AppServices app) {
        return app.aggregates();
    }

    @Bean
    BackfillStore backfillStore(AppServices app) {
        return app.backfills();
    }

    @Bean
    SpendStore spendStore(AppServices app) {
        return app.spend();
    }

    @Bean
    RecordReader recordReader(AppServices app) {
        return app.records();
    }

    @Bean
    ClientCards clientCards(AppServices app) {
        return app.clientCards();
    }

    @Bean
    LostClients lostClients(AppServices app) {
        return app.lostClients();
    }

    @Bean
    SentReminders sentReminders(AppServices app) {
        return app.sentReminders();
    }

    @Bean
    SecretStore secretStore(AppServices app) {
        return app.secrets();
    }

    @Bean
    PortalVerifier portalVerifier(InstallationStore portals, @Value("${unitecon.bitrix.client-id}") String clientId,
                                  @Value("${unitecon.bitrix.client-secret}") String clientSecret,
                                  @Value("${unitecon.bitrix.oauth-server}") URI oauthServer) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER).build();
        return new OAuthServerPortalVerifier(http, oauthServer, new AppCredentials(clientId, clientSecret), portals);
    }

    @Bean
    FilterRegistrationBean<PlacementEntryFilter> placementEntry(PortalVerifier verifier) {
        FilterRegistrationBean<PlacementEntryFilter> registration =
                new FilterRegistrationBean<>(new PlacementEntryFilter(verifier));
        registration.addUrlPatterns(PlacementEntryFilter.PATH);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Bean
    FilterRegistrationBean<FramingPolicyFilter> framingPolicy() {
        FilterRegistrationBean<FramingPolicyFilter> registration =
                new FilterRegistrationBean<>(new FramingPolicyFilter());
        registration.addUrlPatterns("/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }
}
