package ru.unitecon.simulator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The statuses, stages, sources and pipelines of a generated service-business portal. */
final class PortalDictionaries {
    static final String NO_SHOW_STAGE = "APOLOGY";

    private final List<Map<String, Object>> statuses = new ArrayList<>();
    private int nextId = 1;

    private PortalDictionaries() {
    }

    static List<Map<String, Object>> statuses() {
        PortalDictionaries d = new PortalDictionaries();
        d.status("STATUS", "NEW", "Не обработан", null, null);
        d.status("STATUS", "IN_PROCESS", "В работе", null, null);
        d.status("STATUS", "UC_APPOINTMENT", "Записан", null, null);
        d.status("STATUS", "PROCESSED", "Обработан", null, null);
        d.status("STATUS", "CONVERTED", "Качественный лид", null, "S");
        d.status("STATUS", "JUNK", "Некачественный лид", null, "F");
        d.status("DEAL_STAGE", "NEW", "Новая запись", "0", null);
        d.status("DEAL_STAGE", "PREPARATION", "Подтверждена", "0", null);
        d.status("DEAL_STAGE", "EXECUTING", "Визит состоялся", "0", null);
        d.status("DEAL_STAGE", "WON", "Оплачено", "0", "S");
        d.status("DEAL_STAGE", "LOSE", "Отказ", "0", "F");
        d.status("DEAL_STAGE", NO_SHOW_STAGE, "Неявка", "0", "F");
        d.status("DEAL_STAGE_1", "C1:NEW", "Новый абонемент", "1", null);
        d.status("DEAL_STAGE_1", "C1:WON", "Абонемент оплачен", "1", "S");
        d.status("DEAL_STAGE_1", "C1:LOSE", "Не продлил", "1", "F");
        for (LeadChannel channel : LeadChannel.ALL) {
            if (channel.sourceId() != null) {
                d.status("SOURCE", channel.sourceId(), channel.sourceName(), null, null);
            }
        }
        d.status("SOURCE", DatasetGenerator.REPEAT_SALE, "Повторные продажи", null, null);
        d.status("DEAL_TYPE", "SALE", "Продажа", null, null);
        d.status("DEAL_TYPE", "SERVICE", "Сервисное обслуживание", null, null);
        return List.copyOf(d.statuses);
    }

    /**
     * The portal's currencies as {@code crm.currency.list} answers: the base at par, each other one with its rate,
     * AMOUNT units of the base for AMOUNT_CNT units of the currency (strings, as the method sends them).
     *
     * @param rates   currency code to {@code {AMOUNT, AMOUNT_CNT}}
     * @param updated when the rates were last set, in the portal's format, or null
     */
    static List<Map<String, Object>> currencies(String base, Map<String, String[]> rates, String updated) {
        List<Map<String, Object>> currencies = new ArrayList<>();
        currencies.add(currency(base, "1.0000", "1", 100, true, updated));
        int sort = 200;
        for (Map.Entry<String, String[]> rate : new TreeMap<>(rates).entrySet()) {
            currencies.add(currency(rate.getKey(), rate.getValue()[0], rate.getValue()[1], sort, false, updated));
            sort += 100;
        }
        return List.copyOf(currencies);
    }

    private static Map<String, Object> currency(String code, String amount, String units, int sort, boolean base,
                                                String updated) {
        Map<String, Object> currency = new LinkedHashMap<>();
        currency.put("CURRENCY", code);
        currency.put("AMOUNT_CNT", units);
        currency.put("AMOUNT", amount);
        currency.put("SORT", String.valueOf(sort));
        currency.put("BASE", base ? "Y" : "N");
        currency.put("FULL_NAME", code);
        currency.put("LID", "ru");
        currency.put("FORMAT_STRING", "# " + code);
        currency.put("DEC_POINT", ",");
        currency.put("THOUSANDS_SEP", "&nbsp;");
        currency.put("DECIMALS", "2");
        currency.put("DATE_UPDATE", updated);
        return currency;
    }

    static List<Map<String, Object>> categories() {
        return List.of(category(0, "Общая", 10, "Y"), category(1, "Абонементы", 20, "N"));
    }

    private static Map<String, Object> category(int id, String name, int sort, String isDefault) {
        Map<String, Object> category = new LinkedHashMap<>();
        category.put("id", id);
        category.put("name", name);
        category.put("sort", sort);
        category.put("entityTypeId", 2);
        category.put("isDefault", isDefault);
        category.put("originId", "");
        category.put("originatorId", "");
        return category;
    }

    private void status(String entityId, String statusId, String name, String categoryId, String semantics) {
        boolean staged = entityId.equals("STATUS") || entityId.startsWith("DEAL_STAGE");
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("ID", String.valueOf(nextId++));
        status.put("ENTITY_ID", entityId);
        status.put("STATUS_ID", statusId);
        status.put("NAME", name);
        status.put("NAME_INIT", "");
        status.put("SORT", String.valueOf(10 * statuses.stream().filter(s -> s.get("ENTITY_ID").equals(entityId)).count() + 10));
        status.put("SYSTEM", semantics != null || statusId.endsWith("NEW") ? "Y" : "N");
        status.put("CATEGORY_ID", categoryId);
        status.put("COLOR", staged ? color(semantics) : null);
        status.put("SEMANTICS", semantics);
        if (staged) {
            status.put("EXTRA", Map.of("SEMANTICS", semantics == null ? "process" : semantics.equals("S") ? "success" : "failure",
                    "COLOR", color(semantics)));
        }
        statuses.add(status);
    }

    private static String color(String semantics) {
        if (semantics == null) {
            return "#39A8EF";
        }
        return semantics.equals("S") ? "#7BD500" : "#FF5752";
    }
}
