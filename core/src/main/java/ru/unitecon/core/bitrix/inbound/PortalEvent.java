package ru.unitecon.core.bitrix.inbound;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * One event delivery from a portal's queue, e.g. {@code ONCRMDEALUPDATE} for deal 759. It carries only the id:
 * the record itself must be read again through the REST API.
 *
 * @param name     the event code, upper-cased
 * @param entityId {@code data[FIELDS][ID]}, or null for app events such as {@code ONAPPUNINSTALL}
 * @param sentAt   {@code ts}: when the queue sent the event, not when the change happened
 * @param clean    {@code data[CLEAN]=1} on uninstall: the admin asked to delete the app's data
 * @param version  {@code data[VERSION]} on install and update, or null
 */
public record PortalEvent(String name, Long entityId, Instant sentAt, boolean clean, String version,
                          EventAuth auth) {
    public PortalEvent {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(sentAt, "sentAt");
        Objects.requireNonNull(auth, "auth");
    }

    public static PortalEvent parse(String formBody) {
        return from(FormBody.parse(formBody));
    }

    public static PortalEvent from(FormBody form) {
        String name = form.required("event").strip().toUpperCase(Locale.ROOT);
        Long entityId = form.value("data", "FIELDS", "ID").map(id -> positiveLong(id, "data[FIELDS][ID]"))
                .orElse(null);
        Instant sentAt = Instant.ofEpochSecond(positiveLong(form.required("ts"), "ts"));
        boolean clean = form.value("data", "CLEAN").map(String::strip).filter("1"::equals).isPresent();
        String version = form.value("data", "VERSION").filter(v -> !v.isBlank()).orElse(null);
        return new PortalEvent(name, entityId, sentAt, clean, version, auth(form));
    }

    private static EventAuth auth(FormBody form) {
        return new EventAuth(
                form.required("auth", "member_id"),
                form.required("auth", "domain"),
                optional(form, "client_endpoint"),
                optional(form, "server_endpoint"),
                form.required("auth", "application_token"),
                optional(form, "access_token"),
                optional(form, "refresh_token"),
                form.value("auth", "expires").filter(v -> !v.isBlank())
                        .map(v -> Instant.ofEpochSecond(positiveLong(v, "auth[expires]"))).orElse(null),
                form.value("auth", "user_id").filter(v -> !v.isBlank())
                        .map(v -> positiveLong(v, "auth[user_id]")).orElse(null));
    }

    private static String optional(FormBody form, String authKey) {
        return form.value("auth", authKey).filter(v -> !v.isBlank()).orElse(null);
    }

    static long positiveLong(String text, String field) {
        long value;
        try {
            value = Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            throw new MalformedRequest(field + " must be a positive integer");
        }
        if (value <= 0) {
            throw new MalformedRequest(field + " must be a positive integer");
        }
        return value;
    }
}
