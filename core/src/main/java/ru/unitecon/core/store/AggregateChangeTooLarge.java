package ru.unitecon.core.store;

/**
 * One change would touch more items than a DynamoDB transaction may hold (a client with years of history moving
 * to another channel). Nothing was written; the portal's aggregates need a rebuild from its records.
 */
public class AggregateChangeTooLarge extends RuntimeException {
    public AggregateChangeTooLarge(int items) {
        super("a single change touches " + items + " items, more than one transaction can hold");
    }
}
