package ru.unitecon.simulator;

/** The simulated behaviour of one REST method. */
@FunctionalInterface
interface RestMethod {
    RestResult call(RestCall call);
}
