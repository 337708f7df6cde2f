package ru.unitecon.core.bookkeeping;

import java.time.YearMonth;
import java.util.Comparator;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One cell of the campaign aggregates: a calendar month in the portal's zone and a normalized {@code UTM_CAMPAIGN}
 * value. Values, not campaigns, are counted, so that changing which values make a campaign recounts nothing.
 */
public record CampaignCell(YearMonth month, String utmCampaign) implements Comparable<CampaignCell> {
    /** Longer values are cut: Direct's ids and names and VK's ids fit well within it. */
    public static final int MAX_LENGTH = 64;
    /** Clients of the value whose spell of activity (an order within the active window) began in the month. */
    public static final String BECAME_ACTIVE = "becameActive";
    /** Clients of the value whose spell of activity lapsed in the month (the first month after its window). */
    public static final String LAPSED = "lapsed";
    private static final Pattern SPACES = Pattern.compile("[\\s\\p{Cntrl}]+");
    private static final Comparator<CampaignCell> ORDER =
            Comparator.comparing(CampaignCell::month).thenComparing(CampaignCell::utmCampaign);

    public CampaignCell {
        Objects.requireNonNull(month, "month");
        if (utmCampaign == null || !utmCampaign.equals(normalized(utmCampaign))) {
            throw new IllegalArgumentException("not a normalized UTM_CAMPAIGN value");
        }
    }

    /**
     * The value as counted: trimmed, lower case, runs of spaces and control characters as one space, at most
     * {@value #MAX_LENGTH} characters; null when nothing is left.
     */
    public static String normalized(String raw) {
        if (raw == null) {
            return null;
        }
        String value = SPACES.matcher(raw).replaceAll(" ").strip().toLowerCase(Locale.ROOT);
        if (value.codePointCount(0, value.length()) > MAX_LENGTH) {
            value = value.substring(0, value.offsetByCodePoints(0, MAX_LENGTH)).strip();
        }
        return value.isEmpty() ? null : value;
    }

    @Override
    public int compareTo(CampaignCell other) {
        return ORDER.compare(this, other);
    }
}
