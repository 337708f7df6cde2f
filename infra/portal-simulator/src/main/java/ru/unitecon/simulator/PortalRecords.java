package ru.unitecon.simulator;

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
    final List<EventBinding> events = new CopyOnWriteArrayList<>();
    final List<PlacementBinding> placements = new CopyOnWriteArrayList<>();
    final List<Notification> notifications = new CopyOnWriteArrayList<>();
    final List<TimelineComment> timelineComments = new CopyOnWriteArrayList<>();
    final List<Todo> todos = new CopyOnWriteArrayList<>();

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

    /** What the portal removes with the app: its event handlers, placements and robots. */
    void clearBindings() {
        events.clear();
        placements.clear();
        robots.clear();
    }
}
