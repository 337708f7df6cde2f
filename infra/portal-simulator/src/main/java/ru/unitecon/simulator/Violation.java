package ru.unitecon.simulator;

/** A call that broke a method's documented parameter contract. {@code parameter} is dotted for nested fields. */
public record Violation(String method, String parameter, Kind kind, String detail) {

    public enum Kind {
        UNKNOWN_METHOD,
        UNKNOWN_PARAMETER,
        MISSING_PARAMETER,
        WRONG_TYPE
    }
}
