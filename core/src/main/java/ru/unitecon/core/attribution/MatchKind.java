package ru.unitecon.core.attribution;

import java.util.Locale;

/** How a rule compares a lead's field with its pattern; always case-insensitive. */
public enum MatchKind {
    EQUALS, CONTAINS, STARTS_WITH;

    public boolean matches(String value, String pattern) {
        if (value == null) {
            return false;
        }
        String v = value.toLowerCase(Locale.ROOT);
        String p = pattern.toLowerCase(Locale.ROOT);
        return switch (this) {
            case EQUALS -> v.equals(p);
            case CONTAINS -> v.contains(p);
            case STARTS_WITH -> v.startsWith(p);
        };
    }
}
