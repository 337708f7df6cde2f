package ru.unitecon.core.attribution;

import ru.unitecon.core.ads.CampaignKey;
import ru.unitecon.core.bookkeeping.CampaignCell;

import java.util.Objects;

/** "If a lead's {@code UTM_CAMPAIGN} {@code match}es {@code pattern}, it came through {@code campaign}." */
public record CampaignRule(MatchKind match, String pattern, CampaignKey campaign) {

    public CampaignRule {
        Objects.requireNonNull(match, "match");
        Objects.requireNonNull(campaign, "campaign");
        pattern = checkedPattern(pattern);
    }

    /**
     * The pattern as a rule keeps it (normalized like the values it is compared with).
     *
     * @throws IllegalArgumentException for an empty pattern or one longer than a kept value
     */
    public static String checkedPattern(String pattern) {
        String normalized = CampaignCell.normalized(pattern);
        if (normalized == null) {
            throw new IllegalArgumentException("a campaign rule needs a non-empty UTM_CAMPAIGN pattern");
        }
        String stripped = pattern.strip();
        if (stripped.codePointCount(0, stripped.length()) > CampaignCell.MAX_LENGTH) {
            throw new IllegalArgumentException("a UTM_CAMPAIGN pattern is at most " + CampaignCell.MAX_LENGTH
                    + " characters");
        }
        return normalized;
    }

    /** @param utmCampaign a normalized value ({@link CampaignCell#normalized}) */
    public boolean matches(String utmCampaign) {
        return match.matches(utmCampaign, pattern);
    }
}
