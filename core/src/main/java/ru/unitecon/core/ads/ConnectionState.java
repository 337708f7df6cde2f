package ru.unitecon.core.ads;

/** Whether a connected ad account imports, or needs an administrator to connect it again. */
public enum ConnectionState {
    ACTIVE,
    /** The platform refused the token (expired, withdrawn, revoked): nothing imports until it is connected again. */
    RECONNECT
}
