package ru.unitecon.simulator;

import com.fasterxml.jackson.core.type.TypeReference;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Method → documented parameters, read from {@code bitrix24-methods.json} (derived once from Bitrix24's method
 * descriptions by {@code tools/derive-method-table.py}). Method names are case-insensitive, as on a real portal.
 */
final class MethodTable {
    private static final String RESOURCE = "/bitrix24-methods.json";

    private final Map<String, List<ParameterSpec>> methods;

    private MethodTable(Map<String, List<ParameterSpec>> methods) {
        this.methods = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        this.methods.putAll(methods);
    }

    static MethodTable bundled() {
        try (InputStream in = MethodTable.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            return new MethodTable(Json.mapper().readValue(in, new TypeReference<Map<String, List<ParameterSpec>>>() {}));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Optional<List<ParameterSpec>> parameters(String method) {
        return Optional.ofNullable(methods.get(method.toLowerCase(Locale.ROOT)));
    }
}
