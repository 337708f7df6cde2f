package ru.unitecon.core.attribution;

/**
 * Where a lead or deal came from, as Bitrix24 records it: the SOURCE_ID dictionary value and the UTM tags.
 * Blank values are normalised to {@code null} so "not set" has one spelling.
 */
public record LeadSource(String sourceId, String utmSource, String utmMedium, String utmCampaign,
                         String utmContent, String utmTerm) {

    public static final LeadSource NONE = new LeadSource(null, null, null, null, null, null);

    public LeadSource {
        sourceId = blankToNull(sourceId);
        utmSource = blankToNull(utmSource);
        utmMedium = blankToNull(utmMedium);
        utmCampaign = blankToNull(utmCampaign);
        utmContent = blankToNull(utmContent);
        utmTerm = blankToNull(utmTerm);
    }

    public static LeadSource ofSourceId(String sourceId) {
        return new LeadSource(sourceId, null, null, null, null, null);
    }

    public static LeadSource ofUtm(String utmSource, String utmMedium, String utmCampaign) {
        return new LeadSource(null, utmSource, utmMedium, utmCampaign, null, null);
    }

    /** True when the portal recorded nothing at all about the origin: such leads go to the unknown bucket. */
    public boolean isEmpty() {
        return sourceId == null && utmSource == null && utmMedium == null && utmCampaign == null
                && utmContent == null && utmTerm == null;
    }

    public String value(SourceField field) {
        return switch (field) {
            case UTM_SOURCE -> utmSource;
            case UTM_MEDIUM -> utmMedium;
            case UTM_CAMPAIGN -> utmCampaign;
            case SOURCE_ID -> sourceId;
        };
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
