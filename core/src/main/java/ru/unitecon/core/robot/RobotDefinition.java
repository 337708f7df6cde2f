package ru.unitecon.core.robot;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the app registers with {@code bizproc.robot.add}: the robot's code, names, its one property and the values
 * it answers with. Codes follow the method's rule (a letter, then letters, digits and underscores).
 */
public final class RobotDefinition {
    public static final String CODE = "unitecon_client_channel";
    public static final String LOST_AFTER_DAYS = "lost_after_days";
    public static final String CHANNEL = "channel";
    public static final String CHANNEL_CAC = "channel_cac";
    public static final String CHANNEL_LTV_TO_CAC = "channel_ltv_to_cac";
    public static final String CHANNEL_LOSING_MONEY = "channel_losing_money";
    public static final String CLIENT_ORDERS = "client_orders";
    public static final String CLIENT_REVENUE = "client_revenue";
    public static final String CLIENT_NO_SHOWS = "client_no_shows";
    public static final String CLIENT_LOST = "client_lost";

    private RobotDefinition() {
    }

    /** The fields of {@code bizproc.robot.add} (and, but for CODE, of {@code bizproc.robot.update}'s FIELDS). */
    public static Map<String, Object> fields(URI handler) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("HANDLER", handler.toString());
        fields.put("USE_SUBSCRIPTION", "Y");
        fields.put("NAME", Map.of("ru", "Юнит-экономика: клиент и канал", "en", "Unit economics: client and channel"));
        fields.put("DESCRIPTION", Map.of(
                "ru", "Канал лида, его CAC, LTV:CAC и убыточность в этом месяце; заказы, выручка и неявки клиента,"
                        + " и не потерян ли он",
                "en", "The lead's channel with its CAC, LTV:CAC and losing-money flag this month; the client's"
                        + " orders, revenue and no-shows, and whether the client is lost"));
        fields.put("PROPERTIES", Map.of(LOST_AFTER_DAYS, property("Клиент потерян, если визитов не было дней",
                "Client is lost after this many days without a visit", "int")));
        Map<String, Object> returns = new LinkedHashMap<>();
        returns.put(CHANNEL, property("Канал", "Channel", "string"));
        returns.put(CHANNEL_CAC, property("CAC канала в этом месяце", "Channel CAC this month", "double"));
        returns.put(CHANNEL_LTV_TO_CAC, property("LTV:CAC канала в этом месяце", "Channel LTV:CAC this month",
                "double"));
        returns.put(CHANNEL_LOSING_MONEY, property("Канал убыточен в этом месяце", "Channel loses money this month",
                "bool"));
        returns.put(CLIENT_ORDERS, property("Заказов клиента", "Client's orders", "int"));
        returns.put(CLIENT_REVENUE, property("Выручка с клиента", "Client's revenue", "double"));
        returns.put(CLIENT_NO_SHOWS, property("Неявок клиента", "Client's no-shows", "int"));
        returns.put(CLIENT_LOST, property("Клиент потерян", "Client is lost", "bool"));
        fields.put("RETURN_PROPERTIES", returns);
        fields.put("FILTER", Map.of("INCLUDE", List.of(List.of("crm", "CCrmDocumentLead"),
                List.of("crm", "CCrmDocumentDeal"))));
        return fields;
    }

    private static Map<String, Object> property(String russian, String english, String type) {
        Map<String, Object> property = new LinkedHashMap<>();
        property.put("Name", Map.of("ru", russian, "en", english));
        property.put("Type", type);
        property.put("Required", "N");
        property.put("Multiple", "N");
        return property;
    }
}
