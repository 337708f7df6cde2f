package ru.unitecon.simulator;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * biconnector.connector.add, source.add and dataset.add as Bitrix24 documents them: errors inside {@code result}
 * with HTTP 200, the connection check before a source is added, the app's scope; and BI Builder's form POSTs.
 */
class BiConnectorMethodsTest {
    private final SimulatorFixture fixture = new SimulatorFixture(Dataset.bundledSample());
    private final List<String> posts = new CopyOnWriteArrayList<>();
    private volatile String checkAnswer = "OK";
    private final HttpServer connector = start();

    private HttpServer start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/", exchange -> {
                try (exchange) {
                    posts.add(exchange.getRequestURI().getPath() + " "
                            + URLDecoder.decode(new String(exchange.getRequestBody().readAllBytes(),
                            StandardCharsets.UTF_8), StandardCharsets.UTF_8));
                    byte[] body = (exchange.getRequestURI().getPath().endsWith("/check") ? checkAnswer : "[]")
                            .getBytes(StandardCharsets.UTF_8);
                    exchange.sendResponseHeaders(200, body.length == 0 ? -1 : body.length);
                    if (body.length > 0) {
                        exchange.getResponseBody().write(body);
                    }
                }
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterEach
    void stop() {
        connector.stop(0);
        fixture.close();
    }

    private String url(String path) {
        return "http://127.0.0.1:" + connector.getAddress().getPort() + "/bi/" + path;
    }

    private Map<String, Object> connectorFields() {
        Map<String, Object> fields = new HashMap<>();
        fields.put("title", "Юнит-экономика");
        fields.put("logo", "data:image/svg+xml;base64,PHN2Zy8+");
        fields.put("urlCheck", url("check"));
        fields.put("urlTableList", url("tables"));
        fields.put("urlTableDescription", url("describe"));
        fields.put("urlData", url("data"));
        fields.put("settings", List.of(Map.of("code", "token", "name", "Ключ", "type", "STRING")));
        return fields;
    }

    private Map<String, Object> datasetFields(long sourceId) {
        Map<String, Object> fields = new HashMap<>();
        fields.put("sourceId", sourceId);
        fields.put("name", "unitecon_monthly_metrics");
        fields.put("externalName", "Monthly metrics");
        fields.put("externalCode", "monthly_metrics");
        fields.put("fields", List.of(Map.of("name", "MONTH", "externalCode", "month", "type", "date"),
                Map.of("name", "LEADS", "externalCode", "leads", "type", "int")));
        return fields;
    }

    private Object error(TestHttp.Reply reply) {
        assertEquals(200, reply.status(), "biconnector errors come with HTTP 200");
        return ((Map<?, ?>) reply.resultMap().get("error")).get("error");
    }

    private long id(TestHttp.Reply reply) {
        assertEquals(200, reply.status());
        return ((Number) reply.resultMap().get("id")).longValue();
    }

    private long addSource() {
        long connectorId = id(fixture.call("biconnector.connector.add", Map.of("fields", connectorFields())));
        return id(fixture.call("biconnector.source.add", Map.of("fields", Map.of("title", "Salon",
                "connectorId", connectorId, "settings", Map.of("token", "secret-1", "login", "dropped")))));
    }

    @Test
    void aConnectorIsAddedAndItsFieldsAreCheckedAsBitrix24Does() {
        long id = id(fixture.call("biconnector.connector.add", Map.of("fields", connectorFields())));

        Map<String, Object> missing = connectorFields();
        missing.remove("urlData");
        Map<String, Object> unknown = connectorFields();
        unknown.put("color", "blue");
        Map<String, Object> readOnly = connectorFields();
        readOnly.put("id", 5);
        Map<String, Object> lowercaseType = connectorFields();
        lowercaseType.put("settings", List.of(Map.of("code", "token", "name", "Ключ", "type", "string")));
        Map<String, Object> incomplete = connectorFields();
        incomplete.put("settings", List.of(Map.of("code", "token", "type", "STRING")));

        assertEquals(List.of(id), fixture.portal.records().biConnectors().stream().map(PortalRecords.BiConnector::id)
                .toList());
        assertEquals("VALIDATION_REQUIRED_FIELD_MISSING",
                error(fixture.call("biconnector.connector.add", Map.of("fields", missing))));
        assertEquals("VALIDATION_UNKNOWN_PARAMETERS",
                error(fixture.call("biconnector.connector.add", Map.of("fields", unknown))));
        assertEquals("VALIDATION_READ_ONLY_FIELD",
                error(fixture.call("biconnector.connector.add", Map.of("fields", readOnly))));
        assertEquals("VALIDATION_SETTINGS_INVALID_TYPE",
                error(fixture.call("biconnector.connector.add", Map.of("fields", lowercaseType))));
        assertEquals("VALIDATION_SETTINGS_MISSING_REQUIRED_FIELDS",
                error(fixture.call("biconnector.connector.add", Map.of("fields", incomplete))));
        assertEquals(1, fixture.portal.records().biConnectors().size());
        assertEquals(List.of(), fixture.portal.violations());
    }

    @Test
    void withoutFieldsTheCallBreaksTheMethodTable() {
        TestHttp.Reply reply = fixture.call("biconnector.connector.add", Map.of("title", "x"));

        assertEquals(400, reply.status());
        assertFalse(fixture.portal.violations().isEmpty());
        fixture.portal.clearViolations();
    }

