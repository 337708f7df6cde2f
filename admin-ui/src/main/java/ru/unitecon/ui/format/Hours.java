package ru.unitecon.ui.format;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Reminder offsets as people type them: hours, separated by semicolons or spaces, with a decimal comma or point
 * ("24; 3", "1,5 0.5").
 */
public final class Hours {
    private static final String SEPARATORS = "\\s*;\\s*|\\s*,\\s+|\\s+";

    private Hours() {
    }

    /** @throws NumberFormatException when a part is not a number of hours */
    public static List<Duration> parse(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return Arrays.stream(text.strip().split(SEPARATORS))
                .map(part -> new BigDecimal(part.replace(',', '.')))
                .map(hours -> Duration.ofMinutes(hours.multiply(BigDecimal.valueOf(60))
                        .setScale(0, RoundingMode.HALF_UP).longValueExact()))
                .toList();
    }

    public static String format(List<Duration> offsets, Locale locale) {
        NumberFormat number = NumberFormat.getNumberInstance(locale);
        number.setGroupingUsed(false);
        number.setMaximumFractionDigits(2);
        return String.join("; ", offsets.stream()
                .map(offset -> number.format(BigDecimal.valueOf(offset.toMinutes())
                        .divide(BigDecimal.valueOf(60), 2, RoundingMode.HALF_UP)))
                .toList());
    }
}
