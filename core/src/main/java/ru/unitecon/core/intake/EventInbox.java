package ru.unitecon.core.intake;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ru.unitecon.core.bitrix.BitrixException;
import ru.unitecon.core.bitrix.inbound.ForgedRequest;
import ru.unitecon.core.bitrix.inbound.MalformedRequest;
import ru.unitecon.core.bitrix.inbound.NotAdministrator;
import ru.unitecon.core.sync.QueuedChange;

import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The events queue's messages as the sync function takes them: each is one event POST that API Gateway queued
 * without looking at it. A message that is no genuine event (forged, malformed, of an unknown portal) is dropped,
 * never retried, since no retry can make it genuine; it is counted and logged with its message id and the reason
 * only, never its body or token. A genuine lead or deal event becomes a change named by its message id, so that
 * when fetching it fails, that message comes back from the queue.
 */
public final class EventInbox {
    private static final Logger LOG = LoggerFactory.getLogger(EventInbox.class);

    private final EventIntake intake;
    private final AtomicLong dropped = new AtomicLong();

    public EventInbox(EventIntake intake) {
        this.intake = Objects.requireNonNull(intake, "intake");
    }

    /**
     * @param messageId the queue's id of the message, which names the change it brings
     * @param body      the message body (see {@link WebhookBody})
     * @return the change to fetch, if the message announced one
     * @throws BitrixException when an install or update event could not be completed with the portal; the
     *                         message must come back
     */
    public Optional<QueuedChange> take(String messageId, String body) {
        try {
            return intake.receive(WebhookBody.decode(body)).change()
                    .map(change -> new QueuedChange(messageId, change));
        } catch (MalformedRequest e) {
            return drop(messageId, "not a well-formed event");
        } catch (NotAdministrator e) {
            return drop(messageId, "install or update not vouched for by an administrator");
        } catch (ForgedRequest e) {
            return drop(messageId, "unknown portal or wrong application token");
        }
    }

    /** Messages dropped since this inbox was built. */
    public long dropped() {
        return dropped.get();
    }

    private Optional<QueuedChange> drop(String messageId, String reason) {
        long count = dropped.incrementAndGet();
        LOG.warn("event message {} dropped ({} so far): {}", messageId, count, reason);
        return Optional.empty();
    }
}
