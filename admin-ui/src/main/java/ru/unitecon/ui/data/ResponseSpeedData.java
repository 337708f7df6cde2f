package ru.unitecon.ui.data;

import org.springframework.stereotype.Service;
import ru.unitecon.core.metrics.Period;
import ru.unitecon.core.metrics.ResponseSpeed;
import ru.unitecon.core.store.AggregateReader;

/** What the retention view's response section reads: the period's monthly aggregates, nothing per lead. */
@Service
public class ResponseSpeedData {
    private final AggregateReader aggregates;

    public ResponseSpeedData(AggregateReader aggregates) {
        this.aggregates = aggregates;
    }

    public ResponseSpeed load(String memberId, Period period) {
        return new ResponseSpeed(aggregates.load(memberId, period.from(), period.to()).counters());
    }
}
