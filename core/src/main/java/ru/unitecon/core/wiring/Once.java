package ru.unitecon.core.wiring;

import java.util.Objects;
import java.util.function.Supplier;

/** A part of {@link AppServices} made on first use and kept. */
final class Once<T> implements Supplier<T> {
    private final Supplier<T> make;
    private T made;

    Once(Supplier<T> make) {
        this.make = make;
    }

    @Override
    public synchronized T get() {
        if (made == null) {
            made = Objects.requireNonNull(make.get());
        }
        return made;
    }
}
