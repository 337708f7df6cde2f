package ru.unitecon.core.intake;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ru.unitecon.core.bitrix.crm.CrmEntity;
import ru.unitecon.core.bitrix.inbound.EventAuthenticity;
import ru.unitecon.core.bitrix.inbound.ForgedRequest;
import ru.unitecon.core.bitrix.inbound.FormBody;
import ru.unitecon.core.bitrix.inbound.MalformedRequest;
import ru.unitecon.core.bitrix.inbound.PortalEvent;
import ru.unitecon.core.install.InstallationService;
import ru.unitecon.core.portal.Installation;
import ru.unitecon.core.portal.InstallationStatus;
import ru.unitecon.core.store.InstallationStore;
import ru.unitecon.core.store.StoreUnreachable;
import ru.unitecon.core.sync.ChangeMessage;
import ru.unitecon.core.sync.ChangeQueue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Takes the portal's event POSTs. A portal never repeats an event, so the answer must be quick and the work
 * durable: lead and deal events only become queue messages here, and no portal is called. Every event must carry
 * the application token stored for its member_id, except {@code ONAPPINSTALL} (no token is stored yet) and
 * {@code ONAPPUPDATE} (it brings a renewed one): an administrator's access token vouches for those two
 * ({@link InstallationService}). {@code ONAPPUNINSTALL} has no user token, so the stored one is its only proof;
 * it clears that token, so that a reinstall's {@code ONAPPINSTALL} may bring the next.
 */
public final class EventIntake {
    private static final Logger LOG = LoggerFactory.getLogger(EventIntake.class);

    /** A lead event of a member_id no portal has (member_ids are 32 hex digits); see {@link #prime()}. */
    private static final String PRIMING_EVENT = "event=ONCRMLEADUPDATE&data%5BFIELDS%5D%5BID%5D=1&ts=1"
            + "&auth%5Bdomain%5D=priming.invalid&auth%5Bmember_id%5D=priming&auth%5Bapplication_token%5D=priming";

    private final InstallationStore portals;
    private final ChangeQueue queue;
    private final Supplier<InstallationService> installationsFactory;
    private InstallationService installations;

    public EventIntake(InstallationStore portals, ChangeQueue queue, InstallationService installations) {
        this(portals, queue, () -> installations);
        Objects.requireNonNull(installations, "installations");
    }

    /**
     * Builds the installation service only when an install or update event needs it: its HTTP clients for the
     * OAuth server and the portal cost a cold start more than a lead event's whole work.
     */
    public EventIntake(InstallationStore portals, ChangeQueue queue, Supplier<InstallationService> installations) {
        this.portals = Objects.requireNonNull(portals, "portals");
        this.queue = Objects.requireNonNull(queue, "queue");
        this.installationsFactory = Objects.requireNonNull(installations, "installations");
    }

    /**
     * @throws RequestTooLarge  when the body is over {@link FormBody#MAX_BYTES}
     * @throws MalformedRequest when the body is not an event
     * @throws ForgedRequest    when the member is unknown or the application token is wrong, or an install or
     *                          update event is not vouched for by an administrator's access token
     */
    public IntakeOutcome receive(String formBody) {
        if (formBody != null && formBody.getBytes(StandardCharsets.UTF_8).length > FormBody.MAX_BYTES) {
            throw new RequestTooLarge(FormBody.MAX_BYTES);
        }
        PortalEvent event = PortalEvent.parse(formBody);
        if (event.name().equals("ONAPPINSTALL")) {
            return installations().acceptInstallEvent(event) ? IntakeOutcome.ACCEPTED : IntakeOutcome.IGNORED;
        }
        if (event.name().equals("ONAPPUPDATE")) {
            return installations().acceptUpdateEvent(event) ? IntakeOutcome.ACCEPTED : IntakeOutcome.IGNORED;
        }
        Installation portal = authenticate(event);
        if (portal.status() == InstallationStatus.UNINSTALLED) {
            return IntakeOutcome.IGNORED;
        }
        String member = portal.memberId();
        switch (event.name()) {
            case "ONCRMLEADADD", "ONCRMLEADUPDATE" -> enqueue(ChangeMessage.upsert(member, CrmEntity.LEAD,
                    entityId(event), event.sentAt()));
            case "ONCRMDEALADD", "ONCRMDEALUPDATE" -> enqueue(ChangeMessage.upsert(member, CrmEntity.DEAL,
                    entityId(event), event.sentAt()));
            case "ONCRMLEADDELETE" -> enqueue(ChangeMessage.delete(member, CrmEntity.LEAD, entityId(event),
                    event.sentAt()));
            case "ONCRMDEALDELETE" -> enqueue(ChangeMessage.delete(member, CrmEntity.DEAL, entityId(event),
                    event.sentAt()));
            case "ONAPPUNINSTALL" -> uninstall(member, event.clean());
            default -> {
                return IntakeOutcome.IGNORED;
            }
        }
        return IntakeOutcome.ACCEPTED;
    }

    /**
     * Walks a lead event's path once without any effect, so that its classes are loaded and its first DynamoDB
     * call made before the first real event: at initialisation, which a SnapStart snapshot keeps. Parses a sample
     * event, reads a portal that cannot exist and writes a change message as JSON; nothing is queued.
     */
    public void prime() {
        PortalEvent sample = PortalEvent.parse(PRIMING_EVENT);
        try {
            portals.warmUp(sample.auth().memberId());
        } catch (StoreUnreachable unreachable) {
            LOG.info("priming could not reach DynamoDB ({}); the first event will", unreachable.getMessage());
        }
        ChangeMessage.upsert(sample.auth().memberId(), CrmEntity.LEAD, sample.entityId(), sample.sentAt()).toJson();
    }

    private synchronized InstallationService installations() {
        if (installations == null) {
            installations = Objects.requireNonNull(installationsFactory.get(), "installations");
        }
        return installations;
    }

    private Installation authenticate(PortalEvent event) {
        Optional<Installation> portal = portals.find(event.auth().memberId());
        if (portal.isEmpty() || !EventAuthenticity.isGenuine(event, portal.get().applicationToken())) {
            throw new ForgedRequest("unknown portal or wrong application token");
        }
        return portal.get();
    }

    private void uninstall(String memberId, boolean clean) {
        portals.markUninstalled(memberId);
        if (clean) {
            queue.send(List.of(ChangeMessage.purge(memberId)));
        }
        LOG.info("portal {} uninstalled{}", memberId, clean ? ", data purge queued" : ", data kept");
    }

    private void enqueue(ChangeMessage message) {
        queue.send(List.of(message));
    }

    private static long entityId(PortalEvent event) {
        if (event.entityId() == null) {
            throw new MalformedRequest("missing data[FIELDS][ID]");
        }
        return event.entityId();
    }
}
