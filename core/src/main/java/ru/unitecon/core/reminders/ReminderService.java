package ru.unitecon.core.reminders;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ru.unitecon.core.bitrix.BitrixException;
import ru.unitecon.core.bitrix.crm.AppointmentFieldMapping;
import ru.unitecon.core.bitrix.crm.CrmEntity;
import ru.unitecon.core.bitrix.rest.BatchResult;
import ru.unitecon.core.bitrix.rest.BitrixApiError;
import ru.unitecon.core.bitrix.rest.BitrixRestClient;
import ru.unitecon.core.bitrix.rest.BracketQuery;
import ru.unitecon.core.bitrix.rest.PortalUnavailable;
import ru.unitecon.core.bitrix.rest.RateLimited;
import ru.unitecon.core.bitrix.tokens.PortalNeedsReconnect;
import ru.unitecon.core.bookkeeping.CrmRecord;
import ru.unitecon.core.bookkeeping.LeadRecord;
import ru.unitecon.core.portal.Installation;
import ru.unitecon.core.portal.PortalSettings;
import ru.unitecon.core.portal.InstallationStatus;
import ru.unitecon.core.portal.ReminderPolicy;
import ru.unitecon.core.store.DueAppointments;
import ru.unitecon.core.store.RecordStore;
import ru.unitecon.core.store.InstallationStore;
import ru.unitecon.core.store.SentReminders;
import ru.unitecon.core.store.SettingsStore;
import ru.unitecon.core.sync.CurrentRecords;
import ru.unitecon.core.sync.RestClients;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * One scheduler pass of reminders and follow-ups for every installed portal. It reads the appointments-due index
 * hour by hour, only the hours the installed portals' policies can owe something for (never a portal's leads),
 * re-reads each appointment, and for what is owed now it first brings those
 * records up to date from the portal, so a visit moved or cancelled a moment ago is not reminded of.
 * <p>
 * Exactly once: each reminder is claimed with a conditional put before the portal is called, so overlapping passes
 * cannot both send it. When the portal certainly did not act (it refused the request, or the pass could not reach
 * it with a valid token) the claim is given back and a later pass sends it; when the outcome is unknown (a timeout,
 * a server error) the claim stays and the reminder is not sent again: a missed reminder costs less than a client
 * messaged twice. See docs/reminders.md.
 */
public final class ReminderService {
    /**
     * How long after the mark delay a pass still looks back: a visit left unmarked, or a no-show marked late, up to a
     * day after the visit's mark request, and a scheduler that was down for up to a day.
     */
    static final Duration CATCH_UP = Duration.ofDays(1);
    private static final DateTimeFormatter DEADLINE = DateTimeFormatter.ISO_OFFSET_DATE_TIME;
    private static final Logger LOG = LoggerFactory.getLogger(ReminderService.class);

    private final InstallationStore portals;
    private final SettingsStore settings;
    private final RecordStore recordStore;
    private final DueAppointments due;
    private final SentReminders sent;
    private final RestClients clients;
    private final InstantSource clock;
    private final CurrentRecords current;

    public ReminderService(InstallationStore portals, SettingsStore settings, RecordStore recordStore, DueAppointments due,
                           SentReminders sent, RestClients clients, InstantSource clock) {
        this.portals = Objects.requireNonNull(portals, "portals");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.recordStore = Objects.requireNonNull(recordStore, "recordStore");
        this.due = Objects.requireNonNull(due, "due");
        this.sent = Objects.requireNonNull(sent, "sent");
        this.clients = Objects.requireNonNull(clients, "clients");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.current = new CurrentRecords(recordStore);
    }

    /** One pass; a portal that fails is logged, counted and tried again next pass. */
    public ReminderReport run() {
        Instant now = clock.instant();
        Map<String, Installation> installed = new LinkedHashMap<>();
        Map<String, PortalSettings> portalSettings = new LinkedHashMap<>();
        for (String memberId : portals.activePortals()) {
            portals.find(memberId).filter(portal -> portal.status() == InstallationStatus.INSTALLED).ifPresent(portal -> {
                installed.put(memberId, portal);
                portalSettings.put(memberId, settings.load(memberId));
            });
        }
        Tally tally = new Tally();
        if (installed.isEmpty()) {
            return tally.report();
        }
        List<ReminderPolicy> policies = portalSettings.values().stream().map(PortalSettings::reminders).toList();
        Map<String, List<DueAppointments.Entry>> byPortal = new LinkedHashMap<>();
        due.between(now.minus(lookBehind(policies)), now.plus(lookAhead(policies))).stream()
                .filter(entry -> installed.containsKey(entry.memberId()))
                .forEach(entry -> byPortal.computeIfAbsent(entry.memberId(), m -> new ArrayList<>()).add(entry));
        byPortal.forEach((memberId, entries) -> {
            try {
                if (new PortalPass(installed.get(memberId), portalSettings.get(memberId), tally).run(entries)) {
                    tally.portals++;
                }
            } catch (PortalNeedsReconnect e) {
                tally.failed++;
                portals.markNeedsReconnect(memberId);
                LOG.warn("portal {} needs to reconnect; reminders wait", memberId);
            } catch (BitrixException e) {
                tally.failed++;
                LOG.warn("portal {}: reminders stopped for this pass: {}", memberId, e.getMessage());
            }
        });
        return tally.report();
    }