    @Test
    void aSourceIsAddedOnlyWhenTheConnectorsCheckAnswersAndKeepsOnlyDeclaredSettings() {
        long sourceId = addSource();

        assertTrue(posts.contains("/bi/check connection[token]=secret-1"), posts.toString());
        assertEquals(Map.of("token", "secret-1"), fixture.portal.records().biSources().getFirst().settings());
        assertEquals(sourceId, fixture.portal.records().biSources().getFirst().id());

        checkAnswer = "";
        long connectorId = fixture.portal.records().biConnectors().getFirst().id();
        assertEquals("SOURCE_CREATE_CONNECTION_ERROR", error(fixture.call("biconnector.source.add",
                Map.of("fields", Map.of("title", "Again", "connectorId", connectorId,
                        "settings", Map.of("token", "x"))))));
        assertEquals("CONNECTOR_NOT_FOUND", error(fixture.call("biconnector.source.add",
                Map.of("fields", Map.of("title", "Other", "connectorId", 999_999, "settings", Map.of())))));
        assertEquals(1, fixture.portal.records().biSources().size());
    }

    @Test
    void aDatasetNeedsAGoodNameAndGoodFieldsAndItsNameIsTheOnlyOneOnThePortal() {
        long sourceId = addSource();
        long datasetId = id(fixture.call("biconnector.dataset.add", Map.of("fields", datasetFields(sourceId))));

        Map<String, Object> badName = datasetFields(sourceId);
        badName.put("name", "Unitecon");
        Map<String, Object> lowercaseField = datasetFields(sourceId);
        lowercaseField.put("name", "other");
        lowercaseField.put("fields", List.of(Map.of("name", "month", "externalCode", "month", "type", "date")));
        Map<String, Object> longField = datasetFields(sourceId);
        longField.put("name", "other");
        longField.put("fields", List.of(Map.of("name", "A".repeat(33), "externalCode", "a", "type", "int")));
        Map<String, Object> upperType = datasetFields(sourceId);
        upperType.put("name", "other");
        upperType.put("fields", List.of(Map.of("name", "MONTH", "externalCode", "month", "type", "DATE")));
        Map<String, Object> twice = datasetFields(sourceId);
        twice.put("name", "other");
        twice.put("fields", List.of(Map.of("name", "MONTH", "externalCode", "m1", "type", "date"),
                Map.of("name", "MONTH", "externalCode", "m2", "type", "date")));

        assertEquals(datasetId, fixture.portal.records().biDatasets().getFirst().id());
        assertEquals("DATASET_ALREADY_EXIST",
                error(fixture.call("biconnector.dataset.add", Map.of("fields", datasetFields(sourceId)))));
        assertEquals("VALIDATION_DATASET_NAME_INVALID",
                error(fixture.call("biconnector.dataset.add", Map.of("fields", badName))));
        assertEquals("VALIDATION_FIELD_NAME_INVALID_FORMAT",
                error(fixture.call("biconnector.dataset.add", Map.of("fields", lowercaseField))));
        assertEquals("VALIDATION_FIELD_NAME_TOO_LONG",
                error(fixture.call("biconnector.dataset.add", Map.of("fields", longField))));
        assertEquals("VALIDATION_FIELD_INVALID_TYPE",
                error(fixture.call("biconnector.dataset.add", Map.of("fields", upperType))));
        assertEquals("VALIDATION_DUPLICATE_FIELD_NAME",
                error(fixture.call("biconnector.dataset.add", Map.of("fields", twice))));
        assertEquals("SOURCE_NOT_FOUND",
                error(fixture.call("biconnector.dataset.add", Map.of("fields", datasetFields(999_999)))));
        assertEquals(1, fixture.portal.records().biDatasets().size());
    }

    @Test
    void anAppWithoutTheBiconnectorScopeIsRefused() {
        fixture.portal.appScope("crm,placement");

        TestHttp.Reply reply = fixture.call("biconnector.connector.add", Map.of("fields", connectorFields()));

        assertEquals(401, reply.status());
        assertEquals("insufficient_scope", reply.error());
        assertEquals(List.of(), fixture.portal.records().biConnectors());
    }

    @Test
    void biBuilderPostsFormBodiesWithTheSourcesConnectionAndItsDateRangeInTheSiteFormat() {
        long sourceId = addSource();
        fixture.call("biconnector.dataset.add", Map.of("fields", datasetFields(sourceId)));
        BiBuilder biBuilder = fixture.portal.biBuilder();

        biBuilder.tableList("sal");
        biBuilder.tableDescription("monthly_metrics");
        biBuilder.data("monthly_metrics", List.of("LEADS", "MONTH"), LocalDate.of(2025, 5, 1),
                LocalDate.of(2025, 5, 31), 20);

        assertEquals("/bi/tables searchString=sal&connection[token]=secret-1", posts.get(posts.size() - 3));
        assertEquals("/bi/describe table=monthly_metrics&connection[token]=secret-1", posts.get(posts.size() - 2));
        assertEquals("/bi/data table=monthly_metrics&select[0]=LEADS&select[1]=MONTH&filter[>=MONTH]=01.05.2025"
                + "&filter[<=MONTH]=31.05.2025 23:59:59&limit=20&connection[token]=secret-1", posts.getLast());
        assertEquals(URI.create(url("data")), fixture.portal.records().biConnectors().getFirst().urlData());
    }

    @Test
    void theAppsBiBuilderObjectsGoWithTheApp() {
        long sourceId = addSource();
        fixture.call("biconnector.dataset.add", Map.of("fields", datasetFields(sourceId)));

        fixture.portal.uninstall(false);

        assertEquals(List.of(), fixture.portal.records().biConnectors());
        assertEquals(List.of(), fixture.portal.records().biSources());
        assertEquals(List.of(), fixture.portal.records().biDatasets());
    }
}
