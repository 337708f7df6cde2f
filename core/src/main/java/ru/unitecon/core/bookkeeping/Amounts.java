package ru.unitecon.core.bookkeeping;

import ru.unitecon.core.currency.Amount;
import ru.unitecon.core.portal.PortalSettings;

import java.math.BigDecimal;

/** Carries a record's amount forward from one snapshot to the next, in the portal's reporting currency. */
final class Amounts {
    private Amounts() {
    }

    /** The first snapshot's amount is converted now; a later one keeps the earlier conversion when it can. */
    static Amount follow(Amount previous, BigDecimal value, String currency, PortalSettings settings) {
        return previous == null ? Amount.of(value, currency, settings.currency(), settings.rates())
                : previous.follow(value, currency, settings.currency(), settings.rates());
    }

    /** The amount as these settings count it: converted again only where it does not count in their currency yet. */
    static Amount recounted(Amount amount, PortalSettings settings) {
        return amount.reconverted(settings.currency(), settings.rates());
    }
}
