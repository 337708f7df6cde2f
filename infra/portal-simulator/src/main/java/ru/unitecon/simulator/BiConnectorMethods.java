package ru.unitecon.simulator;

import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * BI Builder's REST connector methods (apidocs.bitrix24.com, api-reference/biconnector): {@code connector.add},
 * {@code source.add} and {@code dataset.add}. They need the app's {@code biconnector} scope. Unlike the rest of the
 * REST API they answer their errors inside {@code result} with HTTP 200, and {@code source.add} calls the
 * connector's check endpoint first, refusing with {@code SOURCE_CREATE_CONNECTION_ERROR} unless it answers 200 with
 * a body. Each app sees only the connectors and sources it created, so those of this portal's app are the only ones.
 */
final class BiConnectorMethods {
    static final String SCOPE = "biconnector";
    private static final Set<String> CONNECTOR_FIELDS = Set.of("title", "logo", "description", "urlCheck",
            "urlTableList", "urlTableDescription", "urlData", "settings", "sort", "supportMapping", "sourceCode");
    private static final List<String> CONNECTOR_REQUIRED = List.of("title", "logo", "urlCheck", "urlTableList",
            "urlTableDescription", "urlData", "settings");
    private static final Set<String> SOURCE_FIELDS = Set.of("title", "connectorId", "settings", "description",
            "active");
    private static final List<String> SOURCE_REQUIRED = List.of("title", "connectorId", "settings");
    private static final Set<String> DATASET_FIELDS = Set.of("sourceId", "name", "externalName", "externalCode",
            "description", "fields");
    private static final List<String> DATASET_REQUIRED = List.of("sourceId", "name", "externalName", "externalCode",
            "fields");
    private static final Set<String> READ_ONLY = Set.of("id", "dateCreate", "dateUpdate", "createdById",
            "updatedById", "type", "code");
    private static final Set<String> SETTING_TYPES = Set.of("STRING", "INT");
    private static final Set<String> FIELD_TYPES = Set.of("int", "string", "double", "date", "datetime", "money",
            "timezone");
    private static final Pattern DATASET_NAME = Pattern.compile("[a-z][a-z0-9_]*");
    private static final Pattern FIELD_NAME = Pattern.compile("[A-Z][A-Z0-9_]*");
    private static final int MAX_SETTING_TEXT = 512;
    private static final int MAX_DATASET_NAME = 230;
    private static final int MAX_FIELD_NAME = 32;

    /** A refusal as these methods answer it: {@code {"result": {"error": {...}}}} with HTTP 200. */
    private static final class Refusal extends RuntimeException {
        private final String code;

        Refusal(String code, String description) {
            super(description, null, false, false);
            this.code = code;
        }
    }

    private BiConnectorMethods() {
    }

    static void registerInto(RestDispatcher dispatcher) {
        dispatcher.register("biconnector.connector.add", call -> answer(call, BiConnectorMethods::addConnector));
        dispatcher.register("biconnector.source.add", call -> answer(call, BiConnectorMethods::addSource));
        dispatcher.register("biconnector.dataset.add", call -> answer(call, BiConnectorMethods::addDataset));
    }

    private static RestResult answer(RestCall call, Function<RestCall, Long> method) {
        if (!call.portal().installation().hasScope(SCOPE)) {
            throw new RestError(401, "insufficient_scope",
                    "The request requires higher privileges than provided by the access token");
        }
        try {
            return RestResult.of(Map.of("id", method.apply(call)));
        } catch (Refusal refusal) {
            return RestResult.of(Map.of("error", Map.of("error", refusal.code,
                    "error_description", refusal.getMessage())));
        }
    }

    private static long addConnector(RestCall call) {
        Map<String, Object> fields = fields(call, CONNECTOR_FIELDS, CONNECTOR_REQUIRED);
        if (!(fields.get("settings") instanceof List<?> settings)) {
            throw new Refusal("VALIDATION_INVALID_FIELD_TYPE", "settings must be an array");
        }
        for (Object item : settings) {
            if (!(item instanceof Map<?, ?> setting) || !(setting.get("code") instanceof String code)
                    || !(setting.get("name") instanceof String name) || !(setting.get("type") instanceof String type)) {
                throw new Refusal("VALIDATION_SETTINGS_MISSING_REQUIRED_FIELDS",
                        "Each setting needs code, name and type");
            }
            if (!SETTING_TYPES.contains(type)) {
                throw new Refusal("VALIDATION_SETTINGS_INVALID_TYPE", "Setting type must be STRING or INT");
            }
            if (code.length() > MAX_SETTING_TEXT) {
                throw new Refusal("VALIDATION_SETTINGS_CODE_TOO_LONG", "Setting code is too long");
            }
            if (name.length() > MAX_SETTING_TEXT) {
                throw new Refusal("VALIDATION_SETTINGS_NAME_TOO_LONG", "Setting name is too long");
            }
        }
        long id = call.portal().nextId();
        call.portal().records().biConnectors.add(new PortalRecords.BiConnector(id, String.valueOf(fields.get("title")),
                URI.create(String.valueOf(fields.get("urlCheck"))),
                URI.create(String.valueOf(fields.get("urlTableList"))),
                URI.create(String.valueOf(fields.get("urlTableDescription"))),
                URI.create(String.valueOf(fields.get("urlData"))), settings.stream()
                .map(setting -> String.valueOf(((Map<?, ?>) setting).get("code"))).toList()));
        return id;
    }