    /**
     * Visits this far ahead may be owed a reminder now: the longest offset in use, plus the longest night a reminder
     * can be moved back across.
     */
    static Duration lookAhead(List<ReminderPolicy> policies) {
        return policies.stream().map(policy -> longestOffset(policy).plus(nightLength(policy)))
                .max(Duration::compareTo).orElse(Duration.ZERO);
    }

    /** Visits this far back may still be owed a mark request or a no-show follow-up. */
    static Duration lookBehind(List<ReminderPolicy> policies) {
        return policies.stream().map(ReminderPolicy::markAfter).max(Duration::compareTo).orElse(Duration.ZERO)
                .plus(CATCH_UP);
    }

    private static Duration longestOffset(ReminderPolicy policy) {
        return policy.offsets().isEmpty() ? Duration.ZERO : policy.offsets().getFirst();
    }

    private static Duration nightLength(ReminderPolicy policy) {
        Duration night = Duration.between(policy.quietFrom(), policy.quietUntil());
        return night.isNegative() ? night.plusDays(1) : night;
    }

    private static final class Tally {
        int portals;
        int sent;
        int skipped;
        int uncertain;
        int failed;

        ReminderReport report() {
            return new ReminderReport(portals, sent, skipped, uncertain, failed);
        }
    }

    private record Owed(CrmRecord record, DueAction action) {
        String recordKey() {
            return record.memberId();
        }
    }

    private record Outcome(SentReminders.Status status, List<String> failedParts) {
    }

    /** One portal's share of a pass. */
    private final class PortalPass {
        private final Installation portal;
        private final PortalSettings portalSettings;
        private final Tally tally;
        private final ReminderMessages messages;

        PortalPass(Installation portal, PortalSettings portalSettings, Tally tally) {
            this.portal = portal;
            this.portalSettings = portalSettings;
            this.tally = tally;
            this.messages = new ReminderMessages(portal.domain(), portalSettings.zone());
        }

        /** @return whether anything was owed */
        boolean run(List<DueAppointments.Entry> entries) {
            Instant now = clock.instant();
            List<Owed> owed = new ArrayList<>();
            for (DueAppointments.Entry entry : entries) {
                owedNow(entry.recordKey(), now)
                        .filter(o -> o.action().visit().equals(entry.time()))
                        .filter(o -> !sent.exists(memberId(), o.recordKey(), o.action().visit(), o.action().claimName()))
                        .ifPresent(owed::add);
            }
            if (owed.isEmpty()) {
                return false;
            }
            BitrixRestClient client = clients.forPortal(memberId());
            Map<CrmEntity, List<Long>> ids = new EnumMap<>(CrmEntity.class);
            owed.forEach(o -> ids.computeIfAbsent(entity(o.record()), e -> new ArrayList<>()).add(o.record().id()));
            current.refresh(client, portalSettings, ids, now);
            for (Owed before : owed) {
                // The portal may have moved, closed or deleted the visit since the index was read.
                Optional<Owed> still = owedNow(before.recordKey(), clock.instant())
                        .filter(o -> o.action().equals(before.action()));
                if (still.isPresent()) {
                    perform(client, still.get());
                }
            }
            return true;
        }

        private Optional<Owed> owedNow(String recordKey, Instant now) {
            return recordStore.records().record(memberId(), recordKey)
                    .filter(record -> !record.deleted() && record.appointment() != null)
                    .flatMap(record -> ReminderSchedule.dueAt(record.appointment(), portalSettings.reminders(),
                            portalSettings.zone(), now).map(action -> new Owed(record, action)));
        }

        private void perform(BitrixRestClient client, Owed owed) {
            DueAction action = owed.action();
            String claimId = UUID.randomUUID().toString();
            if (!sent.claim(memberId(), owed.recordKey(), action.visit(), action.claimName(), claimId,
                    clock.instant())) {
                return;
            }
            Outcome outcome;
            try {
                outcome = deliver(client, owed);
            } catch (RateLimited | BitrixApiError | PortalNeedsReconnect refusedBeforeActing) {
                sent.release(memberId(), owed.recordKey(), action.visit(), action.claimName(), claimId);
                throw refusedBeforeActing;
            } catch (PortalUnavailable unknownOutcome) {
                sent.finish(memberId(), owed.recordKey(), action.visit(), action.claimName(), claimId,
                        SentReminders.Status.UNCERTAIN, List.of(unknownOutcome.errorCode()), clock.instant());
                tally.uncertain++;
                throw unknownOutcome;
            }
            sent.finish(memberId(), owed.recordKey(), action.visit(), action.claimName(), claimId,
                    outcome.status(), outcome.failedParts(), clock.instant());
            if (outcome.status() == SentReminders.Status.SENT) {
                tally.sent++;
            } else {
                tally.skipped++;
            }
        }

