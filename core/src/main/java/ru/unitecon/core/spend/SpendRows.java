package ru.unitecon.core.spend;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import ru.unitecon.core.attribution.Channel;
import ru.unitecon.core.bitrix.inbound.MalformedRequest;
import ru.unitecon.core.currency.SpendAmount;
import ru.unitecon.core.bookkeeping.AggregateKey;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Spend rows posted by a script: a period (a month {@code 2026-03} or a day {@code 2026-03-05}), a channel, an
 * amount and a currency, as CSV (Russian Excel or plain comma, like {@link SpendCsv}) or JSON. They become one
 * amount per month and channel: a month row is that amount; day rows are summed into their month (a day is a
 * calendar date in the portal's time zone, as ad cabinets report it). A request with any bad row gives no
 * amounts, only the errors.
 */
public final class SpendRows {
    private static final Pattern MONTH = Pattern.compile("\\d{4}-\\d{2}");
    private static final Pattern DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    /** Decimals read as BigDecimal, never through double. */
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private SpendRows() {
    }

    /** The amount per month and channel the rows make, or why they cannot be taken. */
    public record Parsed(Map<AggregateKey, BigDecimal> amounts, List<RowError> errors) {
        public boolean isValid() {
            return errors.isEmpty();
        }
    }

    private record Row(int number, String period, String channel, BigDecimal amount, String currency,
                       String amountText) {
    }

    /** Rows of period, channel, amount, currency; a header line is optional. */
    public static Parsed csv(String body, String portalCurrency) {
        String[] lines = SpendCsv.lines(body);
        char separator = SpendCsv.separator(lines[0]);
        List<Row> rows = new ArrayList<>();
        List<RowError> errors = new ArrayList<>();
        for (int index = 0; index < lines.length; index++) {
            if (lines[index].isBlank()) {
                continue;
            }
            List<String> fields = SpendCsv.fields(lines[index], separator);
            if (index == 0 && SpendCsv.isHeader(fields)) {
                continue;
            }
            if (fields.size() != 4) {
                errors.add(new RowError(index + 1, SpendProblem.FIELD_COUNT, lines[index]));
                continue;
            }
            rows.add(new Row(index + 1, fields.get(0).trim(), fields.get(1), SpendCsv.amount(fields.get(2), separator),
                    fields.get(3).trim(), fields.get(2)));
        }
        return combine(rows, errors, portalCurrency);
    }

    /**
     * {@code [{"month": "2026-03" | "date": "2026-03-05", "channel": "vk", "amount": 1500.5, "currency": "RUB"}]},
     * or the same list under {@code "rows"}. Amounts may be numbers or strings with a dot.
     *
     * @throws MalformedRequest when the body is not JSON of that shape
     */
    public static Parsed json(String body, String portalCurrency) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new MalformedRequest("body is not JSON");
        }
        JsonNode list = root != null && root.isObject() ? root.get("rows") : root;
        if (list == null || !list.isArray()) {
            throw new MalformedRequest("expected a JSON list of rows, or an object with \"rows\"");
        }
        List<Row> rows = new ArrayList<>();
        List<RowError> errors = new ArrayList<>();
        for (int index = 0; index < list.size(); index++) {
            JsonNode row = list.get(index);
            if (!row.isObject()) {
                errors.add(new RowError(index + 1, SpendProblem.FIELD_COUNT, row.toString()));
                continue;
            }
            String period = row.has("month") == row.has("date") ? "" : text(row.has("month") ? row.get("month")
                    : row.get("date"));
            String amountText = text(row.get("amount"));
            BigDecimal amount = SpendAmount.parse(amountText).orElse(null);
            rows.add(new Row(index + 1, period, text(row.get("channel")), amount, text(row.get("currency")),
                    amountText));
        }
        return combine(rows, errors, portalCurrency);
    }

    private static String text(JsonNode node) {
        if (node == null || node.isNull() || node.isContainerNode()) {
            return "";
        }
        return node.isNumber() ? node.decimalValue().toPlainString() : node.asText();
    }

    private static Parsed combine(List<Row> rows, List<RowError> errors, String portalCurrency) {
        Map<AggregateKey, BigDecimal> amounts = new TreeMap<>();
        Set<AggregateKey> monthRows = new HashSet<>();
        Map<AggregateKey, Set<LocalDate>> dayRows = new HashMap<>();
        for (Row row : rows) {
            String channel = SpendCsv.channel(row.channel());
            YearMonth month = null;
            LocalDate day = null;
            try {
                if (MONTH.matcher(row.period()).matches()) {
                    month = YearMonth.parse(row.period());
                } else if (DAY.matcher(row.period()).matches()) {
                    day = LocalDate.parse(row.period());
                    month = YearMonth.from(day);
                }
            } catch (DateTimeParseException notADate) {
                month = null;
            }
            if (month == null) {
                errors.add(new RowError(row.number(), SpendProblem.PERIOD, row.period()));
                continue;
            }
            if (!Channel.isValidCode(channel)) {
                errors.add(new RowError(row.number(), SpendProblem.CHANNEL, row.channel()));
                continue;
            }
            if (row.amount() == null) {
                errors.add(new RowError(row.number(), SpendProblem.AMOUNT, row.amountText()));
                continue;
            }
            if (!row.currency().toUpperCase(Locale.ROOT).equals(portalCurrency)) {
                errors.add(new RowError(row.number(), SpendProblem.CURRENCY, row.currency()
                        + " (" + portalCurrency + ")"));
                continue;
            }
            AggregateKey cell = new AggregateKey(month, channel);
            boolean duplicate = day == null ? !monthRows.add(cell)
                    : !dayRows.computeIfAbsent(cell, c -> new HashSet<>()).add(day);
            if (duplicate) {
                errors.add(new RowError(row.number(), SpendProblem.DUPLICATE, row.period() + " " + channel));
            } else if (monthRows.contains(cell) && dayRows.containsKey(cell)) {
                errors.add(new RowError(row.number(), SpendProblem.MONTH_AND_DAYS, month + " " + channel));
            } else {
                amounts.merge(cell, row.amount(), BigDecimal::add);
            }
        }
        if (rows.isEmpty() && errors.isEmpty()) {
            errors.add(new RowError(0, SpendProblem.NO_ROWS, ""));
        }
        errors.sort(Comparator.comparingInt(RowError::row));
        return errors.isEmpty() ? new Parsed(amounts, List.of()) : new Parsed(Map.of(), List.copyOf(errors));
    }
}
