package ru.unitecon.simulator;

/** What a method answers: {@code result}, and for lists {@code total}/{@code next} (null when absent). */
record RestResult(Object result, Integer total, Integer next) {

    static RestResult of(Object result) {
        return new RestResult(result, null, null);
    }

    static RestResult of(ListPage page) {
        return new RestResult(page.rows(), page.total(), page.next());
    }
}
