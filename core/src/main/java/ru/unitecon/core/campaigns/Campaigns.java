package ru.unitecon.core.campaigns;

import ru.unitecon.core.ads.CampaignKey;
import ru.unitecon.core.ads.CampaignMonthSpend;
import ru.unitecon.core.ads.ChannelSpend;
import ru.unitecon.core.attribution.CampaignMapping;
import ru.unitecon.core.attribution.CampaignPreview;
import ru.unitecon.core.attribution.CampaignRules;
import ru.unitecon.core.attribution.Channel;
import ru.unitecon.core.attribution.SourcedLead;
import ru.unitecon.core.bookkeeping.CampaignCell;
import ru.unitecon.core.bookkeeping.Counters;
import ru.unitecon.core.metrics.CampaignMetrics;
import ru.unitecon.core.metrics.Period;
import ru.unitecon.core.portal.PortalSettings;
import ru.unitecon.core.store.AggregateReader;
import ru.unitecon.core.store.CampaignMappingStore;
import ru.unitecon.core.store.CampaignSpendStore;
import ru.unitecon.core.store.RecordReader;
import ru.unitecon.core.store.SettingsStore;
import ru.unitecon.core.store.SpendStore;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A portal's advertising campaigns: their figures per period (docs/campaigns.md), the mapping of each campaign to a
 * channel and of UTM_CAMPAIGN values to campaigns, and its preview. Whether the viewer may change the mapping is the
 * caller's to check (an administrator, as the portal says).
 */
public final class Campaigns {
    /** How many of the newest leads with a UTM_CAMPAIGN the rule preview matches. */
    public static final int PREVIEW_LEADS = 50;
    /** The campaigns known to a portal: those with imported spend in the year up to the current month. */
    static final int KNOWN_MONTHS = 13;
    /** Before any ad account's first imported day. */
    private static final YearMonth EVER = YearMonth.of(2000, 1);

    private final SettingsStore settings;
    private final CampaignMappingStore mappings;
    private final AggregateReader aggregates;
    private final CampaignSpendStore spend;
    private final SpendStore channelSpend;
    private final RecordReader records;
    private final Clock clock;

    public Campaigns(SettingsStore settings, CampaignMappingStore mappings, AggregateReader aggregates,
                     CampaignSpendStore spend, SpendStore channelSpend, RecordReader records, Clock clock) {
        this.settings = settings;
        this.mappings = mappings;
        this.aggregates = aggregates;
        this.spend = spend;
        this.channelSpend = channelSpend;
        this.records = records;
        this.clock = clock;
    }

    /** Each campaign's figures over the period, and the UTM_CAMPAIGN values no rule takes. */
    public CampaignMetrics.Report report(String memberId, Period period) {
        return byMonth(memberId, period, List.of(period)).getFirst();
    }

    /**
     * One report per month of the period, from one read of the counters, the spend and the mapping: the BI export's
     * rows per month and campaign.
     */
    public List<CampaignMetrics.Report> byMonth(String memberId, Period period) {
        return byMonth(memberId, period, period.months().stream().map(Period::month).toList());
    }

    /**
     * The reports of the given parts of {@code period}. The campaigns are those with spend in the period or in the
     * {@value #KNOWN_MONTHS} months up to the current one; the counters are read up to the period's end (activity
     * spells need the months before).
     */
    private List<CampaignMetrics.Report> byMonth(String memberId, Period period, List<Period> parts) {
        PortalSettings portal = settings.load(memberId);
        YearMonth now = YearMonth.now(clock.withZone(portal.zone()));
        YearMonth knownFrom = now.minusMonths(KNOWN_MONTHS - 1);
        YearMonth first = period.from().isBefore(knownFrom) ? period.from() : knownFrom;
        YearMonth last = period.to().isAfter(now) ? period.to() : now;
        List<CampaignMonthSpend> months = spend.months(memberId, first, last);
        Map<CampaignKey, String> names = names(months.stream()
                .filter(month -> period.contains(month.month()) || !month.month().isBefore(knownFrom)).toList());
        Map<CampaignCell, Counters> cells = aggregates.campaignsUpTo(memberId, period.to());
        CampaignMapping mapping = mappings.load(memberId);
        return parts.stream().map(part -> CampaignMetrics.of(portal, part, cells, months, mapping, names)).toList();
    }

    /** The known campaigns and their latest names, in the import's order. */
    public Map<CampaignKey, String> known(String memberId) {
        YearMonth now = YearMonth.now(clock.withZone(settings.load(memberId).zone()));
        return names(spend.months(memberId, now.minusMonths(KNOWN_MONTHS - 1), now));
    }

    public CampaignMapping mapping(String memberId) {
        return mappings.load(memberId);
    }

    /** The rules in force: the saved ones, or the defaults from the known campaigns. */
    public CampaignRules rules(String memberId) {
        return rules(memberId, known(memberId));
    }

    /** {@link #rules(String)} with the known campaigns already read. */
    public CampaignRules rules(String memberId, Map<CampaignKey, String> known) {
        return mappings.load(memberId).rulesFor(known);
    }

    /** The portal's live leads with their origin, read once; previews match them without another read. */
    public List<SourcedLead> leadSources(String memberId) {
        return records.leadSources(memberId);
    }

    public static CampaignPreview preview(CampaignRules rules, List<SourcedLead> leads) {
        return CampaignPreview.of(rules, leads, PREVIEW_LEADS);
    }

    /**
     * Saves the UTM_CAMPAIGN rules. No lead is recounted: the counters are per value, and the view sums the values
     * each campaign's rules take.
     *
     * @throws IllegalArgumentException when a rule names a campaign the portal does not know: nothing is saved
     */
    public void saveRules(String memberId, CampaignRules rules) {
        rules.requireKnown(known(memberId).keySet());
        mappings.save(memberId, mappings.load(memberId).withRules(rules));
    }

    /**
     * Sets the channel a campaign's spend counts in, and sums the imported month × channel spend of every month the
     * campaign has spend in again, from the stored campaign days, with the new mapping (as the import sums it).
     *
     * @throws IllegalArgumentException for an unknown campaign, an invalid channel or the unknown bucket: nothing
     *                                  is saved
     */
    public void setChannel(String memberId, CampaignKey campaign, String channel) {
        if (!known(memberId).containsKey(campaign)) {
            throw new IllegalArgumentException("unknown campaign: " + campaign.campaignId());
        }
        Channel.requireValidCode(channel);
        CampaignMapping changed = mappings.load(memberId).withChannel(campaign, channel);
        mappings.save(memberId, changed);
        List<CampaignMonthSpend> all = spend.months(memberId, EVER, YearMonth.now(clock.withZone(
                settings.load(memberId).zone())));
        Map<YearMonth, Map<String, BigDecimal>> byMonth = new TreeMap<>();
        all.stream().filter(month -> month.campaign().equals(campaign))
                .forEach(month -> byMonth.put(month.month(), Map.of()));
        byMonth.putAll(ChannelSpend.sum(all.stream().filter(month -> byMonth.containsKey(month.month())).toList(),
                changed.channelOf()));
        channelSpend.replaceImportedMonths(memberId, byMonth);
    }

    private static Map<CampaignKey, String> names(List<CampaignMonthSpend> months) {
        Map<CampaignKey, String> names = new LinkedHashMap<>();
        months.forEach(month -> names.put(month.campaign(), month.campaignName()));
        return names;
    }
}
