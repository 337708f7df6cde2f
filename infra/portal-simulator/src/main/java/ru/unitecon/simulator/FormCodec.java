package ru.unitecon.simulator;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * PHP-style form encoding as Bitrix24 speaks it: {@code fields[PHONE][0][VALUE]=x} nests,
 * {@code select[]=ID} appends, and maps keyed 0..n-1 are lists.
 */
final class FormCodec {
    private FormCodec() {
    }

    static Map<String, Object> decode(String form) {
        Map<String, Object> root = new LinkedHashMap<>();
        if (form == null || form.isEmpty()) {
            return root;
        }
        for (String pair : form.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            put(root, keyPath(key), value);
        }
        return listify(root);
    }

    /** Flattens nested maps and lists into bracketed keys, keeping the order given. */
    static Map<String, String> flatten(Map<String, ?> nested) {
        Map<String, String> flat = new LinkedHashMap<>();
        nested.forEach((key, value) -> flattenInto(flat, key, value));
        return flat;
    }

    static String encode(Map<String, String> flat) {
        StringJoiner body = new StringJoiner("&");
        flat.forEach((key, value) -> body.add(
                URLEncoder.encode(key, StandardCharsets.UTF_8) + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return body.toString();
    }

    private static void flattenInto(Map<String, String> flat, String key, Object value) {
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> flattenInto(flat, key + "[" + k + "]", v));
        } else if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                flattenInto(flat, key + "[" + i + "]", list.get(i));
            }
        } else {
            flat.put(key, value == null ? "" : String.valueOf(value));
        }
    }

    private static List<String> keyPath(String key) {
        List<String> path = new ArrayList<>();
        int open = key.indexOf('[');
        if (open <= 0 || !key.endsWith("]")) {
            path.add(key);
            return path;
        }
        path.add(key.substring(0, open));
        for (String segment : key.substring(open + 1, key.length() - 1).split("\\]\\[", -1)) {
            path.add(segment);
        }
        return path;
    }

    @SuppressWarnings("unchecked")
    private static void put(Map<String, Object> root, List<String> path, String value) {
        Map<String, Object> node = root;
        for (int i = 0; i < path.size() - 1; i++) {
            String segment = path.get(i).isEmpty() ? String.valueOf(node.size()) : path.get(i);
            Object child = node.get(segment);
            if (!(child instanceof Map)) {
                child = new LinkedHashMap<String, Object>();
                node.put(segment, child);
            }
            node = (Map<String, Object>) child;
        }
        String last = path.getLast();
        node.put(last.isEmpty() ? String.valueOf(node.size()) : last, value);
    }

    @SuppressWarnings("unchecked")
    private static <T> T listify(Object value) {
        if (!(value instanceof Map<?, ?> map)) {
            return (T) value;
        }
        Map<String, Object> converted = new LinkedHashMap<>();
        map.forEach((k, v) -> converted.put((String) k, listify(v)));
        boolean indexed = !converted.isEmpty();
        int expected = 0;
        for (String key : converted.keySet()) {
            indexed &= key.equals(String.valueOf(expected++));
        }
        return (T) (indexed ? new ArrayList<>(converted.values()) : converted);
    }
}
