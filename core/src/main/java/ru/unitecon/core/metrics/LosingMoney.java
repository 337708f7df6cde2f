package ru.unitecon.core.metrics;

/** Why a channel (or the whole portal) is flagged "losing money — stop or fix" (metrics.md, stop-channel rule). */
public enum LosingMoney {
    /** Money was spent and no new client came: CAC is undefined, and this is the worst case, not an exempt one. */
    SPEND_WITHOUT_NEW_CLIENTS("spend_no_new_client"),
    /** A client costs more than the first visit earns: CAC > AOV − variable cost per order. */
    CAC_ABOVE_MARGIN("cac_above_margin");

    private final String code;

    LosingMoney(String code) {
        this.code = code;
    }

    /** The reason as the BI export writes it. */
    public String code() {
        return code;
    }
}
