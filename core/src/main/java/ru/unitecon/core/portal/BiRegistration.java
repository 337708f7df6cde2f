package ru.unitecon.core.portal;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the app has registered in a portal's BI Builder so far, by the ids the portal gave: its connector, the
 * source that holds the connector token, and a dataset per table code. A step that failed has no id, so the next
 * update takes up from there instead of adding duplicates.
 */
public record BiRegistration(Long connectorId, Long sourceId, Map<String, Long> datasets) {
    public static final BiRegistration NONE = new BiRegistration(null, null, Map.of());

    public BiRegistration {
        datasets = Map.copyOf(datasets);
    }

    public BiRegistration withConnector(long id) {
        return new BiRegistration(id, sourceId, datasets);
    }

    public BiRegistration withSource(long id) {
        return new BiRegistration(connectorId, id, datasets);
    }

    public BiRegistration withDataset(String code, long id) {
        Map<String, Long> more = new LinkedHashMap<>(datasets);
        more.put(code, id);
        return new BiRegistration(connectorId, sourceId, more);
    }
}
