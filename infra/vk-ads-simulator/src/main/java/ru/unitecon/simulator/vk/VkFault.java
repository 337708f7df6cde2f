package ru.unitecon.simulator.vk;

/** Failures a test can switch on for the token endpoint or the API resources. */
public enum VkFault {
    /** HTTP 500. */
    SERVER_ERROR,
    /** HTTP 503. */
    SERVICE_UNAVAILABLE,
    /** HTTP 429, as when the request limits are exceeded. */
    TOO_MANY_REQUESTS,
    /** No answer until released (then the request goes on) or the simulator closes. */
    HANG
}
