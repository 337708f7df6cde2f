package ru.unitecon.core.spend;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SpendCsvTest {
    private static final YearMonth MARCH = YearMonth.of(2026, 3);

    private static SpendCsv.Parsed parse(String text) {
        return SpendCsv.parse(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsRussianExcelWithSemicolonsCommaDecimalsAndABom() {
        SpendCsv.Parsed parsed = parse("\uFEFFМесяц;Канал;Сумма\r\n03.2026;instagram;12 000,50\r\n2026-03;vk;5000\r\n");

        assertEquals(List.of(), parsed.errors());
        assertEquals(Map.of("instagram", new BigDecimal("12000.50"), "vk", new BigDecimal("5000")),
                parsed.spend().get(MARCH));
    }

    @Test
    void readsPlainCommaCsvWithoutHeaderOrBom() {
        SpendCsv.Parsed parsed = parse("2026-03,instagram,12000.50\n2026-04,instagram,\"9000\"\n");

        assertTrue(parsed.isValid());
        assertEquals(new BigDecimal("12000.50"), parsed.spend().get(MARCH).get("instagram"));
        assertEquals(new BigDecimal("9000"), parsed.spend().get(YearMonth.of(2026, 4)).get("instagram"));
    }

    @Test
    void everyBadRowIsReportedWithItsLineAndNothingIsImported() {
        SpendCsv.Parsed parsed = parse("month;channel;amount\n"
                + "2026-03;instagram;12000\n"
                + "март;vk;100\n"
                + "2026-03;VK Реклама;100\n"
                + "2026-03;avito;-5\n"
                + "2026-03;instagram;1\n"
                + "2026-03;2gis\n");

        assertEquals(List.of(3, 4, 5, 6, 7), parsed.errors().stream().map(RowError::row).toList());
        assertEquals(List.of(SpendProblem.MONTH, SpendProblem.CHANNEL, SpendProblem.AMOUNT, SpendProblem.DUPLICATE,
                SpendProblem.FIELD_COUNT), parsed.errors().stream().map(RowError::problem).toList());
        assertTrue(parsed.spend().isEmpty());
    }

    @Test
    void aMonthExcelSavedAsItsFirstDayReadsAsThatMonth() {
        SpendCsv.Parsed parsed = parse("01.03.2026;instagram;100\n2026-04-01;vk;5\n15.03.2026;avito;1\n");

        assertEquals(List.of(new RowError(3, SpendProblem.MONTH, "15.03.2026")), parsed.errors());
        assertEquals(MARCH, SpendCsv.parse("01.03.2026;instagram;100\n".getBytes(StandardCharsets.UTF_8))
                .spend().firstKey());
    }

    @Test
    void aFileThatIsNotUtf8IsRefused() {
        byte[] windows1251 = {(byte) 0xCC, (byte) 0xE5, (byte) 0xF1, ';', 'v', 'k', ';', '1'};

        SpendCsv.Parsed parsed = SpendCsv.parse(windows1251);

        assertEquals(List.of(new RowError(1, SpendProblem.NOT_UTF8, "")), parsed.errors());
    }

    @Test
    void whatIsWrittenReadsBackTheSame() {
        TreeMap<YearMonth, Map<String, BigDecimal>> spend = new TreeMap<>(Map.of(
                MARCH, Map.of("instagram", new BigDecimal("12000.50"), "vk", new BigDecimal("0")),
                YearMonth.of(2026, 4), Map.of("2gis", new BigDecimal("700"))));

        SpendCsv.Parsed parsed = SpendCsv.parse(SpendCsv.write(spend).getBytes(StandardCharsets.UTF_8));

        assertEquals(spend, parsed.spend());
    }
}
