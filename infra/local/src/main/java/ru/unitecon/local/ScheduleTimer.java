package ru.unitecon.local;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import org.joda.time.DateTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Plays the EventBridge schedule: hands the scheduler function a {@link ScheduledEvent} every period, one run at
 * a time. Locally every minute, so reminders and reconciliation show their effect while you watch.
 */
final class ScheduleTimer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ScheduleTimer.class);

    private final ScheduledExecutorService timer =
            Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("schedule").daemon().factory());

    ScheduleTimer(RequestHandler<ScheduledEvent, ?> handler, Duration period) {
        timer.scheduleWithFixedDelay(() -> {
            try {
                Object outcome = handler.handleRequest(event(), null);
                LOG.info("scheduled run: {}", outcome);
            } catch (RuntimeException e) {
                LOG.warn("scheduled run failed: {}", e.toString());
            }
        }, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
    }

    private static ScheduledEvent event() {
        ScheduledEvent event = new ScheduledEvent();
        event.setId(UUID.randomUUID().toString());
        event.setSource("aws.events");
        event.setDetailType("Scheduled Event");
        event.setAccount("000000000000");
        event.setRegion("local");
        event.setTime(DateTime.now());
        event.setResources(List.of("arn:aws:events:local:000000000000:rule/unit-economics-schedule"));
        return event;
    }

    @Override
    public void close() throws InterruptedException {
        timer.shutdownNow();
        timer.awaitTermination(30, TimeUnit.SECONDS);
    }
}
