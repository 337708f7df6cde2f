package ru.unitecon.core.store;

import java.math.BigDecimal;

/**
 * A month × channel cell's two spend figures, either null when absent: typed by hand (the spend table, a CSV file,
 * the Spend API) and imported from the ad accounts. The imported one counts where there is one.
 */
public record SpendSources(BigDecimal typed, BigDecimal imported) {
    public BigDecimal counted() {
        return imported != null ? imported : typed;
    }

    /** A typed figure the import replaces: kept, shown as overridden. */
    public boolean typedOverridden() {
        return typed != null && imported != null;
    }
}
