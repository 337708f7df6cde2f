package ru.unitecon.ui.format;

import ru.unitecon.core.metrics.Change;
import ru.unitecon.core.metrics.MetricValue;
import ru.unitecon.core.metrics.Period;
import ru.unitecon.core.portal.PortalSettings;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Currency;
import java.util.Locale;

/**
 * How the dashboards write numbers, money, shares and dates for the viewer's locale and the portal's currency
 * and time zone. An undefined metric is always written as a dash, never as 0 or infinity.
 */
public final class Figures {
    public static final String UNDEFINED = "—";

    private final Locale locale;
    private final Currency currency;
    private final ZoneId zone;

    public Figures(Locale locale, String currencyCode, ZoneId zone) {
        this.locale = locale;
        this.currency = Currency.getInstance(currencyCode);
        this.zone = zone;
    }

    public static Figures of(Locale locale, PortalSettings settings) {
        return new Figures(locale, settings.currency(), settings.zone());
    }

    /** Whole currency units: the dashboards compare channels, kopecks only add noise. */
    public String money(BigDecimal amount) {
        DecimalFormat format = (DecimalFormat) NumberFormat.getCurrencyInstance(locale);
        format.setCurrency(currency);
        String symbol = currency.getSymbol(locale);
        if (symbol.equals(currency.getCurrencyCode())) {
            // A bare code ("RUB") stands before the number and reads as a word only with a space after it.
            DecimalFormatSymbols symbols = format.getDecimalFormatSymbols();
            symbols.setCurrencySymbol(symbol + "\u00a0");
            format.setDecimalFormatSymbols(symbols);
        }
        format.setMaximumFractionDigits(0);
        format.setMinimumFractionDigits(0);
        return format.format(amount);
    }

    public String money(MetricValue value) {
        return value.isDefined() ? money(value.value()) : UNDEFINED;
    }

    public String count(long count) {
        return NumberFormat.getIntegerInstance(locale).format(count);
    }

    /** A fraction as a percentage with one decimal: 0.153 → 15,3 %. */
    public String percent(MetricValue fraction) {
        return withOneDecimal(fraction, NumberFormat.getPercentInstance(locale));
    }

    /** A ratio or a number of months, with one decimal: LTV:CAC 34,3; payback 2,5. */
    public String decimal(MetricValue value) {
        return withOneDecimal(value, NumberFormat.getNumberInstance(locale));
    }

    private static String withOneDecimal(MetricValue value, NumberFormat format) {
        if (!value.isDefined()) {
            return UNDEFINED;
        }
        format.setMinimumFractionDigits(1);
        format.setMaximumFractionDigits(1);
        return format.format(value.value());
    }

    /** The change against the previous period, relative and signed: +12,5 %, −3,0 %. */
    public String change(Change change) {
        if (!change.relative().isDefined()) {
            return UNDEFINED;
        }
        BigDecimal relative = change.relative().value();
        String sign = relative.signum() > 0 ? "+" : relative.signum() < 0 ? "−" : "±";
        return sign + percent(MetricValue.of(relative.abs()));
    }

    public String dateTime(Instant instant) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(locale).withZone(zone).format(instant);
    }

    /** A calendar day of the portal, such as an order's: "2 мар. 2026 г.", "Mar 2, 2026". */
    public String date(LocalDate day) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale).format(day);
    }

    /** "март 2026" for a month, "1-й кв. 2026 г." / "Q1 2026" for a quarter, a range otherwise. */
    public String period(Period period) {
        DateTimeFormatter month = DateTimeFormatter.ofPattern("LLLL yyyy", locale);
        if (period.length() == 1) {
            return month.format(period.from());
        }
        if (period.length() == 3 && period.from().getMonthValue() % 3 == 1) {
            return DateTimeFormatter.ofPattern("QQQ yyyy", locale).format(period.from().atDay(1));
        }
        return month.format(period.from()) + " – " + month.format(period.to());
    }
}
