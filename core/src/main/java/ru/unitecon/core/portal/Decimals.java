package ru.unitecon.core.portal;

import java.math.BigDecimal;

/** One spelling per amount (45000.00 and 45000 are the same money), as DynamoDB stores numbers. */
public final class Decimals {
    private Decimals() {
    }

    public static BigDecimal normalized(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
