package ru.unitecon.ui.data;

import org.springframework.stereotype.Service;
import ru.unitecon.core.attribution.Channel;
import ru.unitecon.core.bookkeeping.AggregateKey;
import ru.unitecon.core.metrics.Period;
import ru.unitecon.core.spend.SpendMerging;
import ru.unitecon.core.store.AggregateReader;
import ru.unitecon.core.store.SpendSources;
import ru.unitecon.core.store.SpendStore;
import ru.unitecon.core.store.StoredAggregates;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/** One portal's spend per month and channel as the Spend view shows and saves it. */
@Service
public class SpendData {
    /** Offered when a portal has no data yet: the channels a salon usually pays for. */
    private static final List<String> STARTING_CHANNELS = Channel.DEFAULTS.stream()
            .filter(code -> !code.equals(Channel.OTHER) && !code.equals(Channel.UNKNOWN)).toList();

    private final AggregateReader aggregates;
    private final SpendStore spend;
    private final SpendMerging merging;

    public SpendData(AggregateReader aggregates, SpendStore spend) {
        this.aggregates = aggregates;
        this.spend = spend;
        this.merging = new SpendMerging(spend);
    }

    /** The period's spend and the channels to show for it. */
    public record SpendSheet(Period period, List<String> channels, SortedMap<YearMonth, Map<String, BigDecimal>> spend,
                             Map<AggregateKey, SpendSources> sources) {
        public BigDecimal amount(YearMonth month, String channel) {
            return spend.getOrDefault(month, Map.of()).get(channel);
        }

        /** Whether the ad accounts' import fills the cell (then it is not typed here). */
        public boolean imported(YearMonth month, String channel) {
            SpendSources cell = sources.get(new AggregateKey(month, channel));
            return cell != null && cell.imported() != null;
        }

        /** The typed figure the import overrides in the cell, kept; null when there is none. */
        public BigDecimal overriddenTyped(YearMonth month, String channel) {
            SpendSources cell = sources.get(new AggregateKey(month, channel));
            return cell != null && cell.typedOverridden() ? cell.typed() : null;
        }
    }

    /**
     * The spend of the period's months, with the channels that have any lead or spend in them (those with spend
     * first); the usual paid channels when there are none. Leads of unknown source cost nothing to buy, so
     * their bucket is left out.
     */
    public SpendSheet load(String memberId, Period period) {
        StoredAggregates loaded = aggregates.load(memberId, period.from(), period.to());
        SortedMap<YearMonth, Map<String, BigDecimal>> byMonth = byMonth(loaded.spend());
        List<String> channels = Stream.concat(loaded.spend().keySet().stream(), loaded.counters().keySet().stream())
                .map(AggregateKey::channel).filter(code -> !code.equals(Channel.UNKNOWN)).distinct()
                .sorted(Comparator.comparing((String code) -> !hasSpend(loaded, code)).thenComparing(code -> code))
                .toList();
        return new SpendSheet(period, channels.isEmpty() ? STARTING_CHANNELS : channels, byMonth,
                spend.sources(memberId, period.from(), period.to()));
    }

    /** Replaces each given month's spend with exactly the given amounts, all months in one atomic change. */
    public void replaceMonths(String memberId, Map<YearMonth, Map<String, BigDecimal>> amounts) {
        spend.replaceMonths(memberId, amounts);
    }

    /**
     * Stores the months of the sheet whose typed amounts differ from the sheet's, carrying over spend stored
     * meanwhile for channels the table does not show ({@link SpendMerging}); returns the months stored.
     *
     * @throws IllegalArgumentException when an amount is not valid spend or the change is too big for one change
     */
    public Set<YearMonth> save(String memberId, SpendSheet shown, Map<YearMonth, Map<String, BigDecimal>> typed,
                               Collection<String> shownChannels) {
        return merging.save(memberId, shown.spend(), typed, shownChannels);
    }

    private static boolean hasSpend(StoredAggregates loaded, String channel) {
        return loaded.spend().keySet().stream().anyMatch(cell -> cell.channel().equals(channel));
    }

    private static SortedMap<YearMonth, Map<String, BigDecimal>> byMonth(Map<AggregateKey, BigDecimal> cells) {
        SortedMap<YearMonth, Map<String, BigDecimal>> byMonth = new TreeMap<>();
        cells.forEach((cell, amount) -> byMonth.computeIfAbsent(cell.month(), m -> new TreeMap<>())
                .put(cell.channel(), amount));
        return byMonth;
    }
}
