package ru.unitecon.core.bitrix.crm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import org.junit.jupiter.api.Test;
import ru.unitecon.core.currency.CurrencyRates;
import ru.unitecon.core.currency.Rate;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CrmCurrenciesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant AT = Instant.parse("2026-09-01T06:00:00Z");

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    @Test
    void theListsRatesAreReadAsItWritesThem() {
        // As in the documentation's example: strings, the base listed at par.
        JsonNode list = json("""
                [{"CURRENCY":"RUB","AMOUNT_CNT":"1","AMOUNT":"1.0000","SORT":"100","BASE":"Y"},
                 {"CURRENCY":"USD","AMOUNT_CNT":"1","AMOUNT":"92.4500","SORT":"200","BASE":"N"},
                 {"CURRENCY":"KZT","AMOUNT_CNT":"100","AMOUNT":"18.3100","SORT":"300","BASE":"N"}]""");

        CurrencyRates rates = CrmCurrencies.read(TextNode.valueOf("RUB"), list, AT).orElseThrow();

        assertEquals("RUB", rates.base());
        assertEquals(new Rate(new BigDecimal("18.3100"), new BigDecimal("100")), rates.rates().get("KZT"));
        assertEquals(Rate.PAR, rates.rates().get("RUB"));
        assertEquals(AT, rates.fetchedAt());
    }

    @Test
    void theBaseCurrencyIsAtParWhateverALineSaysOfIt() {
        JsonNode list = json("""
                [{"CURRENCY":"USD","AMOUNT_CNT":"1","AMOUNT":"1.0000","BASE":"Y"},
                 {"CURRENCY":"USD","AMOUNT_CNT":"1","AMOUNT":"68.7900","BASE":"N"}]""");

        assertEquals(Rate.PAR, CrmCurrencies.read(TextNode.valueOf("USD"), list, AT).orElseThrow().rates().get("USD"));
    }

    @Test
    void aLineThatIsNoRateIsLeftOutRatherThanGuessed() {
        JsonNode list = json("""
                [{"CURRENCY":"EUR","AMOUNT_CNT":"1","AMOUNT":"0"},
                 {"CURRENCY":"GBP","AMOUNT_CNT":"1","AMOUNT":"много"},
                 {"CURRENCY":"dollars","AMOUNT_CNT":"1","AMOUNT":"90"},
                 {"CURRENCY":"CNY","AMOUNT_CNT":"10","AMOUNT":"127.5"}]""");

        assertEquals(Set.of("RUB", "CNY"),
                CrmCurrencies.read(TextNode.valueOf("RUB"), list, AT).orElseThrow().rates().keySet());
    }

    @Test
    void noBaseCurrencyNoRates() {
        assertEquals(Optional.empty(), CrmCurrencies.read(TextNode.valueOf(""), json("[]"), AT));
        assertEquals(Optional.empty(), CrmCurrencies.read(json("{\"error\":1}"), json("[]"), AT));
    }
}
