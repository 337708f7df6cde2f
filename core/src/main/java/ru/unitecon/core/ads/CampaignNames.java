package ru.unitecon.core.ads;

/** A campaign's name as its platform gives it: shown, never a key; an empty name is stored as the empty string. */
final class CampaignNames {
    /** Direct and VK Ads both cap names well below this; longer text is no campaign name. */
    private static final int MAX_LENGTH = 512;

    private CampaignNames() {
    }

    static String requireValid(String name) {
        if (name == null) {
            return "";
        }
        if (name.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("campaign name longer than " + MAX_LENGTH + " characters");
        }
        return name;
    }
}
