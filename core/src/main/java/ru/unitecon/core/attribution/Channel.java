package ru.unitecon.core.attribution;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Channel codes. A code is part of DynamoDB sort keys ({@code AGG#2026-03#instagram}), so it is restricted to
 * lower-case letters, digits and underscores; display names live in the UI's translations.
 */
public final class Channel {
    public static final String INSTAGRAM = "instagram";
    public static final String VK = "vk";
    public static final String TELEGRAM = "telegram";
    public static final String WHATSAPP = "whatsapp";
    public static final String YANDEX_DIRECT = "yandex_direct";
    public static final String AVITO = "avito";
    public static final String TWO_GIS = "2gis";
    public static final String WEBSITE = "website";
    public static final String REFERRAL = "referral";
    public static final String CALL = "call";
    /** The lead says where it came from, but no rule knows that place. */
    public static final String OTHER = "other";
    /** The lead says nothing about where it came from; counted and shown, never hidden. */
    public static final String UNKNOWN = "unknown";

    public static final List<String> DEFAULTS = List.of(INSTAGRAM, VK, TELEGRAM, WHATSAPP, YANDEX_DIRECT, AVITO,
            TWO_GIS, WEBSITE, REFERRAL, CALL, OTHER, UNKNOWN);

    private static final Pattern CODE = Pattern.compile("[a-z0-9_]{1,32}");

    private Channel() {
    }

    public static boolean isValidCode(String code) {
        return code != null && CODE.matcher(code).matches();
    }

    public static String requireValidCode(String code) {
        if (!isValidCode(code)) {
            throw new IllegalArgumentException(
                    "channel code must be 1-32 of a-z, 0-9 and _, got: " + code);
        }
        return code;
    }
}
