package ru.unitecon.core.metrics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.function.BinaryOperator;

/**
 * A metric's value, or the reason it cannot be computed. A metric with nothing to divide by is undefined (shown as
 * "—"), never 0 or infinity, and anything computed from an undefined value is undefined for the same reason.
 */
public sealed interface MetricValue permits MetricValue.Defined, MetricValue.Undefined {
    /** Digits kept after the point by every division; products and sums stay exact. */
    int SCALE = 6;
    RoundingMode ROUNDING = RoundingMode.HALF_EVEN;

    record Defined(BigDecimal value) implements MetricValue {
        public Defined {
            Objects.requireNonNull(value, "value");
        }
    }

    record Undefined(String reason) implements MetricValue {
        public Undefined {
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public BigDecimal value() {
            throw new NoSuchElementException("undefined: " + reason);
        }
    }

    static MetricValue of(BigDecimal value) {
        return new Defined(value);
    }

    static MetricValue of(long value) {
        return new Defined(BigDecimal.valueOf(value));
    }

    static MetricValue undefined(String reason) {
        return new Undefined(reason);
    }

    /** The one place where metrics divide: undefined when there is nothing to divide by. */
    static MetricValue ratio(BigDecimal numerator, BigDecimal denominator, String reasonWhenZero) {
        if (denominator.signum() == 0) {
            return undefined(reasonWhenZero);
        }
        return of(numerator.divide(denominator, SCALE, ROUNDING));
    }

    /** The value; throws {@link NoSuchElementException} when undefined. */
    BigDecimal value();

    default boolean isDefined() {
        return this instanceof Defined;
    }

    default BigDecimal orElse(BigDecimal fallback) {
        return isDefined() ? value() : fallback;
    }

    default MetricValue plus(MetricValue other) {
        return combine(other, BigDecimal::add);
    }

    default MetricValue minus(MetricValue other) {
        return combine(other, BigDecimal::subtract);
    }

    default MetricValue times(MetricValue other) {
        return combine(other, BigDecimal::multiply);
    }

    default MetricValue times(BigDecimal factor) {
        return times(of(factor));
    }

    default MetricValue dividedBy(MetricValue divisor, String reasonWhenZero) {
        if (!isDefined()) {
            return this;
        }
        if (!divisor.isDefined()) {
            return divisor;
        }
        return ratio(value(), divisor.value(), reasonWhenZero);
    }

    /** True only when both values are defined and this one is greater. */
    default boolean isGreaterThan(MetricValue other) {
        return isDefined() && other.isDefined() && value().compareTo(other.value()) > 0;
    }

    /** True only when both values are defined and this one is smaller. */
    default boolean isLessThan(MetricValue other) {
        return isDefined() && other.isDefined() && value().compareTo(other.value()) < 0;
    }

    /** True only when both values are defined and this one is not smaller. */
    default boolean isAtLeast(MetricValue other) {
        return isDefined() && other.isDefined() && value().compareTo(other.value()) >= 0;
    }

    private MetricValue combine(MetricValue other, BinaryOperator<BigDecimal> operation) {
        if (!isDefined()) {
            return this;
        }
        if (!other.isDefined()) {
            return other;
        }
        return of(operation.apply(value(), other.value()));
    }
}
