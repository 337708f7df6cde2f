package ru.unitecon.core.metrics;

import ru.unitecon.core.portal.VariableCost;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * A scenario for the dashboard: what if the no-show rate were {@code targetNoShowRate} (a fraction) and/or a client
 * cost {@code targetCac}. Fewer no-shows bring more booked visits to the till, so realised revenue grows by the
 * no-show uplift while the economics of one visit stay as they were; a different CAC changes the contribution per
 * visit and LTV:CAC.
 */
public record WhatIf(Optional<BigDecimal> targetNoShowRate, Optional<BigDecimal> targetCac) {

    public WhatIf {
        Objects.requireNonNull(targetNoShowRate, "targetNoShowRate");
        Objects.requireNonNull(targetCac, "targetCac");
        targetNoShowRate.ifPresent(rate -> {
            if (rate.signum() < 0 || rate.compareTo(BigDecimal.ONE) >= 0) {
                throw new IllegalArgumentException("a target no-show rate is a fraction from 0 to below 1");
            }
        });
        targetCac.ifPresent(cac -> {
            if (cac.signum() < 0) {
                throw new IllegalArgumentException("a target CAC cannot be negative");
            }
        });
    }

    public static WhatIf noShowRate(BigDecimal target) {
        return new WhatIf(Optional.of(target), Optional.empty());
    }

    public static WhatIf cac(BigDecimal target) {
        return new WhatIf(Optional.empty(), Optional.of(target));
    }

    public WhatIfOutcome applyTo(PeriodMetrics actual, VariableCost variableCost) {
        MetricValue variableCostPerOrder = UnitEconomics.variableCostPerOrder(actual.aov(), variableCost);
        MetricValue cac = targetCac.map(MetricValue::of).orElse(actual.cac());
        MetricValue revenue = MetricValue.of(actual.revenue());
        MetricValue uplift = targetNoShowRate
                .map(target -> UnitEconomics.noShowUplift(actual.noShowRate(), MetricValue.of(target)))
                .orElse(MetricValue.of(BigDecimal.ZERO));
        MetricValue projectedRevenue = targetNoShowRate
                .map(target -> UnitEconomics.revenueAtNoShowRate(
                        actual.revenue(), actual.noShowRate(), MetricValue.of(target)))
                .orElse(revenue);
        WhatIfOutcome.Scenario projected = new WhatIfOutcome.Scenario(
                projectedRevenue,
                UnitEconomics.contributionPerVisit(actual.aov(), variableCostPerOrder, cac),
                UnitEconomics.ltvToCac(actual.ltv(), cac));
        WhatIfOutcome.Scenario current = new WhatIfOutcome.Scenario(
                revenue, actual.contributionPerVisit(), actual.ltvToCac());
        return new WhatIfOutcome(current, projected, uplift);
    }
}
