package ru.unitecon.core.adsimport;

import ru.unitecon.core.currency.CurrencyRates;
import ru.unitecon.core.portal.Decimals;
import ru.unitecon.simulator.vk.VkAdsAccount;
import ru.unitecon.simulator.yandex.DirectAdvertiser;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;

/**
 * Spend added up straight from the simulators' raw daily statistics, apart from the importer's code: a Direct day
 * is its cost without VAT in micros, plus the account's VAT, rounded to kopecks per row as the report does.
 */
final class RawSpend {
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private RawSpend() {
    }

    static BigDecimal direct(DirectAdvertiser advertiser, LocalDate from, LocalDate to) {
        BigDecimal vat = HUNDRED.add(advertiser.vatPercent()).divide(HUNDRED);
        return Decimals.normalized(advertiser.dailyStats(from, to).stream()
                .map(day -> BigDecimal.valueOf(day.costMicrosExcludingVat()).multiply(vat)
                        .setScale(0, RoundingMode.HALF_UP).movePointLeft(6).setScale(2, RoundingMode.HALF_UP))
                
                .reduce(BigDecimal.ZERO, BigDecimal::add));
    }

    /** The Direct rows from..to, each converted to roubles at the portal's rate and rounded, then added. */
    static BigDecimal directInRoubles(DirectAdvertiser advertiser, LocalDate from, LocalDate to, CurrencyRates rates) {
        BigDecimal vat = HUNDRED.add(advertiser.vatPercent()).divide(HUNDRED);
        var rate = rates.rates().get(advertiser.currency());
        return Decimals.normalized(advertiser.dailyStats(from, to).stream()
                .map(day -> BigDecimal.valueOf(day.costMicrosExcludingVat()).multiply(vat)
                        .setScale(0, RoundingMode.HALF_UP).movePointLeft(6).setScale(2, RoundingMode.HALF_UP))
                .map(cost -> cost.multiply(rate.amount()).divide(rate.units(), 2, RoundingMode.HALF_EVEN))
                
                .reduce(BigDecimal.ZERO, BigDecimal::add));
    }

    static BigDecimal vk(VkAdsAccount account, LocalDate from, LocalDate to) {
        return Decimals.normalized(account.dailyStats().stream()
                .filter(day -> !day.date().isBefore(from) && !day.date().isAfter(to))
                .map(day -> day.spent())
                
                .reduce(BigDecimal.ZERO, BigDecimal::add));
    }
}
