package ru.unitecon.core.attribution;

/** The lead fields a channel rule can look at. UTM fields are consulted before SOURCE_ID. */
public enum SourceField {
    UTM_SOURCE, UTM_MEDIUM, UTM_CAMPAIGN, SOURCE_ID;

    public boolean isUtm() {
        return this != SOURCE_ID;
    }
}
