package ru.unitecon.core.currency;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A portal's currencies as the portal itself rates them ({@code crm.currency.base.get} and
 * {@code crm.currency.list}), and the one conversion rule the app uses: from a currency to another through the
 * base currency, {@code amount × AMOUNT(from) × AMOUNT_CNT(to) / (AMOUNT_CNT(from) × AMOUNT(to))}, divided once and
 * rounded half-even to kopecks. A currency the portal does not list has no rate: nothing is converted from it.
 *
 * @param base      the portal's base currency, or null while the app has not learned it
 * @param rates     the listed currencies by code (the base among them, at par)
 * @param fetchedAt when the app read these rates, or null when never
 * @param checkedAt when the app last asked the portal, whether or not it answered, or null when never
 */
public record CurrencyRates(String base, Map<String, Rate> rates, Instant fetchedAt, Instant checkedAt) {
    /** Rates are asked for again this long after the last question: at least daily, whatever the schedule. */
    public static final Duration REFRESH_AFTER = Duration.ofHours(20);
    /** Converted amounts keep kopecks (cents). */
    public static final int SCALE = 2;
    private static final Pattern CODE = Pattern.compile("[A-Z]{3}");

    public CurrencyRates {
        if (base != null && !isCode(base)) {
            throw new IllegalArgumentException("not a currency code: " + base);
        }
        rates.keySet().forEach(code -> {
            if (!isCode(code)) {
                throw new IllegalArgumentException("not a currency code: " + code);
            }
        });
        rates = Map.copyOf(rates);
    }

    /** What a portal whose currencies the app never read knows: nothing converts between different currencies. */
    public static CurrencyRates unknown() {
        return new CurrencyRates(null, Map.of(), null, null);
    }

    public static boolean isCode(String code) {
        return code != null && CODE.matcher(code).matches();
    }

    /**
     * {@code amount} in {@code from} expressed in {@code to}; empty when either currency has no rate. The same
     * currency on both sides is the amount itself, rate or no rate.
     */
    public Optional<BigDecimal> convert(BigDecimal amount, String from, String to) {
        if (from.equals(to)) {
            return Optional.of(amount);
        }
        Optional<Rate> source = rate(from);
        Optional<Rate> target = rate(to);
        if (source.isEmpty() || target.isEmpty()) {
            return Optional.empty();
        }
        BigDecimal numerator = amount.multiply(source.get().amount()).multiply(target.get().units());
        BigDecimal denominator = source.get().units().multiply(target.get().amount());
        return Optional.of(numerator.divide(denominator, SCALE, RoundingMode.HALF_EVEN));
    }

    /** The base currency is at par even when a list leaves it out. */
    public Optional<Rate> rate(String currency) {
        Rate listed = rates.get(currency);
        if (listed == null && currency.equals(base)) {
            return Optional.of(Rate.PAR);
        }
        return Optional.ofNullable(listed);
    }

    /** Whether the portal is to be asked again: never asked, or asked {@link #REFRESH_AFTER} ago or longer. */
    public boolean isDueForRefresh(Instant now) {
        return checkedAt == null || !checkedAt.plus(REFRESH_AFTER).isAfter(now);
    }

    /** These rates, asked about again at {@code at} without a usable answer. */
    public CurrencyRates checkedAt(Instant at) {
        return new CurrencyRates(base, rates, fetchedAt, at);
    }
}
