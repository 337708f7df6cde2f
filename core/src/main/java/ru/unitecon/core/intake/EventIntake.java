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
import ru.unitecon.core.sync.ChangeMessage;
import ru.unitecon.core.sync.ChangeQueue;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Takes the portal's event POSTs out of the events queue, in the sync function: API Gateway has already answered
 * the portal and queued the body, so nothing here delays the portal's answer. Lead and deal events become the
 * changes the sync fetches in the same run. Every event must carry
 * the application token stored for its member_id, except {@code ONAPPINSTALL} (no token is stored yet) and
 * {@code ONAPPUPDATE} (it brings a renewed one): an administrator's access token vouches for those two
 * ({@link InstallationService}). {@code ONAPPUNINSTALL} has no user token, so the stored one is its only proof;
 * it clears that token, so that a reinstall's {@code ONAPPINSTALL} may bring the next.
 */
public final class EventIntake {
    private static final Logger LOG = LoggerFactory.getLogger(EventIntake.class);

    private final InstallationStore portals;
    private final ChangeQueue queue;
    private final Supplier<InstallationService> installationsFactory;
    private InstallationService installations;

    public EventIntake(InstallationStore portals, ChangeQueue queue, InstallationService installations) {
        this(portals, queue, () -> installations);
        Objects.requireNonNull(installations, "installations");
    }

    /**
     * Builds the installation service only when an install or update event needs it: most runs of the sync
     * see lead and deal events only.
     */
    public EventIntake(InstallationStore portals, ChangeQueue queue, Supplier<InstallationService> installations) {
        this.portals = Objects.requireNonNull(portals, "portals");
        this.queue = Objects.requireNonNull(queue, "queue");
        this.installationsFactory = Objects.requireNonNull(installations, "installations");
    }

    /**
     * @param formBody the event's form body, as {@link WebhookBody#decode} gives it
     * @throws MalformedRequest when the body is not an event (also when it is over {@link FormBody#MAX_BYTES})
     * @throws ForgedRequest    when the member is unknown or the application token is wrong, or an install or
     *                          update event is not vouched for by an administrator's access token
     */
    public Received receive(String formBody) {
        PortalEvent event = PortalEvent.parse(formBody);
        if (event.name().equals("ONAPPINSTALL")) {
            return Received.done(installations().acceptInstallEvent(event) ? IntakeOutcome.ACCEPTED
                    : IntakeOutcome.IGNORED);
        }
        if (event.name().equals("ONAPPUPDATE")) {
            return Received.done(installations().acceptUpdateEvent(event) ? IntakeOutcome.ACCEPTED
                    : IntakeOutcome.IGNORED);
        }
        Installation portal = authenticate(event);
        if (portal.status() == InstallationStatus.UNINSTALLED) {
            return Received.done(IntakeOutcome.IGNORED);
        }
        String member = portal.memberId();
        return switch (event.name()) {
            case "ONCRMLEADADD", "ONCRMLEADUPDATE" -> Received.change(ChangeMessage.upsert(member, CrmEntity.LEAD,
                    entityId(event), event.sentAt()));
            case "ONCRMDEALADD", "ONCRMDEALUPDATE" -> Received.change(ChangeMessage.upsert(member, CrmEntity.DEAL,
                    entityId(event), event.sentAt()));
            case "ONCRMLEADDELETE" -> Received.change(ChangeMessage.delete(member, CrmEntity.LEAD, entityId(event),
                    event.sentAt()));
            case "ONCRMDEALDELETE" -> Received.change(ChangeMessage.delete(member, CrmEntity.DEAL, entityId(event),
                    event.sentAt()));
            case "ONAPPUNINSTALL" -> {
                uninstall(member, event.clean());
                yield Received.done(IntakeOutcome.ACCEPTED);
            }
            default -> Received.done(IntakeOutcome.IGNORED);
        };
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

    private static long entityId(PortalEvent event) {
        if (event.entityId() == null) {
            throw new MalformedRequest("missing data[FIELDS][ID]");
        }
        return event.entityId();
    }
}
