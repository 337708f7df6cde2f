package ru.unitecon.simulator.vk;

/** A VK Ads request that broke the documented contract of its resource (unknown, missing or malformed parameter). */
public record VkViolation(String resource, String parameter, Kind kind, String detail) {

    public enum Kind {
        UNKNOWN_RESOURCE,
        UNKNOWN_PARAMETER,
        MISSING_PARAMETER,
        WRONG_VALUE
    }
}
