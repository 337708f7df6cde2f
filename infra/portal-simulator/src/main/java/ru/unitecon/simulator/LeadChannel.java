package ru.unitecon.simulator;

import java.util.List;

/**
 * Where a generated lead came from, the way a Russian service business tags it in Bitrix24:
 * a source (built-in or custom {@code UC_}) and, for paid channels, UTM values.
 */
record LeadChannel(int weight, String sourceId, String sourceName, String utmSource, String utmMedium,
                   List<String> campaigns) {

    static final List<LeadChannel> ALL = List.of(
            new LeadChannel(18, "UC_INSTAGRAM", "Instagram", "instagram", "cpc", List.of("reels_autumn", "stories_promo", "target_lookalike")),
            // The VK Ads and Direct simulators' salon campaigns by name (a campaign's name is one of its default
            // rules), and one value of each that no campaign has, as owners' hand-made tags often are.
            new LeadChannel(14, "UC_VK", "ВКонтакте", "vk", "cpc", List.of("Окрашивание — лето", "Маникюр рядом с домом", "vk_group_post")),
            new LeadChannel(8, "UC_TELEGRAM", "Telegram", "telegram", "social", List.of("tg_channel_post", "tg_ads")),
            new LeadChannel(9, "UC_WHATSAPP", "WhatsApp", null, null, List.of()),
            new LeadChannel(12, "ADVERTISING", "Реклама", "yandex", "cpc", List.of("Поиск — стрижки и укладки", "Поиск — маникюр", "poisk_brand")),
            new LeadChannel(7, "UC_AVITO", "Авито", "avito", "classified", List.of("avito_uslugi")),
            new LeadChannel(5, "UC_2GIS", "2ГИС", "2gis", "maps", List.of()),
            new LeadChannel(9, "WEB", "Веб-сайт", null, null, List.of()),
            new LeadChannel(8, "RECOMMENDATION", "По рекомендации", null, null, List.of()),
            new LeadChannel(6, "CALL", "Звонок", null, null, List.of()),
            new LeadChannel(4, null, null, null, null, List.of()));

    static final int TOTAL_WEIGHT = ALL.stream().mapToInt(LeadChannel::weight).sum();

    static LeadChannel pick(int roll) {
        int remaining = roll % TOTAL_WEIGHT;
        for (LeadChannel channel : ALL) {
            remaining -= channel.weight;
            if (remaining < 0) {
                return channel;
            }
        }
        throw new IllegalStateException("weights do not add up");
    }
}
