package ru.unitecon.simulator.yandex;

/** Failures a test can switch on for the token endpoint or the Reports service. */
public enum YandexFault {
    /** HTTP 500; on Reports with error 1000 "Server temporarily unavailable", on OAuth a bare server error. */
    SERVER_ERROR,
    /** HTTP 502: "Request processing timed out on the server" (Reports response codes). */
    BAD_GATEWAY,
    /** HTTP 500 with error 52 "Authorization server temporarily unavailable" (Reports only). */
    AUTHORIZATION_SERVER_UNAVAILABLE,
    /** No answer until the simulator's {@code faults().releaseHangs()} (then the request goes on) or the simulator closes. */
    HANG
}
