package ru.unitecon.core.bitrix.inbound;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An {@code application/x-www-form-urlencoded} body (or query string) with PHP-style bracketed keys, as Bitrix24
 * sends events and placement pages: {@code auth[member_id]=...&data[FIELDS][ID]=759} becomes nested maps.
 * Values are strings; a section is a map. Anything ambiguous (bad escapes, a key used both as a value and as a
 * section, a repeated key) is refused rather than guessed, since these requests carry authentication.
 */
public final class FormBody {
    public static final int MAX_BYTES = 64 * 1024;
    public static final int MAX_FIELDS = 500;
    public static final int MAX_DEPTH = 6;

    private final Map<String, Object> root;

    private FormBody(Map<String, Object> root) {
        this.root = root;
    }

    public static FormBody parse(String encoded) {
        if (encoded == null || encoded.isEmpty()) {
            return new FormBody(Map.of());
        }
        if (encoded.length() > MAX_BYTES || encoded.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw new MalformedRequest("form body is larger than " + MAX_BYTES + " bytes");
        }
        String[] pairs = encoded.split("&", -1);
        if (pairs.length > MAX_FIELDS) {
            throw new MalformedRequest("form body has more than " + MAX_FIELDS + " fields");
        }
        Map<String, Object> root = new LinkedHashMap<>();
        for (String pair : pairs) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            put(root, keyPath(key), value);
        }
        return new FormBody(root);
    }

    /** The value at a path such as {@code ("auth", "member_id")}; empty when absent or when it is a section. */
    public Optional<String> value(String... path) {
        Object node = find(path);
        return node instanceof String s ? Optional.of(s) : Optional.empty();
    }

    /** The value at a path, which must be present and not blank. */
    public String required(String... path) {
        return value(path).filter(v -> !v.isBlank())
                .orElseThrow(() -> new MalformedRequest("missing " + describe(path)));
    }

    /** The section at a path as an unmodifiable map of strings and sections; empty when absent. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> section(String... path) {
        Object node = find(path);
        return node instanceof Map<?, ?> map ? Collections.unmodifiableMap((Map<String, Object>) map) : Map.of();
    }

    public boolean isEmpty() {
        return root.isEmpty();
    }

    @SuppressWarnings("unchecked")
    private Object find(String... path) {
        Object node = root;
        for (String key : path) {
            if (!(node instanceof Map<?, ?> map)) {
                return null;
            }
            node = ((Map<String, Object>) map).get(key);
        }
        return node;
    }

    static String describe(String... path) {
        StringBuilder name = new StringBuilder(path[0]);
        for (int i = 1; i < path.length; i++) {
            name.append('[').append(path[i]).append(']');
        }
        return name.toString();
    }

    private static List<String> keyPath(String key) {
        int open = key.indexOf('[');
        String head = open < 0 ? key : key.substring(0, open);
        if (head.isEmpty() || head.indexOf(']') >= 0) {
            throw new MalformedRequest("malformed form key");
        }
        List<String> path = new ArrayList<>();
        path.add(head);
        int at = open;
        while (at >= 0 && at < key.length()) {
            if (key.charAt(at) != '[') {
                throw new MalformedRequest("malformed form key");
            }
            int close = key.indexOf(']', at);
            if (close < 0) {
                throw new MalformedRequest("unclosed bracket in form key");
            }
            String part = key.substring(at + 1, close);
            if (part.indexOf('[') >= 0) {
                throw new MalformedRequest("malformed form key");
            }
            path.add(part);
            at = close + 1;
        }
        if (path.size() > MAX_DEPTH) {
            throw new MalformedRequest("form key nested deeper than " + MAX_DEPTH);
        }
        return path;
    }

    @SuppressWarnings("unchecked")
    private static void put(Map<String, Object> root, List<String> path, String value) {
        Map<String, Object> node = root;
        for (int i = 0; i < path.size() - 1; i++) {
            String part = appendIndexIfEmpty(node, path.get(i));
            Object child = node.computeIfAbsent(part, k -> new LinkedHashMap<String, Object>());
            if (!(child instanceof Map<?, ?>)) {
                throw new MalformedRequest("form key used both as a value and as a section");
            }
            node = (Map<String, Object>) child;
        }
        String last = appendIndexIfEmpty(node, path.getLast());
        Object previous = node.putIfAbsent(last, value);
        if (previous instanceof Map<?, ?>) {
            throw new MalformedRequest("form key used both as a value and as a section");
        }
        if (previous != null) {
            throw new MalformedRequest("repeated form key");
        }
    }

    /** {@code a[]=x&a[]=y} is PHP's list syntax: the empty brackets stand for the next index. */
    private static String appendIndexIfEmpty(Map<String, Object> node, String part) {
        return part.isEmpty() ? Integer.toString(node.size()) : part;
    }

    private static String decode(String encoded) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(encoded.length());
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            if (c == '+') {
                bytes.write(' ');
            } else if (c == '%') {
                if (i + 2 >= encoded.length()) {
                    throw new MalformedRequest("truncated percent-encoding");
                }
                int high = Character.digit(encoded.charAt(i + 1), 16);
                int low = Character.digit(encoded.charAt(i + 2), 16);
                if (high < 0 || low < 0) {
                    throw new MalformedRequest("bad percent-encoding");
                }
                bytes.write(high << 4 | low);
                i += 2;
            } else if (c > 0x7F) {
                throw new MalformedRequest("unencoded non-ASCII character");
            } else {
                bytes.write(c);
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new MalformedRequest("form value is not UTF-8");
        }
    }
}
