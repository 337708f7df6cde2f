package ru.unitecon.core.portal;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * Cost that grows with each order (materials, card and aggregator commissions): either a share of revenue in
 * percent or a fixed amount per order.
 */
public record VariableCost(Kind kind, BigDecimal value) {

    public enum Kind { PERCENT_OF_REVENUE, AMOUNT_PER_ORDER }

    public static final VariableCost NONE = new VariableCost(Kind.PERCENT_OF_REVENUE, BigDecimal.ZERO);

    public VariableCost {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(value, "value");
        if (value.signum() < 0) {
            throw new IllegalArgumentException("variable cost cannot be negative");
        }
        if (kind == Kind.PERCENT_OF_REVENUE && value.compareTo(BigDecimal.valueOf(100)) > 0) {
            throw new IllegalArgumentException("variable cost share cannot exceed 100 %");
        }
        value = Decimals.normalized(value);
    }

    public static VariableCost percent(String percent) {
        return new VariableCost(Kind.PERCENT_OF_REVENUE, new BigDecimal(percent));
    }

    public static VariableCost perOrder(String amount) {
        return new VariableCost(Kind.AMOUNT_PER_ORDER, new BigDecimal(amount));
    }

    /** The variable cost of {@code orders} orders that brought {@code revenue}. */
    public BigDecimal of(BigDecimal revenue, long orders) {
        return switch (kind) {
            case PERCENT_OF_REVENUE -> revenue.multiply(value).movePointLeft(2);
            case AMOUNT_PER_ORDER -> value.multiply(BigDecimal.valueOf(orders));
        };
    }
}
