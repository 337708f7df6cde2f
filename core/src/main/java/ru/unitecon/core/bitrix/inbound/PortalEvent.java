package ru.unitecon.core.bitrix.inbound;

import java.time.Duration;
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
 * @param language {@code data[LANGUAGE_ID]} on install, update and uninstall (e.g. {@code ru}), or null
 */
public record PortalEvent(String name, Long entityId, Instant sentAt, boolean clean, String version,
                          String language, EventAuth auth) {
    /** Access tokens live an hour; a longer {@code expires_in} is not believed. */
    private static final Duration LONGEST_TOKEN_LIFETIME = Duration.ofDays(1);
    /** Far enough from {@link Instant#MAX} that adding a token lifetime cannot overflow. */
    private static final long LATEST_EPOCH_SECOND =
            Instant.MAX.getEpochSecond() - LONGEST_TOKEN_LIFETIME.toSeconds();

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
        Instant sentAt = instant(form.required("ts"), "ts");
        boolean clean = form.value("data", "CLEAN").map(String::strip).filter("1"::equals).isPresent();
        String version = form.value("data", "VERSION").filter(v -> !v.isBlank()).orElse(null);
        String language = form.value("data", "LANGUAGE_ID").map(String::strip).filter(v -> !v.isBlank())
                .orElse(null);
        return new PortalEvent(name, entityId, sentAt, clean, version, language, auth(form, sentAt));
    }

    private static EventAuth auth(FormBody form, Instant sentAt) {
        return new EventAuth(
                form.required("auth", "member_id"),
                form.required("auth", "domain"),
                optional(form, "server_endpoint"),
                form.required("auth", "application_token"),
                optional(form, "access_token"),
                optional(form, "refresh_token"),
                expiresAt(form, sentAt),
                form.value("auth", "user_id").filter(v -> !v.isBlank())
                        .map(v -> positiveLong(v, "auth[user_id]")).orElse(null));
    }

    /**
     * {@code auth[expires]}, or, for the documented {@code ONAPPUPDATE} which carries only {@code expires_in}, the
     * sending time plus that lifetime; should the token expire sooner, the portal's {@code expired_token} answer
     * has it refreshed.
     */
    private static Instant expiresAt(FormBody form, Instant sentAt) {
        Instant expires = form.value("auth", "expires").filter(v -> !v.isBlank())
                .map(v -> instant(v, "auth[expires]")).orElse(null);
        if (expires != null) {
            return expires;
        }
        return form.value("auth", "expires_in").filter(v -> !v.isBlank())
                .map(v -> Math.min(positiveLong(v, "auth[expires_in]"), LONGEST_TOKEN_LIFETIME.toSeconds()))
                .map(seconds -> sentAt.plusSeconds(seconds)).orElse(null);
    }

    private static Instant instant(String epochSeconds, String field) {
        long seconds = positiveLong(epochSeconds, field);
        if (seconds > LATEST_EPOCH_SECOND) {
            throw new MalformedRequest(field + " is out of range");
        }
        return Instant.ofEpochSecond(seconds);
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
