package ru.unitecon.core.install;

import com.fasterxml.jackson.databind.JsonNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ru.unitecon.core.access.SecretKind;
import ru.unitecon.core.bitrix.BitrixException;
import ru.unitecon.core.bitrix.rest.BitrixApiError;
import ru.unitecon.core.bitrix.rest.BitrixRestClient;
import ru.unitecon.core.export.BiConnectorRequest;
import ru.unitecon.core.export.BiDataset;
import ru.unitecon.core.portal.BiRegistration;
import ru.unitecon.core.store.InstallationStore;
import ru.unitecon.core.store.SecretStore;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Registers the app in the portal's BI Builder, so that the monthly metrics appear in its Analytics hub: the
 * connector with the app's four endpoints ({@code biconnector.connector.add}), a source holding the portal's
 * member_id and a fresh {@link SecretKind#BI_CONNECTOR} token ({@code biconnector.source.add}, which calls the
 * connector's check endpoint before it answers), and a dataset per table ({@code biconnector.dataset.add}). Each
 * id is stored as soon as the portal gives it, so a registration that stopped halfway goes on from there at the
 * next install or update, and one that is complete adds nothing. A portal that refuses (the app lacks the
 * {@code biconnector} scope, the user may not use BI Builder) leaves the install as it is: the refusal is logged
 * and the next update tries again.
 */
public final class BiConnectorRegistration {
    static final String TITLE = "Юнит-экономика";
    private static final Logger LOG = LoggerFactory.getLogger(BiConnectorRegistration.class);
    /** A coin on the app's colour, small enough to travel as a data URI. */
    private static final String LOGO = "data:image/svg+xml;base64," + Base64.getEncoder().encodeToString((
            "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 32 32\"><circle cx=\"16\" cy=\"16\" r=\"15\""
                    + " fill=\"#2fc6f6\"/><text x=\"16\" y=\"22\" font-size=\"16\" text-anchor=\"middle\""
                    + " fill=\"#fff\">₽</text></svg>").getBytes(StandardCharsets.UTF_8));

    private final InstallationStore portals;
    private final SecretStore secrets;
    private final AppAddresses addresses;

    public BiConnectorRegistration(InstallationStore portals, SecretStore secrets, AppAddresses addresses) {
        this.portals = portals;
        this.secrets = secrets;
        this.addresses = addresses;
    }

    /** @return whether the connector, its source and every dataset are registered now */
    public boolean register(BitrixRestClient client) {
        String memberId = client.memberId();
        BiRegistration done = portals.biRegistration(memberId);
        try {
            if (done.connectorId() == null) {
                done = done.withConnector(added(client, "biconnector.connector.add", connector()));
                portals.saveBiRegistration(memberId, done);
            }
            if (done.sourceId() == null) {
                // Shown to the portal once, in the source's settings; only its hash stays here.
                String token = secrets.create(memberId, SecretKind.BI_CONNECTOR);
                done = done.withSource(added(client, "biconnector.source.add",
                        source(done.connectorId(), memberId, token)));
                portals.saveBiRegistration(memberId, done);
            }
            for (BiDataset<?> dataset : BiDataset.ALL) {
                if (!done.datasets().containsKey(dataset.code())) {
                    done = done.withDataset(dataset.code(), added(client, "biconnector.dataset.add",
                            dataset(done.sourceId(), dataset)));
                    portals.saveBiRegistration(memberId, done);
                }
            }
            return true;
        } catch (BitrixException refused) {
            LOG.warn("portal {}: BI Builder connector not registered, the next update tries again: {}", memberId,
                    refused.getMessage());
            return false;
        }
    }

    /**
     * The new object's id. The biconnector methods answer their errors inside {@code result} with HTTP 200, not as
     * the rest of the REST API does.
     */
    private static long added(BitrixRestClient client, String method, Map<String, Object> fields) {
        JsonNode result = client.call(method, Map.of("fields", fields));
        JsonNode error = result.path("error");
        if (!error.isMissingNode() && !error.isNull()) {
            throw new BitrixApiError(method, error.isObject() ? error.path("error").asText("") : error.asText(""),
                    200);
        }
        long id = result.path("id").asLong(0);
        if (id <= 0) {
            throw new BitrixApiError(method, "NO_ID", 200);
        }
        return id;
    }

    private Map<String, Object> connector() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("title", TITLE);
        fields.put("logo", LOGO);
        fields.put("description", "Маркетинговые метрики салона по месяцам и каналам: CAC, LTV, ROMI, неявки");
        fields.put("urlCheck", addresses.biConnectorEndpoint("check").toString());
        fields.put("urlTableList", addresses.biConnectorEndpoint("tables").toString());
        fields.put("urlTableDescription", addresses.biConnectorEndpoint("describe").toString());
        fields.put("urlData", addresses.biConnectorEndpoint("data").toString());
        fields.put("settings", List.of(
                Map.of("code", BiConnectorRequest.MEMBER_ID_SETTING, "name", "Портал (member_id)", "type", "STRING"),
                Map.of("code", BiConnectorRequest.TOKEN_SETTING, "name", "Ключ доступа", "type", "STRING")));
        return fields;
    }

    private static Map<String, Object> source(long connectorId, String memberId, String token) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("title", TITLE);
        fields.put("connectorId", connectorId);
        fields.put("settings", Map.of(BiConnectorRequest.MEMBER_ID_SETTING, memberId,
                BiConnectorRequest.TOKEN_SETTING, token));
        return fields;
    }

    private static Map<String, Object> dataset(long sourceId, BiDataset<?> dataset) {
        List<Map<String, Object>> columns = new ArrayList<>();
        for (BiDataset.Field<?> field : dataset.fields()) {
            columns.add(Map.of("name", field.name(), "externalCode", field.code(), "type", field.type()));
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("sourceId", sourceId);
        fields.put("name", dataset.datasetName());
        fields.put("externalName", dataset.title());
        fields.put("externalCode", dataset.code());
        fields.put("description", dataset.description());
        fields.put("fields", columns);
        return fields;
    }
}
