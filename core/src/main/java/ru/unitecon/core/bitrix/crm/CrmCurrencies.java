package ru.unitecon.core.bitrix.crm;

import com.fasterxml.jackson.databind.JsonNode;
import ru.unitecon.core.currency.CurrencyRates;
import ru.unitecon.core.currency.Rate;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the answers of {@code crm.currency.base.get} (the base currency's code) and {@code crm.currency.list}
 * (one object per currency: {@code CURRENCY}, {@code AMOUNT_CNT}, {@code AMOUNT} as strings, {@code BASE} Y/N).
 * A line that is not a usable rate is left out, so its currency has no rate rather than a wrong one.
 */
public final class CrmCurrencies {
    private CrmCurrencies() {
    }

    /** The portal's rates, or empty when the base currency is not a currency code. */
    public static Optional<CurrencyRates> read(JsonNode base, JsonNode list, Instant at) {
        String baseCode = base == null || !base.isValueNode() ? null : base.asText().strip();
        if (!CurrencyRates.isCode(baseCode)) {
            return Optional.empty();
        }
        Map<String, Rate> rates = new LinkedHashMap<>();
        rates.put(baseCode, Rate.PAR);
        for (JsonNode line : list) {
            rate(line).ifPresent(rate -> rates.putIfAbsent(CrmValues.text(line, "CURRENCY"), rate));
        }
        return Optional.of(new CurrencyRates(baseCode, rates, at, at));
    }

    private static Optional<Rate> rate(JsonNode line) {
        try {
            String code = CrmValues.text(line, "CURRENCY");
            BigDecimal amount = CrmValues.amount(line, "AMOUNT");
            BigDecimal units = CrmValues.amount(line, "AMOUNT_CNT");
            if (!CurrencyRates.isCode(code) || amount == null || units == null || amount.signum() <= 0
                    || units.signum() <= 0) {
                return Optional.empty();
            }
            return Optional.of(new Rate(amount, units));
        } catch (UnreadableRecord notANumber) {
            return Optional.empty();
        }
    }
}
