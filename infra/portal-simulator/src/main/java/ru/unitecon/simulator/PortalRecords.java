package ru.unitecon.simulator;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** What the app did to a portal through REST, kept for tests to assert on. */
public final class PortalRecords {
    /** An {@code event.bind}: {@code id} is the event_handler_id sent with each delivery. */
    public record EventBinding(long id, String event, String handler, String authType, String eventType) {
    }

    public record PlacementBinding(String placement, String handler, String title, String description,
                                   Map<String, Object> options) {
    }

    /** {@code kind} is "system" or "personal", after the method used. */
    public record Notification(long id, String kind, String toUserId, String fromUserId, String message, String tag) {
    }

    public record TimelineComment(long id, CrmEntityType entityType, long entityId, String comment, String authorId) {
    }

    public record Todo(long id, CrmEntityType ownerType, long ownerId, String deadline, String title,
                       String description, String responsibleId) {
    }

    /** A {@code bizproc.robot.add}: {@code returnProperties} are the codes the app may answer with. */
    public record Robot(String code, String handler, String authUserId, boolean useSubscription, Object name,
                        Map<String, Object> properties, Map<String, Object> returnProperties) {
    }

    /** A {@code bizproc.event.send}: what the app answered to one robot run. */
    public record RobotAnswer(String eventToken, String robotCode, Map<String, Object> returnValues, String logMessage) {
    }

    final Map<String, Robot> robots = new java.util.concurrent.ConcurrentHashMap<>();
    final List<RobotAnswer> robotAnswers = new CopyOnWriteArrayList<>();

    /** A {@code biconnector.connector.add}: its endpoints and the codes of the settings a source fills in. */
    public record BiConnector(long id, String title, URI urlCheck, URI urlTableList, URI urlTableDescription,
                              URI urlData, List<String> settingCodes) {
    }

    /** A {@code biconnector.source.add}: the settings BI Builder sends to the endpoints as {@code connection}. */
    public record BiSource(long id, long connectorId, String title, Map<String, String> settings) {
    }

    /** A {@code biconnector.dataset.add}: {@code externalCode} is what BI Builder sends as {@code table}. */
    public record BiDataset(long id, long sourceId, String name, String externalCode, List<BiField> fields) {
    }

    public record BiField(String name, String externalCode, String type) {
    }

    final List<EventBinding> events = new CopyOnWriteArrayList<>();
    final List<PlacementBinding> placements = new CopyOnWriteArrayList<>();
    final List<Notification> notifications = new CopyOnWriteArrayList<>();
    final List<TimelineComment> timelineComments = new CopyOnWriteArrayList<>();
    final List<Todo> todos = new CopyOnWriteArrayList<>();
    final List<BiConnector> biConnectors = new CopyOnWriteArrayList<>();
    final List<BiSource> biSources = new CopyOnWriteArrayList<>();
    final List<BiDataset> biDatasets = new CopyOnWriteArrayList<>();

    public List<EventBinding> boundEvents() {
        return List.copyOf(events);
    }

    public List<PlacementBinding> placements() {
        return List.copyOf(placements);
    }

    public List<Notification> notifications() {
        return List.copyOf(notifications);
    }

    public List<TimelineComment> timelineComments() {
        return List.copyOf(timelineComments);
    }

    public List<Todo> todos() {
        return List.copyOf(todos);
    }

    public List<Robot> robots() {
        return List.copyOf(robots.values());
    }

    public List<RobotAnswer> robotAnswers() {
        return List.copyOf(robotAnswers);
    }

    public List<BiConnector> biConnectors() {
        return List.copyOf(biConnectors);
    }

    public List<BiSource> biSources() {
        return List.copyOf(biSources);
    }

    public List<BiDataset> biDatasets() {
        return List.copyOf(biDatasets);
    }

    /**
     * What goes with the app when it is deleted: its handlers and placements (event.bind's documentation), its robots
     * and its BI Builder objects, which the bizproc and biconnector pages do not mention but which no other app can
     * see or use.
     */
    void clearBindings() {
        events.clear();
        placements.clear();
        robots.clear();
        biDatasets.clear();
        biSources.clear();
        biConnectors.clear();
    }
}
