package ru.unitecon.core.export;

import ru.unitecon.core.bitrix.inbound.FormBody;
import ru.unitecon.core.bitrix.inbound.MalformedRequest;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What BI Builder POSTs to one of the connector's endpoints, form-encoded with PHP brackets: the source's settings
 * as {@code connection[member_id]} and {@code connection[token]}, and, depending on the endpoint,
 * {@code searchString}, {@code table}, {@code select[n]}, {@code filter[<op><FIELD>]} and {@code limit}.
 */
public record BiConnectorRequest(String memberId, String token, String searchString, String table,
                                 List<String> select, Map<String, Object> filter, OptionalInt limit) {
    /** The setting codes the connector declares, under which BI Builder sends the source's values. */
    public static final String MEMBER_ID_SETTING = "member_id";
    public static final String TOKEN_SETTING = "token";

    @Override
    public String toString() {
        return "BiConnectorRequest[" + memberId + ", ***, " + table + ", " + select + ", " + filter + ", " + limit
                + "]";
    }

    /**
     * @throws MalformedRequest when the body is no form, or {@code limit} is not a whole number of at least 0
     */
    public static BiConnectorRequest parse(String body) {
        FormBody form = FormBody.parse(body);
        return new BiConnectorRequest(form.value("connection", MEMBER_ID_SETTING).orElse(""),
                form.value("connection", TOKEN_SETTING).orElse(""), form.value("searchString").orElse(""),
                form.value("table").orElse(""), select(form), form.section("filter"), limit(form));
    }

    /** {@code select[0]}, {@code select[1]}, … in index order. */
    private static List<String> select(FormBody form) {
        Map<String, Object> section = form.section("select");
        if (section.isEmpty()) {
            return form.value("select").filter(value -> !value.isBlank()).map(List::of).orElse(List.of());
        }
        return section.entrySet().stream()
                .sorted(Comparator.comparing((Map.Entry<String, Object> entry) -> index(entry.getKey())))
                .map(entry -> {
                    if (!(entry.getValue() instanceof String name)) {
                        throw new MalformedRequest("select holds field names only");
                    }
                    return name;
                })
                .toList();
    }

    private static long index(String key) {
        try {
            return Long.parseLong(key);
        } catch (NumberFormatException e) {
            throw new MalformedRequest("select is a list: select[0], select[1], …");
        }
    }

    private static OptionalInt limit(FormBody form) {
        Optional<String> text = form.value("limit").map(String::strip).filter(value -> !value.isEmpty());
        if (text.isEmpty()) {
            return OptionalInt.empty();
        }
        try {
            int limit = Integer.parseInt(text.get());
            if (limit < 0) {
                throw new NumberFormatException();
            }
            return OptionalInt.of(limit);
        } catch (NumberFormatException e) {
            throw new MalformedRequest("limit must be a whole number of rows, 0 or more");
        }
    }
}
