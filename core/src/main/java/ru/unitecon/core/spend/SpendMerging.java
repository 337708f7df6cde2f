package ru.unitecon.core.spend;

import ru.unitecon.core.currency.SpendAmount;
import ru.unitecon.core.portal.Decimals;
import ru.unitecon.core.store.SpendStore;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Saves spend typed into a month × channel table. Only the months whose amounts differ from what the table showed
 * are stored, each replaced whole and all of them in one atomic change; spend stored meanwhile for a channel the
 * table does not show (posted through the Spend API since the table was loaded) is carried over, not removed, and a
 * cell the ad accounts' import fills keeps its typed figure whatever the table showed for it.
 */
public final class SpendMerging {
    private final SpendStore spend;

    public SpendMerging(SpendStore spend) {
        this.spend = spend;
    }

    /**
     * @param shown         the spend per month the table was loaded with
     * @param typed         per month of the table, the amounts in its cells; an empty cell has none
     * @param shownChannels the table's channels
     * @return the months stored
     * @throws IllegalArgumentException when an amount breaks {@link SpendAmount}'s rule (nothing is stored), or
     *                                  the change is too big for one atomic change
     */
    public Set<YearMonth> save(String memberId, Map<YearMonth, Map<String, BigDecimal>> shown,
                               Map<YearMonth, Map<String, BigDecimal>> typed, Collection<String> shownChannels) {
        SortedMap<YearMonth, Map<String, BigDecimal>> changed = new TreeMap<>();
        typed.forEach((month, amounts) -> {
            Map<String, BigDecimal> normalized = new HashMap<>();
            amounts.forEach((channel, amount) -> normalized.put(channel,
                    Decimals.normalized(SpendAmount.requireValid(amount))));
            if (!sameAmounts(normalized, shown.getOrDefault(month, Map.of()))) {
                changed.put(month, normalized);
            }
        });
        if (changed.isEmpty()) {
            return Set.of();
        }
        spend.sources(memberId, changed.firstKey(), changed.lastKey()).forEach((cell, sources) -> {
            Map<String, BigDecimal> month = changed.get(cell.month());
            if (month == null) {
                return;
            }
            // An imported cell shows the import, which is not typed spend: its typed figure is kept as stored.
            if (sources.imported() != null || !shownChannels.contains(cell.channel())) {
                if (sources.typed() != null) {
                    month.put(cell.channel(), sources.typed());
                } else {
                    month.remove(cell.channel());
                }
            }
        });
        spend.replaceMonths(memberId, changed);
        return Set.copyOf(changed.keySet());
    }

    private static boolean sameAmounts(Map<String, BigDecimal> typed, Map<String, BigDecimal> stored) {
        return typed.keySet().equals(stored.keySet()) && typed.entrySet().stream()
                .allMatch(entry -> entry.getValue().compareTo(stored.get(entry.getKey())) == 0);
    }
}
