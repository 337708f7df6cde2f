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

    @Test
    void quotedFieldsKeepTheirSeparatorsAndDoubledQuotes() {
        SpendCsv.Parsed semicolons = parse("2026-03;\"vk\";\"1 200,50\"\n2026-03;\"a \"\"b\"\"\";1\n");
        SpendCsv.Parsed commas = parse("2026-03,instagram,\"12,000\"\n");

        assertEquals(List.of(new RowError(2, SpendProblem.CHANNEL, "a \"b\"")), semicolons.errors());
        assertEquals(List.of(new RowError(1, SpendProblem.AMOUNT, "12,000")), commas.errors());
    }

    @Test
    void spacesAroundFieldsAndBetweenThousandsAreNoProblem() {
        SpendCsv.Parsed parsed = parse("2026-03, Instagram , \"1500\"\n");
        SpendCsv.Parsed russian = parse("2026-04;vk;12\u00a0000,5\n2026-05; avito ;1\u202f000\n");

        assertEquals(Map.of(MARCH, Map.of("instagram", new BigDecimal("1500"))), parsed.spend());
        assertEquals(Map.of(YearMonth.of(2026, 4), Map.of("vk", new BigDecimal("12000.5")),
                YearMonth.of(2026, 5), Map.of("avito", new BigDecimal("1000"))), russian.spend());
    }

    @Test
    void blankLinesAreSkippedButCountedAndEveryLineEndingIsOne() {
        SpendCsv.Parsed parsed = parse("2026-03;vk;1\r\n\n   \r2026-04;vk;2\r2026-05;vk;x\n");

        assertEquals(List.of(new RowError(5, SpendProblem.AMOUNT, "x")), parsed.errors());
    }

    @Test
    void theSeparatorIsTheFirstLinesAndOnlyTheFirstLineMayBeAHeader() {
        SpendCsv.Parsed parsed = parse("2026-03,vk,1\n2026-03;avito;2\nmonth,channel,amount\n");

        assertEquals(List.of(new RowError(2, SpendProblem.FIELD_COUNT, "2026-03;avito;2"),
                new RowError(3, SpendProblem.MONTH, "month")), parsed.errors());
    }

    @Test
    void aRowWithTooManyOrTooFewFieldsIsReportedAsWritten() {
        SpendCsv.Parsed parsed = parse("2026-03;vk;1;\n2026-03;\"avito\"\n");

        assertEquals(List.of(new RowError(1, SpendProblem.FIELD_COUNT, "2026-03;vk;1;"),
                new RowError(2, SpendProblem.FIELD_COUNT, "2026-03;\"avito\"")), parsed.errors());
    }

    @Test
    void aSecondRowForTheSameMonthAndChannelIsNamed() {
        SpendCsv.Parsed parsed = parse("2026-03;Instagram;1\n03.2026;instagram;2\n");

        assertEquals(List.of(new RowError(2, SpendProblem.DUPLICATE, "2026-03 instagram")), parsed.errors());
    }

    @Test
    void anEmptyFileHoldsNoSpendAndNoErrors() {
        assertEquals(new SpendCsv.Parsed(new TreeMap<>(), List.of()), parse(""));
        assertEquals(new SpendCsv.Parsed(new TreeMap<>(), List.of()), parse("\uFEFF"));
    }

    @Test
    void theExportIsRussianExcelWithABomCrLfAndChannelsInOrder() {
        TreeMap<YearMonth, Map<String, BigDecimal>> spend = new TreeMap<>(Map.of(
                MARCH, Map.of("vk", new BigDecimal("0"), "instagram", new BigDecimal("12000.5")),
                YearMonth.of(2026, 4), Map.of("2gis", new BigDecimal("1E+3"))));

        assertEquals("\uFEFFmonth;channel;amount\r\n2026-03;instagram;12000,5\r\n2026-03;vk;0\r\n"
                + "2026-04;2gis;1000\r\n", SpendCsv.write(spend));
        assertEquals("\uFEFFmonth;channel;amount\r\n", SpendCsv.write(new TreeMap<>()));
    }
}
