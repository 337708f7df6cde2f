package ru.unitecon.core.spend;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import ru.unitecon.core.attribution.Channel;
import ru.unitecon.core.currency.SpendAmount;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Spend as managers keep it in spreadsheets: rows of month, channel and amount. Reads both the Russian Excel
 * export ({@code ;} between fields, comma decimals, spaces between thousands) and plain comma CSV (dot
 * decimals), UTF-8 with or without a byte-order mark, with or without a header row. A file with any bad row
 * imports nothing: the rows that are wrong come back with their line number and reason.
 */
public final class SpendCsv {
    private static final char BOM = '\uFEFF';
    /** Russian Excel's fields and plain comma fields, both quoted as Excel quotes (Apache Commons CSV). */
    private static final CSVFormat SEMICOLONS = dialect(';');
    private static final CSVFormat COMMAS = dialect(',');
    private static final List<DateTimeFormatter> MONTHS = List.of(
            DateTimeFormatter.ofPattern("uuuu-MM"), DateTimeFormatter.ofPattern("MM.uuuu"));
    /** Excel turns a typed 2026-03 into the month's first day, and saves it as 01.03.2026. */
    private static final List<DateTimeFormatter> FIRST_DAYS = List.of(
            DateTimeFormatter.ofPattern("uuuu-MM-dd"), DateTimeFormatter.ofPattern("dd.MM.uuuu"));

    private SpendCsv() {
    }

    private static CSVFormat dialect(char separator) {
        return CSVFormat.RFC4180.builder().setDelimiter(separator).setRecordSeparator("\r\n")
                .setIgnoreSurroundingSpaces(true).setLenientEof(true).setTrailingData(true).get();
    }

    /** The spend per month and channel, or the rows that prevent the import. */
    public record Parsed(SortedMap<YearMonth, Map<String, BigDecimal>> spend, List<RowError> errors) {
        public boolean isValid() {
            return errors.isEmpty();
        }
    }

    public static Parsed parse(byte[] file) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(file)).toString();
        } catch (CharacterCodingException e) {
            return new Parsed(new TreeMap<>(), List.of(new RowError(1, SpendProblem.NOT_UTF8, "")));
        }
        String[] lines = lines(text);
        char separator = separator(lines[0]);
        SortedMap<YearMonth, Map<String, BigDecimal>> spend = new TreeMap<>();
        List<RowError> errors = new ArrayList<>();
        for (int index = 0; index < lines.length; index++) {
            int line = index + 1;
            if (lines[index].isBlank()) {
                continue;
            }
            List<String> fields = fields(lines[index], separator);
            if (index == 0 && isHeader(fields)) {
                continue;
            }
            if (fields.size() != 3) {
                errors.add(new RowError(line, SpendProblem.FIELD_COUNT, lines[index]));
                continue;
            }
            YearMonth month = month(fields.get(0));
            String channel = channel(fields.get(1));
            BigDecimal amount = amount(fields.get(2), separator);
            if (month == null) {
                errors.add(new RowError(line, SpendProblem.MONTH, fields.get(0)));
            } else if (!Channel.isValidCode(channel)) {
                errors.add(new RowError(line, SpendProblem.CHANNEL, fields.get(1)));
            } else if (amount == null) {
                errors.add(new RowError(line, SpendProblem.AMOUNT, fields.get(2)));
            } else if (spend.computeIfAbsent(month, m -> new LinkedHashMap<>()).putIfAbsent(channel, amount) != null) {
                errors.add(new RowError(line, SpendProblem.DUPLICATE, month + " " + channel));
            }
        }
        return new Parsed(errors.isEmpty() ? spend : new TreeMap<>(), List.copyOf(errors));
    }

    /** The Russian Excel format, with a byte-order mark so that Excel reads it as UTF-8. */
    public static String write(SortedMap<YearMonth, Map<String, BigDecimal>> spend) {
        StringBuilder csv = new StringBuilder().append(BOM);
        try (CSVPrinter printer = new CSVPrinter(csv, SEMICOLONS)) {
            printer.printRecord("month", "channel", "amount");
            for (Map.Entry<YearMonth, Map<String, BigDecimal>> month : spend.entrySet()) {
                for (Map.Entry<String, BigDecimal> cell : new TreeMap<>(month.getValue()).entrySet()) {
                    printer.printRecord(month.getKey(), cell.getKey(),
                            cell.getValue().toPlainString().replace('.', ','));
                }
            }
        } catch (IOException cannotHappenWithAStringBuilder) {
            throw new UncheckedIOException(cannotHappenWithAStringBuilder);
        }
        return csv.toString();
    }

    /** The text's lines, without a leading byte-order mark. */
    static String[] lines(String text) {
        String withoutBom = !text.isEmpty() && text.charAt(0) == BOM ? text.substring(1) : text;
        return withoutBom.split("\r\n|\n|\r", -1);
    }

    /** Russian Excel separates with semicolons (its decimals are commas); anything else with commas. */
    static char separator(String firstLine) {
        return firstLine.indexOf(';') >= 0 ? ';' : ',';
    }

    /** Channel codes are lower case; a spreadsheet may say Instagram. */
    static String channel(String text) {
        return text.trim().toLowerCase(Locale.ROOT);
    }

    /** A first row whose first field is no month and whose last field has no digit names the columns. */
    static boolean isHeader(List<String> fields) {
        return fields.size() >= 3 && fields.get(0).chars().noneMatch(Character::isDigit)
                && fields.getLast().chars().noneMatch(Character::isDigit);
    }

    /**
     * Splits one line at the separator as Excel quotes ({@code "1,5"}, {@code "a ""b"""}); spaces around a field are
     * not part of it. A line is read on its own, so a broken quote spoils only its row: an unclosed quote runs to the
     * line's end, and text after a closing quote is kept.
     */
    static List<String> fields(String line, char separator) {
        try (CSVParser parser = CSVParser.parse(line, separator == ';' ? SEMICOLONS : COMMAS)) {
            List<CSVRecord> records = parser.getRecords();
            return records.isEmpty() ? List.of("") : records.getFirst().toList();
        } catch (IOException | UncheckedIOException unreadable) {
            return List.of(line);
        }
    }

    static YearMonth month(String text) {
        for (DateTimeFormatter format : MONTHS) {
            try {
                return YearMonth.parse(text.trim(), format);
            } catch (DateTimeParseException notThisFormat) {
                // the next format may fit
            }
        }
        for (DateTimeFormatter format : FIRST_DAYS) {
            try {
                LocalDate day = LocalDate.parse(text.trim(), format);
                return day.getDayOfMonth() == 1 ? YearMonth.from(day) : null;
            } catch (DateTimeParseException notThisFormat) {
                // the next format may fit
            }
        }
        return null;
    }

    /** Semicolon files write 12 000,50; comma files write 12000.50. */
    static BigDecimal amount(String text, char separator) {
        String number = text.replaceAll("[\\s\\u00a0\\u202f]", "");
        if (separator == ';') {
            number = number.replace(',', '.');
        }
        return SpendAmount.parse(number).orElse(null);
    }
}
