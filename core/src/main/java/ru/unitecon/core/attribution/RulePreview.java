package ru.unitecon.core.attribution;

import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * How a set of channel rules would classify a portal's recent leads, next to the channel each is counted under
 * now, so a manager sees what an edit changes before saving it.
 */
public record RulePreview(List<Row> rows) {

    /** One lead: its stored channel and the channel the previewed rules give it. */
    public record Row(SourcedLead lead, String proposedChannel) {
        public boolean changes() {
            return !Objects.equals(lead.channel(), proposedChannel);
        }
    }

    public RulePreview {
        rows = List.copyOf(rows);
    }

    /** The {@code limit} most recently created leads, newest first, classified by {@code rules}. */
    public static RulePreview of(ChannelRules rules, Collection<SourcedLead> leads, int limit) {
        return new RulePreview(leads.stream()
                .sorted(Comparator.comparing(SourcedLead::created).reversed()
                        .thenComparing(Comparator.comparingLong(SourcedLead::id).reversed()))
                .limit(limit)
                .map(lead -> new Row(lead, rules.classify(lead.source())))
                .toList());
    }

    public long changedCount() {
        return rows.stream().filter(Row::changes).count();
    }

    /** How many of the previewed leads each channel would get, the biggest first. */
    public Map<String, Long> proposedCounts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        rows.stream().map(Row::proposedChannel)
                .collect(Collectors.groupingBy(channel -> channel, Collectors.counting()))
                .entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .forEach(entry -> counts.put(entry.getKey(), entry.getValue()));
        return counts;
    }
}
