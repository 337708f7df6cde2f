package ru.unitecon.core.store;

import ru.unitecon.core.ads.AdPlatform;
import ru.unitecon.core.ads.CampaignKey;
import ru.unitecon.core.attribution.CampaignMapping;
import ru.unitecon.core.attribution.CampaignRule;
import ru.unitecon.core.attribution.CampaignRules;
import ru.unitecon.core.attribution.MatchKind;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static ru.unitecon.core.store.Attributes.s;

/**
 * A portal's campaign mapping, one item ({@code CAMPAIGNS}) in its main partition: the channel of each campaign that
 * does not count in its platform's, and the UTM_CAMPAIGN rules once an administrator saved them. Counting leads
 * needs neither (the aggregates are per value), so saving it recounts no record.
 */
public final class CampaignMappingStore {
    private static final String CHANNELS = "channels";
    private static final String RULES = "rules";

    private final DynamoDbClient dynamo;
    private final String table;
    private final Clock clock;
    private final RecordReader reader;

    public CampaignMappingStore(DynamoDbClient dynamo, String table, Clock clock) {
        this.dynamo = dynamo;
        this.table = table;
        this.clock = clock;
        this.reader = new RecordReader(dynamo, table);
    }

    public CampaignMapping load(String memberId) {
        Map<String, AttributeValue> item = reader.item(memberId, Keys.CAMPAIGN_MAPPING);
        return item == null ? CampaignMapping.NONE : decode(item);
    }

    public void save(String memberId, CampaignMapping mapping) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(TableDefinition.PK, s(Keys.partition(memberId)));
        item.put(TableDefinition.SK, s(Keys.CAMPAIGN_MAPPING));
        Map<String, AttributeValue> channels = new HashMap<>();
        mapping.channels().forEach((campaign, channel) -> channels.put(code(campaign), s(channel)));
        item.put(CHANNELS, AttributeValue.fromM(channels));
        mapping.rules().ifPresent(rules -> item.put(RULES, AttributeValue.fromL(rules.rules().stream()
                .map(rule -> AttributeValue.fromM(Map.of("match", s(rule.match().name()),
                        "pattern", s(rule.pattern()), "campaign", s(code(rule.campaign())))))
                .toList())));
        item.put(RecordStore.UPDATED_AT, s(clock.instant().toString()));
        dynamo.putItem(PutItemRequest.builder().tableName(table).item(item).build());
    }

    private static CampaignMapping decode(Map<String, AttributeValue> item) {
        Map<CampaignKey, String> channels = new HashMap<>();
        item.get(CHANNELS).m().forEach((campaign, channel) -> channels.put(campaign(campaign), channel.s()));
        Optional<CampaignRules> rules = Optional.ofNullable(item.get(RULES)).map(list -> new CampaignRules(
                list.l().stream().map(AttributeValue::m).map(rule -> new CampaignRule(
                        MatchKind.valueOf(rule.get("match").s()), rule.get("pattern").s(),
                        campaign(rule.get("campaign").s()))).toList()));
        return new CampaignMapping(channels, rules);
    }

    /** {@code direct#client-login#70213344}: no part of a campaign key holds '#'. */
    private static String code(CampaignKey campaign) {
        return campaign.platform().code() + "#" + campaign.accountId() + "#" + campaign.campaignId();
    }

    private static CampaignKey campaign(String code) {
        List<String> parts = List.of(code.split("#", 3));
        return new CampaignKey(AdPlatform.ofCode(parts.get(0)), parts.get(1), parts.get(2));
    }
}
