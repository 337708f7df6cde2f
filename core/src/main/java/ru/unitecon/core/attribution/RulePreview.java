package ru.unitecon.core.attribution;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

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
}
