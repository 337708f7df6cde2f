package ru.unitecon.core.currency;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The one rule for an acquisition spend amount, wherever it comes from (the spend table, a CSV file, the Spend
 * API): zero or more, in whole kopecks (at most two decimal places, judged by value: 1.500 is 1.5).
 */
public final class SpendAmount {
    /** The plain written form: digits, then a dot and one or two decimals; no sign, no exponent. */
    private static final Pattern PLAIN = Pattern.compile("\\d+(\\.\\d{1,2})?");

    private SpendAmount() {
    }

    public static boolean isValid(BigDecimal amount) {
        return amount != null && amount.signum() >= 0 && amount.stripTrailingZeros().scale() <= 2;
    }

    /** @throws IllegalArgumentException when the amount breaks the rule */
    public static BigDecimal requireValid(BigDecimal amount) {
        if (amount == null || amount.signum() < 0) {
            throw new IllegalArgumentException("spend must be zero or more");
        }
        if (!isValid(amount)) {
            throw new IllegalArgumentException("spend has at most two decimal places");
        }
        return amount;
    }

    /** An amount written plainly ({@code 12000} or {@code 12000.5}), or empty when the text is no such amount. */
    public static Optional<BigDecimal> parse(String plain) {
        return plain != null && PLAIN.matcher(plain).matches() ? Optional.of(new BigDecimal(plain)) : Optional.empty();
    }
}
