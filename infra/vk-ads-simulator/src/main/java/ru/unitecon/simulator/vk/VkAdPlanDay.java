package ru.unitecon.simulator.vk;

import java.math.BigDecimal;
import java.time.LocalDate;

/** One ad plan's base metrics for one day: shows, clicks, goals and spent in the account currency (two decimals). */
public record VkAdPlanDay(long adPlanId, LocalDate date, long shows, long clicks, long goals, BigDecimal spent) {
}
