package ru.unitecon.ui;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import ru.unitecon.core.adsapi.DataKeys;
import ru.unitecon.core.adsapi.LocalDataKeys;
import ru.unitecon.core.adsimport.AdsConfiguration;
import ru.unitecon.core.adsimport.AdPlatforms;
import ru.unitecon.core.bitrix.Sleeper;
import ru.unitecon.core.store.KmsDataKeys;
import ru.unitecon.core.wiring.AdServices;
import ru.unitecon.core.wiring.AppServices;
import ru.unitecon.ui.entry.AdCallbackFilter;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.kms.KmsClient;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

/**
 * The ad accounts' connections for the Integrations view and the OAuth callback: the platforms' OAuth clients from
 * the same variables the scheduler reads, tokens sealed with the KMS key ({@code ADS_TOKEN_KMS_KEY_ID}) or, in the
 * local run and tests, a key given as {@code unitecon.ads.token-key}. With neither, no platform can be connected.
 */
@Configuration
public class AdAccountsConfiguration {
    @Bean
    AdServices adServices(DynamoDbClient dynamo, @Value("${unitecon.table}") String table, AppServices app,
                          @Value("${unitecon.aws-region}") String region,
                          @Value("${unitecon.ads.token-kms-key-id}") String kmsKeyId,
                          @Value("${unitecon.ads.token-key:}") String localKey,
                          @Value("${unitecon.ads.yandex-client-id}") String yandexId,
                          @Value("${unitecon.ads.yandex-client-secret}") String yandexSecret,
                          @Value("${unitecon.ads.yandex-redirect-url}") String yandexRedirect,
                          @Value("${unitecon.ads.vk-client-id}") String vkId,
                          @Value("${unitecon.ads.vk-client-secret}") String vkSecret,
                          @Value("${unitecon.ads.vk-redirect-url}") String vkRedirect) {
        Map<String, String> clients = Map.of(AdsConfiguration.YANDEX_CLIENT_ID, yandexId,
                AdsConfiguration.YANDEX_CLIENT_SECRET, yandexSecret, AdsConfiguration.YANDEX_REDIRECT_URL,
                yandexRedirect, AdsConfiguration.VK_ADS_CLIENT_ID, vkId, AdsConfiguration.VK_ADS_CLIENT_SECRET,
                vkSecret, AdsConfiguration.VK_ADS_REDIRECT_URL, vkRedirect);
        DataKeys keys;
        if (!kmsKeyId.isBlank()) {
            keys = new KmsDataKeys(KmsClient.builder().region(Region.of(region))
                    .httpClient(UrlConnectionHttpClient.create()).build(), kmsKeyId.strip());
        } else if (!localKey.isBlank()) {
            keys = LocalDataKeys.fromBase64(localKey);
        } else {
            // No key to seal tokens with: connections are listed, none can be made.
            keys = LocalDataKeys.fromBase64(Base64.getEncoder().encodeToString(new byte[32]));
            clients = Map.of();
        }
        AdPlatforms platforms = AdsConfiguration.platforms(clients, keys,
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build(), Sleeper.SYSTEM);
        return AdServices.on(dynamo, table, app, platforms);
    }

    @Bean
    FilterRegistrationBean<AdCallbackFilter> adCallback(AdServices ads) {
        FilterRegistrationBean<AdCallbackFilter> registration =
                new FilterRegistrationBean<>(new AdCallbackFilter(ads.connecting()));
        registration.addUrlPatterns(AdCallbackFilter.PATH + "*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
        return registration;
    }
}
