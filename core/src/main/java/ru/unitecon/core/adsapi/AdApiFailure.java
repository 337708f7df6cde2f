package ru.unitecon.core.adsapi;

/** An ad platform did not give what was asked; the message is short and never holds a token. */
public final class AdApiFailure extends RuntimeException {
    /** What the importer does about it. */
    public enum Kind {
        /** The access token expired: refresh it and ask again (VK Ads). */
        TOKEN_EXPIRED,
        /** The platform refused the token for good: the connection needs an administrator to connect it again. */
        RECONNECT,
        /** A server error, timeout or rate limit that outlasted the retries: the next run tries again. */
        TRANSIENT,
        /** The platform refused the request itself (rights, access not approved, bad login): shown, retried daily. */
        REFUSED
    }

    private final Kind kind;

    public AdApiFailure(Kind kind, String message) {
        super(message, null, false, false);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
