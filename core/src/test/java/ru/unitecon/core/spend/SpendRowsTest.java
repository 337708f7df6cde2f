package ru.unitecon.core.spend;

import org.junit.jupiter.api.Test;
import ru.unitecon.core.bitrix.inbound.MalformedRequest;
import ru.unitecon.core.bookkeeping.AggregateKey;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SpendRowsTest {
    private static final YearMonth MARCH = YearMonth.of(2026, 3);

    @Test
    void daysAreSummedIntoTheirMonthAndMonthsTakenAsGiven() {
        SpendRows.Parsed parsed = SpendRows.csv("\uFEFFдата;канал;сумма;валюта\r\n"
                + "2026-03-01;yandex_direct;1 000,50;RUB\r\n"
                + "2026-03-02;yandex_direct;999,50;rub\r\n"
                + "2026-03;VK;300;RUB\r\n", "RUB");

        assertEquals(List.of(), parsed.errors());
        assertEquals(Map.of(new AggregateKey(MARCH, "yandex_direct"), new BigDecimal("2000.00"),
                new AggregateKey(MARCH, "vk"), new BigDecimal("300")), parsed.amounts());
    }

    @Test
    void plainCommaCsvHasDotDecimals() {
        SpendRows.Parsed parsed = SpendRows.csv("2026-03,avito,1500.25,RUB\n", "RUB");

        assertEquals(Map.of(new AggregateKey(MARCH, "avito"), new BigDecimal("1500.25")), parsed.amounts());
    }

    @Test
    void quotedCsvFieldsAreReadAsExcelWritesThem() {
        SpendRows.Parsed parsed = SpendRows.csv("\"2026-03-05\";\"vk\";\"1 500,25\";\"RUB\"\n"
                + "2026-03,avito,\"7\",RUB\n", "RUB");

        assertEquals(List.of(new RowError(2, SpendProblem.FIELD_COUNT, "2026-03,avito,\"7\",RUB")), parsed.errors());
        assertEquals(Map.of(new AggregateKey(MARCH, "vk"), new BigDecimal("1500.25")),
                SpendRows.csv("\"2026-03-05\";\"vk\";\"1 500,25\";\"RUB\"\n", "RUB").amounts());
    }

    @Test
    void jsonTakesNumbersOrStringsUnderRowsOrAsAList() {
        SpendRows.Parsed listed = SpendRows.json("""
                [{"date": "2026-03-05", "channel": "vk", "amount": 0.1, "currency": "RUB"},
                 {"date": "2026-03-06", "channel": "vk", "amount": "0.2", "currency": "RUB"}]""", "RUB");
        SpendRows.Parsed wrapped = SpendRows.json("""
                {"rows": [{"month": "2026-03", "channel": "vk", "amount": 0.30, "currency": "RUB"}]}""", "RUB");

        assertEquals(Map.of(new AggregateKey(MARCH, "vk"), new BigDecimal("0.3")), listed.amounts());
        assertEquals(0, new BigDecimal("0.3").compareTo(wrapped.amounts().get(new AggregateKey(MARCH, "vk"))));
    }

    @Test
    void everyBadRowIsReportedAndNoAmountIsGiven() {
        SpendRows.Parsed parsed = SpendRows.csv("period;channel;amount;currency\n"
                + "2026-03;vk;100;RUB\n"
                + "2026-13;vk;100;RUB\n"
                + "2026-03-32;avito;1;RUB\n"
                + "2026-03;Яндекс;1;RUB\n"
                + "2026-03;avito;-1;RUB\n"
                + "2026-03;avito;1,005;RUB\n"
                + "2026-03;avito;1;USD\n"
                + "2026-03;vk;5;RUB\n"
                + "2026-03-01;vk;5;RUB\n"
                + "2026-03;vk;5\n", "RUB");

        assertTrue(parsed.amounts().isEmpty());
        assertEquals(List.of(3, 4, 5, 6, 7, 8, 9, 10, 11), parsed.errors().stream().map(RowError::row).toList());
        assertEquals(List.of(SpendProblem.PERIOD, SpendProblem.PERIOD, SpendProblem.CHANNEL, SpendProblem.AMOUNT,
                        SpendProblem.AMOUNT, SpendProblem.CURRENCY, SpendProblem.DUPLICATE,
                        SpendProblem.MONTH_AND_DAYS, SpendProblem.FIELD_COUNT),
                parsed.errors().stream().map(RowError::problem).toList());
    }

    @Test
    void aJsonRowWithBothMonthAndDateOrMissingFieldsIsRefused() {
        SpendRows.Parsed parsed = SpendRows.json("""
                [{"month": "2026-03", "date": "2026-03-01", "channel": "vk", "amount": 1, "currency": "RUB"},
                 {"month": "2026-03", "amount": 1, "currency": "RUB"},
                 {"month": "2026-03", "channel": "vk", "amount": -1, "currency": "RUB"},
                 "2026-03;vk;1"]""", "RUB");

        assertEquals(List.of(SpendProblem.PERIOD, SpendProblem.CHANNEL, SpendProblem.AMOUNT,
                SpendProblem.FIELD_COUNT), parsed.errors().stream().map(RowError::problem).toList());
    }

    @Test
    void anEmptyRequestIsAnError() {
        assertEquals(List.of(new RowError(0, SpendProblem.NO_ROWS, "")), SpendRows.csv("", "RUB").errors());
        assertEquals(List.of(new RowError(0, SpendProblem.NO_ROWS, "")), SpendRows.json("[]", "RUB").errors());
    }

    @Test
    void malformedJsonIsNotARowError() {
        assertThrows(MalformedRequest.class, () -> SpendRows.json("{\"rows\": [", "RUB"));
        assertThrows(MalformedRequest.class, () -> SpendRows.json("{\"spend\": 1}", "RUB"));
    }
}
