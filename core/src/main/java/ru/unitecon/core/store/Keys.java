package ru.unitecon.core.store;

import ru.unitecon.core.bookkeeping.AggregateKey;
import ru.unitecon.core.bookkeeping.CampaignCell;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Builds every key of the table. A portal's member_id starts every partition key ({@code P#{member}} for records,
 * {@code P#{member}#MONTHLY} for aggregates with their spend), so no key reaches another portal.
 */
public final class Keys {
    private static final Pattern MEMBER_ID = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

    static final String PORTAL = "PORTAL";
    static final String SETTINGS = "SETTINGS";
    /** The portal's currency rates, apart from the settings so that saving settings never rolls them back. */
    static final String RATES = "RATES";
    static final String LEAD = "LEAD#";
    static final String DEAL = "DEAL#";
    static final String CLIENT = "CLIENT#";
    static final String AGG = "AGG#";
    static final String COHORT = "COH#";
    /** Counters per month and UTM_CAMPAIGN value, in the monthly partition beside the month × channel items. */
    static final String CAMPAIGN_AGG = "CMP#";
    /** Which channel each campaign counts in and the UTM_CAMPAIGN rules; apart from the settings, which recount. */
    static final String CAMPAIGN_MAPPING = "CAMPAIGNS";
    static final String REMINDER = "REMIND#";
    static final String SECRET = "SECRET#";
    /** Who receives which alert, and the thresholds; apart from the settings, which count. */
    static final String ALERT_SETTINGS = "ALERTS";
    static final String ALERT = "ALERT#";
    static final String WIN_BACK = "WINBACK#";
    /** The sync's bookkeeping of a portal: a pending recount, the last lost-delete check, the cached user fields. */
    static final String SYNC = "SYNC";
    /** How far the backfill of a portal has come, for the admin UI. */
    static final String BACKFILL = "BACKFILL";
    /** A connected ad account: its sealed tokens, state and last import. */
    static final String AD_CONNECTION = "ADCONN#";
    /** A started ad-account OAuth authorization, by the hash of its state; single-use, TTL 10 minutes. */
    static final String OAUTH_STATE = "OAUTH#";
    /** Imported advertising spend of one campaign on one day, in the portal's ads partition. */
    static final String AD_SPEND = "SPEND#";

    private Keys() {
    }

    public static boolean isValidMemberId(String memberId) {
        return memberId != null && MEMBER_ID.matcher(memberId).matches();
    }

    public static String partition(String memberId) {
        if (!isValidMemberId(memberId)) {
            throw new IllegalArgumentException("not a member_id");
        }
        return "P#" + memberId;
    }

    /**
     * The portal's second partition, holding only the monthly aggregates and spend: a dashboard query then reads
     * a partition of months × channels items, however many leads the portal's main partition holds.
     */
    public static String monthlyPartition(String memberId) {
        return partition(memberId) + "#MONTHLY";
    }

    /**
     * The portal's third partition, holding the imported spend per campaign per day: the monthly partition stays
     * months × channels, and a day's rows of one account are one key range.
     */
    public static String adsPartition(String memberId) {
        return partition(memberId) + "#ADS";
    }

    /** Every partition of a portal, for purging it. */
    static List<String> partitions(String memberId) {
        return List.of(partition(memberId), monthlyPartition(memberId), adsPartition(memberId));
    }

    static String lead(long id) {
        return LEAD + id;
    }

    static String deal(long id) {
        return DEAL + id;
    }

    static String client(String clientKey) {
        return CLIENT + clientKey;
    }

    /** A reminder (or follow-up) of one appointment: the record, the visit time it was for, and which one. */
    static String reminder(String recordKey, Instant visit, String action) {
        return REMINDER + recordKey + "#" + visit + "#" + action;
    }

    /** An alert's claim: which alert, about what ({@code -} for the whole portal), for which period. */
    static String alert(String kind, String subject, String period) {
        return ALERT + kind + "#" + subject + "#" + period;
    }

    /** A win-back to-do's claim: which client, for the month it became lost. */
    static String winBack(String clientKey, YearMonth lostIn) {
        return WIN_BACK + clientKey + "#" + lostIn;
    }

    /** A per-portal access secret's hash ({@code SECRET#BI_EXPORT}), in the portal's main partition. */
    public static String secret(String kind) {
        return SECRET + kind;
    }

    static String adConnection(String platformCode, String accountId) {
        return AD_CONNECTION + platformCode + "#" + accountId;
    }

    static String oauthState(String stateHash) {
        return OAUTH_STATE + stateHash;
    }

    /** The first key of a day's imported spend rows, all accounts. */
    static String adSpendDay(LocalDate day) {
        return AD_SPEND + day;
    }

    /** The first key of a day's imported spend rows of one account; '#' ends it so no longer account id matches. */
    static String adSpendAccountDay(LocalDate day, String platformCode, String accountId) {
        return adSpendDay(day) + "#" + platformCode + "#" + accountId + "#";
    }

    /** One campaign's imported spend on one day. */
    static String adSpend(LocalDate day, String platformCode, String accountId, String campaignId) {
        return adSpendAccountDay(day, platformCode, accountId) + campaignId;
    }

    /** Parses the day back out of a {@code SPEND#} sort key. */
    static LocalDate adSpendDayOf(String sortKey) {
        return LocalDate.parse(sortKey.substring(AD_SPEND.length(), AD_SPEND.length() + "yyyy-mm-dd".length()));
    }

    static String aggregate(AggregateKey key) {
        return AGG + key.month() + "#" + key.channel();
    }

    static String cohort(AggregateKey key) {
        return COHORT + key.month() + "#" + key.channel();
    }

    /** Parses the month and channel back out of an {@code AGG#} or {@code COH#} sort key. */
    static AggregateKey monthAndChannel(String sortKey) {
        String rest = sortKey.substring(sortKey.indexOf('#') + 1);
        int split = rest.indexOf('#');
        return new AggregateKey(YearMonth.parse(rest.substring(0, split)), rest.substring(split + 1));
    }

    /** A month's counters of one normalized UTM_CAMPAIGN value: {@code CMP#2026-11#70213344}. */
    static String campaignAggregate(CampaignCell cell) {
        return CAMPAIGN_AGG + cell.month() + "#" + cell.utmCampaign();
    }

    /** Parses the month and value back out of a {@code CMP#} sort key; the value may itself hold '#'. */
    static CampaignCell campaignCell(String sortKey) {
        String rest = sortKey.substring(CAMPAIGN_AGG.length());
        int split = rest.indexOf('#');
        return new CampaignCell(YearMonth.parse(rest.substring(0, split)), rest.substring(split + 1));
    }
}
