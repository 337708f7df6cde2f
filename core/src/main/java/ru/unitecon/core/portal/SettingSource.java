package ru.unitecon.core.portal;

import java.time.Instant;
import java.util.Objects;

/**
 * Where a setting the portal can tell (its time zone, its currency) came from, so the owner sees whether the app
 * learned it or somebody chose it, and a later learning never overrides an administrator's choice.
 *
 * @param at when it was learned or chosen; null while {@link Kind#ASSUMED}, and for a choice saved before the app
 *           kept sources
 */
public record SettingSource(Kind kind, Instant at) {
    public enum Kind {
        /** The app's default, used until the portal has told (its answer failed or never came). */
        ASSUMED,
        /** Learned from the portal at install, reconnect or the daily refresh. */
        PORTAL,
        /** Set by an administrator in Settings. */
        ADMIN
    }

    public static final SettingSource ASSUMED = new SettingSource(Kind.ASSUMED, null);

    public SettingSource {
        Objects.requireNonNull(kind, "kind");
        if (kind == Kind.ASSUMED ? at != null : kind == Kind.PORTAL && at == null) {
            throw new IllegalArgumentException("a learned setting has a time, an assumed one none");
        }
    }

    public static SettingSource portal(Instant at) {
        return new SettingSource(Kind.PORTAL, at);
    }

    public static SettingSource admin(Instant at) {
        return new SettingSource(Kind.ADMIN, at);
    }

    public boolean isAdmin() {
        return kind == Kind.ADMIN;
    }
}
