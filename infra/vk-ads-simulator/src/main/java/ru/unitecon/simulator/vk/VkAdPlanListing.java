package ru.unitecon.simulator.vk;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * {@code GET /api/v2/ad_plans.json}: the account's ad plans as {@code {count, offset, items}}, with the requested
 * {@code fields} (id is always there; id, name and status by default), status and id filters, limit (20 by default,
 * at most 250) and offset.
 */
final class VkAdPlanListing {
    private static final int DEFAULT_LIMIT = 20;

    private VkAdPlanListing() {
    }

    static Map<String, Object> list(VkAdsAccount account, Map<String, String> params) {
        List<String> fields = List.of(params.getOrDefault("fields", "id,name,status").split(","));
        Predicate<VkAdPlan> filter = plan -> true;
        if (params.containsKey("_status")) {
            filter = filter.and(plan -> plan.status().equals(params.get("_status")));
        }
        if (params.containsKey("_status__ne")) {
            filter = filter.and(plan -> !plan.status().equals(params.get("_status__ne")));
        }
        if (params.containsKey("_status__in")) {
            Set<String> statuses = Set.of(params.get("_status__in").split(","));
            filter = filter.and(plan -> statuses.contains(plan.status()));
        }
        if (params.containsKey("_id")) {
            filter = filter.and(plan -> plan.id() == Long.parseLong(params.get("_id")));
        }
        if (params.containsKey("_id__in")) {
            Set<String> ids = Set.of(params.get("_id__in").split(","));
            filter = filter.and(plan -> ids.contains(String.valueOf(plan.id())));
        }
        List<VkAdPlan> matching = account.adPlans().stream().filter(filter).sorted(order(params.getOrDefault("sorting", "id"))).toList();
        int offset = Integer.parseInt(params.getOrDefault("offset", "0"));
        int limit = Integer.parseInt(params.getOrDefault("limit", String.valueOf(DEFAULT_LIMIT)));
        List<Map<String, Object>> items = new ArrayList<>();
        for (VkAdPlan plan : matching.subList(Math.min(offset, matching.size()), Math.min(offset + limit, matching.size()))) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("id", plan.id());
            for (String field : fields) {
                switch (field) {
                    case "name" -> item.put("name", plan.name());
                    case "status" -> item.put("status", plan.status());
                    case "date_start" -> item.put("date_start", plan.dateStart().toString());
                    case "created" -> item.put("created", plan.dateStart() + " 10:00:00");
                    default -> { }
                }
            }
            items.add(item);
        }
        return Map.of("count", matching.size(), "offset", offset, "items", items);
    }

    private static Comparator<VkAdPlan> order(String sorting) {
        Comparator<VkAdPlan> order = sorting.endsWith("name") ? Comparator.comparing(VkAdPlan::name)
                : Comparator.comparingLong(VkAdPlan::id);
        return sorting.startsWith("-") ? order.reversed() : order;
    }
}
