package ru.unitecon.core.bitrix.rest;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/** Encodes nested parameters the way PHP reads them, {@code filter[%3EID]=5&select[0]=ID}, for batch commands. */
public final class BracketQuery {
    private BracketQuery() {
    }

    public static String encode(Map<String, ?> params) {
        StringJoiner query = new StringJoiner("&");
        params.forEach((key, value) -> append(query, escape(key), value));
        return query.toString();
    }

    private static void append(StringJoiner query, String name, Object value) {
        switch (value) {
            case null -> query.add(name + "=");
            case Map<?, ?> map -> map.forEach((k, v) -> append(query, name + "[" + escape(k.toString()) + "]", v));
            case List<?> list -> {
                for (int i = 0; i < list.size(); i++) {
                    append(query, name + "[" + i + "]", list.get(i));
                }
            }
            default -> query.add(name + "=" + escape(value.toString()));
        }
    }

    private static String escape(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
