package ru.unitecon.core.adsimport;

import ru.unitecon.core.ads.AdPlatform;
import ru.unitecon.core.adsapi.TokenSealer;
import ru.unitecon.core.adsapi.VkAds;
import ru.unitecon.core.adsapi.YandexDirect;

import java.util.Objects;

/**
 * The ad platforms the app is configured for, and how it seals their tokens. A platform without an OAuth client in
 * the configuration is null: it cannot be connected, and its stored connections are not imported.
 */
public record AdPlatforms(TokenSealer sealer, YandexDirect direct, VkAds vk) {
    public AdPlatforms {
        Objects.requireNonNull(sealer, "sealer");
    }

    public boolean configured(AdPlatform platform) {
        return switch (platform) {
            case YANDEX_DIRECT -> direct != null;
            case VK_ADS -> vk != null;
        };
    }
}
