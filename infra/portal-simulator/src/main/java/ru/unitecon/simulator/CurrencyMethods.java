package ru.unitecon.simulator;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The portal's currencies (bitrix24.md §13; apidocs {@code crm.currency.base.get}, {@code crm.currency.list},
 * {@code crm.currency.get}): the base currency's code, and each currency with AMOUNT units of the base for
 * AMOUNT_CNT units of it. The list takes {@code order} only, ignores filter and select, and reports total 0, as the
 * documentation says; this portal keeps its currencies in SORT order.
 */
final class CurrencyMethods {
    private CurrencyMethods() {
    }

    static void registerInto(RestDispatcher dispatcher) {
        dispatcher.register("crm.currency.base.get", CurrencyMethods::base);
        dispatcher.register("crm.currency.list", call -> new RestResult(sorted(call), 0, null));
        dispatcher.register("crm.currency.get", CurrencyMethods::get);
    }

    private static RestResult base(RestCall call) {
        return RestResult.of(call.portal().currencies().stream().filter(currency -> "Y".equals(currency.get("BASE")))
                .map(currency -> currency.get("CURRENCY")).findFirst().orElseThrow());
    }

    private static List<Map<String, Object>> sorted(RestCall call) {
        return call.portal().currencies().stream()
                .sorted(Comparator.comparing(currency -> Integer.parseInt(String.valueOf(currency.get("SORT")))))
                .toList();
    }

    private static RestResult get(RestCall call) {
        String id = call.requiredString("id");
        return RestResult.of(call.portal().currencies().stream()
                .filter(currency -> id.equals(currency.get("CURRENCY")))
                .findFirst()
                .orElseThrow(() -> RestError.notFound("Currency is not found")));
    }

    /** Sets a currency's rate in the list, adding the currency when it is not there; the base one is at par. */
    static void setRate(List<Map<String, Object>> currencies, String base, String code, String amount, String units,
                        String updatedAt) {
        if (code.equals(base)) {
            throw new IllegalArgumentException("the base currency is at par");
        }
        Map<String, Object> currency = new LinkedHashMap<>(currencies.stream()
                .filter(listed -> code.equals(listed.get("CURRENCY"))).findFirst()
                .orElseGet(() -> PortalDictionaries.currencies(base, Map.of(code, new String[]{amount, units}), null)
                        .getLast()));
        currency.put("AMOUNT", amount);
        currency.put("AMOUNT_CNT", units);
        currency.put("DATE_UPDATE", updatedAt);
        currencies.removeIf(listed -> code.equals(listed.get("CURRENCY")));
        currencies.add(currency);
    }
}