        private Outcome deliver(BitrixRestClient client, Owed owed) {
            return switch (owed.action().kind()) {
                case REMINDER -> remind(client, owed);
                case MARK_VISIT -> askToMark(client, owed);
                case NO_SHOW_FOLLOW_UP -> followUpNoShow(client, owed);
            };
        }

        /** The manager's notification, the timeline comment and the reminder field, in one batch request. */
        private Outcome remind(BitrixRestClient client, Owed owed) {
            CrmRecord record = owed.record();
            CrmEntity entity = entity(record);
            DueAction action = owed.action();
            Map<String, String> commands = new LinkedHashMap<>();
            Long manager = record.responsibleId();
            if (manager != null) {
                commands.put("notify", "im.notify.system.add?" + BracketQuery.encode(Map.of("USER_ID", manager,
                        "MESSAGE", messages.reminderNotification(entity, record.id(), action), "TAG", tag(owed))));
            }
            commands.put("comment", "crm.timeline.comment.add?" + BracketQuery.encode(Map.of("fields", Map.of(
                    "ENTITY_ID", record.id(), "ENTITY_TYPE", entity == CrmEntity.LEAD ? "lead" : "deal",
                    "COMMENT", messages.reminderComment(action)))));
            commands.put("field", (entity == CrmEntity.LEAD ? "crm.lead.update?" : "crm.deal.update?")
                    + BracketQuery.encode(Map.of("id", record.id(), "fields",
                    Map.of(AppointmentFieldMapping.REMINDER_FIELD, messages.reminderFieldValue(action)))));
            BatchResult result = client.batch(commands);
            List<String> failed = commands.keySet().stream()
                    .flatMap(key -> result.error(key).map(error -> key + ":" + error.errorCode()).stream())
                    .toList();
            return new Outcome(SentReminders.Status.SENT, failed);
        }

        private Outcome askToMark(BitrixRestClient client, Owed owed) {
            Long manager = owed.record().responsibleId();
            if (manager == null) {
                return new Outcome(SentReminders.Status.SKIPPED, List.of("NO_RESPONSIBLE"));
            }
            client.call("im.notify.system.add", Map.of("USER_ID", manager,
                    "MESSAGE", messages.markRequest(entity(owed.record()), owed.record().id(), owed.action().visit()),
                    "TAG", tag(owed)));
            return new Outcome(SentReminders.Status.SENT, List.of());
        }

        /** A rebooking to-do, unless the client already booked again. */
        private Outcome followUpNoShow(BitrixRestClient client, Owed owed) {
            Instant now = clock.instant();
            if (hasFutureAppointment(owed.record(), now)) {
                return new Outcome(SentReminders.Status.SKIPPED, List.of("BOOKED_AGAIN"));
            }
            CrmRecord record = owed.record();
            Instant deadline = ReminderSchedule.outOfQuietHours(now.plus(Duration.ofDays(1)),
                    portalSettings.reminders(), portalSettings.zone());
            Map<String, Object> params = new LinkedHashMap<>();
            params.put("ownerTypeId", entity(record) == CrmEntity.LEAD ? 1 : 2);
            params.put("ownerId", record.id());
            params.put("deadline", DEADLINE.format(deadline.atZone(portalSettings.zone())));
            params.put("title", messages.rebookTitle());
            params.put("description", messages.rebookDescription(owed.action().visit(),
                    portalSettings.reminders().noShowOffer()));
            Long manager = record.responsibleId();
            if (manager != null) {
                params.put("responsibleId", manager);
            }
            client.call("crm.activity.todo.add", params);
            return new Outcome(SentReminders.Status.SENT, List.of());
        }

        /** Whether any other lead or deal of the same client holds an open visit after now. */
        private boolean hasFutureAppointment(CrmRecord record, Instant now) {
            String clientKey = record.clientKey();
            if (clientKey == null) {
                return false;
            }
            return recordStore.records().client(memberId(), clientKey).stream()
                    .flatMap(client -> client.members().keySet().stream())
                    .filter(member -> !member.equals(record.memberId()))
                    .flatMap(member -> recordStore.records().record(memberId(), member).stream())
                    .map(CrmRecord::appointment)
                    .anyMatch(a -> a != null && a.state().isOpen() && a.time().isAfter(now));
        }

        /** One tag per reminder: the portal replaces a notification with the same tag instead of adding one. */
        private String tag(Owed owed) {
            return "UE|" + owed.recordKey() + "|" + owed.action().visit() + "|" + owed.action().claimName();
        }

        private String memberId() {
            return portal.memberId();
        }
    }


    private static CrmEntity entity(CrmRecord record) {
        return record instanceof LeadRecord ? CrmEntity.LEAD : CrmEntity.DEAL;
    }
}
