package ru.unitecon.simulator;

import java.util.List;
import java.util.function.Function;

/** One page of a list method: rows plus {@code total}/{@code next}, which are null when not sent. */
record ListPage(List<?> rows, Integer total, Integer next) {
    static final int SIZE = 50;

    /** Cuts the page {@code start=0,50,100…} asks for out of all matching rows. */
    static <T> ListPage of(List<T> all, int start, Function<T, ?> toRow) {
        int from = Math.min(Math.max(start, 0), all.size());
        int to = Math.min(from + SIZE, all.size());
        return new ListPage(all.subList(from, to).stream().map(toRow).toList(), all.size(), to < all.size() ? to : null);
    }
}
