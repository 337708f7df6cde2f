package ru.unitecon.core.ads;

import ru.unitecon.core.attribution.Channel;

/** An advertising platform whose spend the daily import pulls, with the channel its campaigns count in by default. */
public enum AdPlatform {
    YANDEX_DIRECT("direct", Channel.YANDEX_DIRECT),
    VK_ADS("vkads", Channel.VK);

    private final String code;
    private final String defaultChannel;

    AdPlatform(String code, String defaultChannel) {
        this.code = code;
        this.defaultChannel = defaultChannel;
    }

    /** The platform's part of DynamoDB keys; never changes once stored. */
    public String code() {
        return code;
    }

    /** The channel a campaign of this platform counts in while no mapping says otherwise. */
    public String defaultChannel() {
        return defaultChannel;
    }

    /** @throws IllegalArgumentException when no platform has that code */
    public static AdPlatform ofCode(String code) {
        for (AdPlatform platform : values()) {
            if (platform.code.equals(code)) {
                return platform;
            }
        }
        throw new IllegalArgumentException("no advertising platform has the code: " + code);
    }
}
