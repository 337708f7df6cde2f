package ru.unitecon.core.reminders;

import ru.unitecon.core.bitrix.crm.CrmEntity;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * The texts the scheduler sends, in Russian (the portals' language): they name the record by id and link to it,
 * and never carry the client's name or phone, which the app does not have.
 */
final class ReminderMessages {
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");

    private final String domain;
    private final ZoneId zone;

    ReminderMessages(String domain, ZoneId zone) {
        this.domain = domain;
        this.zone = zone;
    }

    String localTime(Instant visit) {
        return LOCAL.format(visit.atZone(zone));
    }

    /** The value of the reminder field: the offset first, so automation rules can test "begins with 24h". */
    String reminderFieldValue(DueAction action) {
        return DueAction.offsetLabel(action.offset()) + " " + localTime(action.visit());
    }

    String reminderNotification(CrmEntity entity, long id, DueAction action) {
        return "Напоминание о записи " + localTime(action.visit()) + " (за " + hours(action) + "): "
                + link(entity, id) + ".";
    }

    String reminderComment(DueAction action) {
        return "Напоминание о записи на " + localTime(action.visit()) + " отправлено (за " + hours(action) + ").";
    }

    String markRequest(CrmEntity entity, long id, Instant visit) {
        return "Визит " + localTime(visit) + " прошёл: отметьте, пришёл клиент или нет — " + link(entity, id) + ".";
    }

    String rebookTitle() {
        return "Перезаписать клиента после неявки";
    }

    String rebookDescription(Instant visit, String offer) {
        String missed = "Клиент не пришёл на запись " + localTime(visit) + ". Свяжитесь и предложите новое время.";
        return offer.isBlank() ? missed : missed + " Предложение: " + offer;
    }

    /** A link the portal's notification shows as the record's title. */
    String link(CrmEntity entity, long id) {
        String title = entity == CrmEntity.LEAD ? "лид #" : "сделка #";
        return "[URL=" + recordUrl(entity, id) + "]" + title + id + "[/URL]";
    }

    String recordUrl(CrmEntity entity, long id) {
        String word = entity == CrmEntity.LEAD ? "lead" : "deal";
        return "https://" + domain + "/crm/" + word + "/details/" + id + "/";
    }

    private static String hours(DueAction action) {
        String label = DueAction.offsetLabel(action.offset());
        return label.endsWith("h") ? label.substring(0, label.length() - 1) + " ч"
                : label.substring(0, label.length() - 1) + " мин";
    }
}
