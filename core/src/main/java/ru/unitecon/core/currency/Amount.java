package ru.unitecon.core.currency;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A lead's or deal's amount as the CRM wrote it ({@code OPPORTUNITY} in {@code CURRENCY_ID}) and what it counts for
 * in the reporting currency. The conversion is made once, with the portal's rates known when the app first saw this
 * amount in this currency, and kept through later edits that leave both as they were and through rate changes: an
 * order's value does not drift with the exchange rate. Only a change of the reporting currency converts again.
 *
 * @param value       the amount as written
 * @param currency    the currency it is written in; null for an amount of nothing (a deleted record)
 * @param converted   the amount in {@code convertedTo}, or null when the portal lists no rate for the currency:
 *                    such an amount is left out of revenue and counted as not counted
 * @param convertedTo the reporting currency at conversion time, or null for an amount of nothing
 */
public record Amount(BigDecimal value, String currency, BigDecimal converted, String convertedTo) {
    public static final Amount NONE = new Amount(BigDecimal.ZERO, null, BigDecimal.ZERO, null);

    public Amount {
        Objects.requireNonNull(value, "value");
    }

    /**
     * Converts an amount into the reporting currency; a record that names no currency is in the portal's base
     * currency (the reporting currency while the base is not known).
     */
    public static Amount of(BigDecimal value, String currency, String reporting, CurrencyRates rates) {
        String written = currency != null ? currency : rates.base() != null ? rates.base() : reporting;
        return new Amount(value, written, rates.convert(value, written, reporting).orElse(null), reporting);
    }

    /**
     * The amount a newer snapshot of the same record carries: this one, conversion and all, when value and
     * currency are unchanged and it counts in the reporting currency; else a new conversion at today's rates.
     */
    public Amount follow(BigDecimal newValue, String newCurrency, String reporting, CurrencyRates rates) {
        Amount next = of(newValue, newCurrency, reporting, rates);
        boolean same = value.compareTo(next.value) == 0 && Objects.equals(currency, next.currency);
        return same && !needsConversion(reporting) ? this : next;
    }

    /** This amount in another reporting currency, or again after the portal began to list its currency. */
    public Amount reconverted(String reporting, CurrencyRates rates) {
        return needsConversion(reporting) ? of(value, currency, reporting, rates) : this;
    }

    /** Whether the amount does not count in {@code reporting} yet: never converted there, or not convertible then. */
    public boolean needsConversion(String reporting) {
        return currency != null && (converted == null || !reporting.equals(convertedTo));
    }

    public boolean isCounted() {
        return converted != null;
    }
}
