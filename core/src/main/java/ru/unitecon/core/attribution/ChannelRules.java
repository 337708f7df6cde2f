package ru.unitecon.core.attribution;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static ru.unitecon.core.attribution.MatchKind.CONTAINS;
import static ru.unitecon.core.attribution.MatchKind.EQUALS;
import static ru.unitecon.core.attribution.SourceField.SOURCE_ID;
import static ru.unitecon.core.attribution.SourceField.UTM_MEDIUM;
import static ru.unitecon.core.attribution.SourceField.UTM_SOURCE;

/**
 * A portal's ordered channel rules. Classification looks at the UTM rules first (in order), then at the
 * SOURCE_ID rules (in order): a lead tagged {@code utm_source=instagram} that a manager typed in as "web form"
 * still came from Instagram. A lead with no source at all is {@link Channel#UNKNOWN}; one whose source no rule
 * knows is {@link Channel#OTHER}.
 */
public record ChannelRules(List<ChannelRule> rules) {

    public ChannelRules {
        rules = List.copyOf(rules);
    }

    public String classify(LeadSource source) {
        if (source == null || source.isEmpty()) {
            return Channel.UNKNOWN;
        }
        for (ChannelRule rule : rules) {
            if (rule.field().isUtm() && rule.matches(source)) {
                return rule.channel();
            }
        }
        for (ChannelRule rule : rules) {
            if (!rule.field().isUtm() && rule.matches(source)) {
                return rule.channel();
            }
        }
        return Channel.OTHER;
    }

    /** Every channel the rules can produce, in rule order, then other and unknown. */
    public List<String> channels() {
        Set<String> channels = new LinkedHashSet<>();
        rules.forEach(rule -> channels.add(rule.channel()));
        channels.add(Channel.OTHER);
        channels.add(Channel.UNKNOWN);
        return List.copyOf(channels);
    }

    /** What Russian service businesses use: social networks, messengers, classifieds, maps, ads, referrals. */
    public static ChannelRules defaults() {
        List<ChannelRule> r = new ArrayList<>();
        r.add(new ChannelRule(UTM_SOURCE, CONTAINS, "instagram", Channel.INSTAGRAM));
        r.add(new ChannelRule(UTM_SOURCE, EQUALS, "ig", Channel.INSTAGRAM));
        r.add(new ChannelRule(UTM_SOURCE, EQUALS, "insta", Channel.INSTAGRAM));
        r.add(new ChannelRule(UTM_SOURCE, EQUALS, "vk", Channel.VK));
        r.add(new ChannelRule(UTM_SOURCE, CONTAINS, "vkontakte", Channel.VK));
        r.add(new ChannelRule(UTM_SOURCE, CONTAINS, "vk.com", Channel.VK));
        r.add(new ChannelRule(UTM_SOURCE, CONTAINS, "vk_ads", Channel.VK));
        r.add(new ChannelRule(UTM_SOURCE, CONTAINS, "telegram", Channel.TELEGRAM));
        r.add(new ChannelRule(UTM_SOURCE, EQUALS, "tg", Channel.TELEGRAM));
        r.add(new ChannelRule(UTM_SOURCE, CONTAINS, "whatsapp", Channel.WHATSAPP));
        r.add(new ChannelRule(UTM_SOURCE, EQUALS, "wa", Channel.WHATSAPP));
        r.add(new ChannelRule(UTM_SOURCE, CONTAINS, "yandex", Channel.YANDEX_DIRECT));
        r.add(new ChannelRule(UTM_SOURCE, EQUALS, "direct", Channel.YANDEX_DIRECT));
        r.add(new ChannelRule(UTM_SOURCE, CONTAINS, "avito", Channel.AVITO));
        r.add(new ChannelRule(UTM_SOURCE, CONTAINS, "2gis", Channel.TWO_GIS));
        r.add(new ChannelRule(UTM_SOURCE, EQUALS, "site", Channel.WEBSITE));
        r.add(new ChannelRule(UTM_SOURCE, EQUALS, "website", Channel.WEBSITE));
        r.add(new ChannelRule(UTM_SOURCE, CONTAINS, "referral", Channel.REFERRAL));
        r.add(new ChannelRule(UTM_MEDIUM, EQUALS, "referral", Channel.REFERRAL));
        // Open Channel connectors put the messenger into SOURCE_ID ("3|INSTAGRAM", "2|WHATSAPPBYEDNA", "1|VKGROUP").
        r.add(new ChannelRule(SOURCE_ID, CONTAINS, "INSTAGRAM", Channel.INSTAGRAM));
        r.add(new ChannelRule(SOURCE_ID, CONTAINS, "VKGROUP", Channel.VK));
        r.add(new ChannelRule(SOURCE_ID, CONTAINS, "TELEGRAM", Channel.TELEGRAM));
        r.add(new ChannelRule(SOURCE_ID, CONTAINS, "WHATSAPP", Channel.WHATSAPP));
        r.add(new ChannelRule(SOURCE_ID, CONTAINS, "AVITO", Channel.AVITO));
        r.add(new ChannelRule(SOURCE_ID, EQUALS, "WEB", Channel.WEBSITE));
        r.add(new ChannelRule(SOURCE_ID, EQUALS, "WEBFORM", Channel.WEBSITE));
        r.add(new ChannelRule(SOURCE_ID, EQUALS, "CALLBACK", Channel.WEBSITE));
        r.add(new ChannelRule(SOURCE_ID, EQUALS, "RECOMMENDATION", Channel.REFERRAL));
        r.add(new ChannelRule(SOURCE_ID, EQUALS, "PARTNER", Channel.REFERRAL));
        r.add(new ChannelRule(SOURCE_ID, EQUALS, "CALL", Channel.CALL));
        return new ChannelRules(r);
    }
}
