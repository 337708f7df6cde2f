package ru.unitecon.core.adsimport;

import ru.unitecon.core.ads.AdConnection;
import ru.unitecon.core.ads.AdPlatform;
import ru.unitecon.core.ads.AdTokens;
import ru.unitecon.core.adsapi.AdApiFailure;
import ru.unitecon.core.adsapi.VkAds;
import ru.unitecon.core.adsapi.YandexDirect;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Reads one account's spend per campaign per day from its platform, in the account's currency, renewing its tokens
 * when they are due: Yandex tokens a month before they expire (its docs advise refreshing long-lived tokens), VK
 * Ads tokens (one day) when expired or refused as expired.
 */
final class PlatformReads {
    static final Duration YANDEX_REFRESH_BEFORE = Duration.ofDays(30);

    /** A campaign's spend on one day, in the account's currency. */
    record Row(java.time.LocalDate day, String campaignId, String campaignName, BigDecimal amount) {
    }

    record Read(String currency, List<Row> rows) {
    }

    private final AdPlatforms platforms;

    PlatformReads(AdPlatforms platforms) {
        this.platforms = platforms;
    }

    Read read(AdConnection connection, AdTokens tokens, ImportWindow window, Instant now, Consumer<AdTokens> renewed) {
        return connection.account().platform() == AdPlatform.YANDEX_DIRECT
                ? direct(connection, tokens, window, now, renewed)
                : vk(tokens, window, now, renewed);
    }

    private Read direct(AdConnection connection, AdTokens tokens, ImportWindow window, Instant now,
                        Consumer<AdTokens> renewed) {
        YandexDirect direct = platforms.direct();
        AdTokens current = tokens;
        if (current.refreshToken() != null && current.accessExpiresAt().minus(YANDEX_REFRESH_BEFORE).isBefore(now)) {
            current = direct.refresh(current, now);
            renewed.accept(current);
        }
        String clientLogin = connection.agencyClient() ? connection.account().accountId() : null;
        YandexDirect.DirectClient client = direct.client(current.accessToken(), clientLogin);
        List<Row> rows = direct.costs(current.accessToken(), clientLogin, window.from(), window.to(), now).stream()
                .map(row -> new Row(row.day(), row.campaignId(), row.campaignName(), row.cost()))
                .toList();
        return new Read(client.currency(), rows);
    }

    private Read vk(AdTokens tokens, ImportWindow window, Instant now, Consumer<AdTokens> renewed) {
        AdTokens current = tokens;
        if (!current.accessExpiresAt().isAfter(now)) {
            current = refreshVk(current, now, renewed);
        }
        try {
            return vkRead(current.accessToken(), window);
        } catch (AdApiFailure e) {
            if (e.kind() != AdApiFailure.Kind.TOKEN_EXPIRED) {
                throw e;
            }
            return vkRead(refreshVk(current, now, renewed).accessToken(), window);
        }
    }

    private AdTokens refreshVk(AdTokens tokens, Instant now, Consumer<AdTokens> renewed) {
        if (tokens.refreshToken() == null) {
            throw new AdApiFailure(AdApiFailure.Kind.RECONNECT, "VK Ads token expired and there is no refresh token");
        }
        AdTokens fresh = platforms.vk().refresh(tokens, now);
        renewed.accept(fresh);
        return fresh;
    }

    private Read vkRead(String token, ImportWindow window) {
        VkAds vk = platforms.vk();
        VkAds.VkAccount account = vk.account(token);
        Map<String, String> names = new HashMap<>();
        vk.adPlans(token).forEach(plan -> names.put(plan.id(), plan.name()));
        if (names.isEmpty()) {
            return new Read(account.currency(), List.of());
        }
        List<Row> rows = vk.spent(token, List.copyOf(names.keySet()), window.from(), window.to()).stream()
                .map(row -> new Row(row.day(), row.adPlanId(), names.get(row.adPlanId()), row.spent()))
                .toList();
        return new Read(account.currency(), rows);
    }
}
