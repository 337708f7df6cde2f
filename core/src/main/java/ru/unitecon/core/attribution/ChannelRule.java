package ru.unitecon.core.attribution;

import java.util.Objects;

/** "If {@code field} {@code match}es {@code pattern}, the lead belongs to {@code channel}." */
public record ChannelRule(SourceField field, MatchKind match, String pattern, String channel) {

    public ChannelRule {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(match, "match");
        if (pattern == null || pattern.isBlank()) {
            throw new IllegalArgumentException("a channel rule needs a non-empty pattern");
        }
        pattern = pattern.strip();
        Channel.requireValidCode(channel);
        if (Channel.UNKNOWN.equals(channel)) {
            throw new IllegalArgumentException("the unknown bucket is for leads with no source; no rule may target it");
        }
    }

    public boolean matches(LeadSource source) {
        return match.matches(source.value(field), pattern);
    }
}