    private static long addSource(RestCall call) {
        Map<String, Object> fields = fields(call, SOURCE_FIELDS, SOURCE_REQUIRED);
        PortalRecords.BiConnector connector = call.portal().records().biConnectors().stream()
                .filter(c -> String.valueOf(c.id()).equals(String.valueOf(fields.get("connectorId"))))
                .findFirst().orElseThrow(() -> new Refusal("CONNECTOR_NOT_FOUND", "Connector not found"));
        if (!(fields.get("settings") instanceof Map<?, ?> given)) {
            throw new Refusal("VALIDATION_INVALID_FIELD_TYPE", "settings must be an object");
        }
        // Keys the connector does not declare are dropped silently.
        Map<String, String> settings = new LinkedHashMap<>();
        connector.settingCodes().stream().filter(given::containsKey)
                .forEach(code -> settings.put(code, String.valueOf(given.get(code))));
        if (!isAnswered(post(call.portal().toApp(), connector.urlCheck(), settings, Map.of()))) {
            throw new Refusal("SOURCE_CREATE_CONNECTION_ERROR", "Connection check failed");
        }
        long id = call.portal().nextId();
        call.portal().records().biSources.add(new PortalRecords.BiSource(id, connector.id(),
                String.valueOf(fields.get("title")), settings));
        return id;
    }

    private static long addDataset(RestCall call) {
        Map<String, Object> fields = fields(call, DATASET_FIELDS, DATASET_REQUIRED);
        PortalRecords records = call.portal().records();
        PortalRecords.BiSource source = records.biSources().stream()
                .filter(s -> String.valueOf(s.id()).equals(String.valueOf(fields.get("sourceId"))))
                .findFirst().orElseThrow(() -> new Refusal("SOURCE_NOT_FOUND", "Source not found"));
        String name = String.valueOf(fields.get("name"));
        if (name.length() > MAX_DATASET_NAME) {
            throw new Refusal("VALIDATION_DATASET_NAME_TOO_LONG", "Dataset name is too long");
        }
        if (!DATASET_NAME.matcher(name).matches()) {
            throw new Refusal("VALIDATION_DATASET_NAME_INVALID",
                    "Dataset name must start with a lowercase letter and hold only a-z, 0-9 and _");
        }
        if (records.biDatasets().stream().anyMatch(dataset -> dataset.name().equals(name))) {
            throw new Refusal("DATASET_ALREADY_EXIST", "Dataset with this name already exists");
        }
        if (!(fields.get("fields") instanceof List<?> columns) || columns.isEmpty()) {
            throw new Refusal("VALIDATION_REQUIRED_FIELD_MISSING", "fields must be a non-empty array");
        }
        List<PortalRecords.BiField> declared = new ArrayList<>();
        Set<String> names = new LinkedHashSet<>();
        Set<String> codes = new LinkedHashSet<>();
        for (Object item : columns) {
            if (!(item instanceof Map<?, ?> column) || !(column.get("name") instanceof String field)
                    || !(column.get("externalCode") instanceof String code) || !(column.get("type") instanceof String type)) {
                throw new Refusal("VALIDATION_FIELD_MISSING_REQUIRED_PARAMETERS",
                        "Each field needs name, externalCode and type");
            }
            if (field.length() > MAX_FIELD_NAME) {
                throw new Refusal("VALIDATION_FIELD_NAME_TOO_LONG", "Field name is too long: " + field);
            }
            if (!FIELD_NAME.matcher(field).matches()) {
                throw new Refusal("VALIDATION_FIELD_NAME_INVALID_FORMAT", "Invalid field name: " + field);
            }
            if (!FIELD_TYPES.contains(type)) {
                throw new Refusal("VALIDATION_FIELD_INVALID_TYPE", "Invalid field type: " + type);
            }
            if (!names.add(field)) {
                throw new Refusal("VALIDATION_DUPLICATE_FIELD_NAME", "Duplicate field name: " + field);
            }
            if (!codes.add(code)) {
                throw new Refusal("VALIDATION_DUPLICATE_FIELD_CODE", "Duplicate field code: " + code);
            }
            declared.add(new PortalRecords.BiField(field, code, type));
        }
        long id = call.portal().nextId();
        records.biDatasets.add(new PortalRecords.BiDataset(id, source.id(), name,
                String.valueOf(fields.get("externalCode")), declared));
        return id;
    }

    /** The {@code fields} object, checked for unknown, read-only and missing keys in Bitrix24's order. */
    private static Map<String, Object> fields(RestCall call, Set<String> known, List<String> required) {
        Map<String, Object> fields = call.map("fields");
        if (fields.isEmpty()) {
            throw new Refusal("VALIDATION_FIELDS_NOT_PROVIDED", "Fields are not provided");
        }
        for (String key : fields.keySet()) {
            if (READ_ONLY.contains(key)) {
                throw new Refusal("VALIDATION_READ_ONLY_FIELD", "Field " + key + " is read-only");
            }
            if (!known.contains(key)) {
                throw new Refusal("VALIDATION_UNKNOWN_PARAMETERS", "Unknown parameter: " + key);
            }
        }
        for (String key : required) {
            Object value = fields.get(key);
            if (value == null || (value instanceof String text && text.isBlank())) {
                throw new Refusal("VALIDATION_REQUIRED_FIELD_MISSING", "Required field " + key + " is missing");
            }
        }
        return fields;
    }

    /** Success for BI Builder: HTTP 200 with a body that is not empty. */
    static boolean isAnswered(HttpResponse<String> response) {
        return response != null && response.statusCode() == 200 && response.body() != null
                && !response.body().isEmpty();
    }

    /** The POST as BI Builder sends it, or null when the app could not be reached at all. */
    static HttpResponse<String> post(FormPoster poster, URI url, Map<String, String> connection,
                                     Map<String, String> parameters) {
        Map<String, String> form = new LinkedHashMap<>(parameters);
        connection.forEach((code, value) -> form.put("connection[" + code + "]", value));
        try {
            return poster.post(url, form);
        } catch (UncheckedIOException unreachable) {
            return null;
        }
    }
}
