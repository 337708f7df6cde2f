package ru.unitecon.core.currency;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One line of {@code crm.currency.list}: {@code amount} units of the portal's base currency buy {@code units}
 * units of the currency ({@code AMOUNT} and {@code AMOUNT_CNT}; 100 tenge for 17.5 roubles is 17.5 for 100).
 */
public record Rate(BigDecimal amount, BigDecimal units) {
    public static final Rate PAR = new Rate(BigDecimal.ONE, BigDecimal.ONE);

    public Rate {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(units, "units");
        if (amount.signum() <= 0 || units.signum() <= 0) {
            throw new IllegalArgumentException("a rate and its unit count are positive");
        }
    }
}
