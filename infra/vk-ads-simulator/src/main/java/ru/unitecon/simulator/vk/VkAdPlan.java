package ru.unitecon.simulator.vk;

import java.time.LocalDate;

/** An ad plan (a campaign in the VK Ads interface): id, name, status (active, blocked, deleted), start date. */
public record VkAdPlan(long id, String name, String status, LocalDate dateStart) {
}
