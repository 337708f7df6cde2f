package ru.unitecon.core.clients;

import ru.unitecon.core.bitrix.rest.BitrixApiError;
import ru.unitecon.core.bitrix.rest.PortalUnavailable;
import ru.unitecon.core.bitrix.rest.RateLimited;
import ru.unitecon.core.bitrix.tokens.PortalNeedsReconnect;
import ru.unitecon.core.bookkeeping.Bookkeeping;
import ru.unitecon.core.bookkeeping.ClientMember;
import ru.unitecon.core.bookkeeping.ClientState;
import ru.unitecon.core.bookkeeping.CrmRecord;
import ru.unitecon.core.bookkeeping.DealRecord;
import ru.unitecon.core.portal.PortalSettings;
import ru.unitecon.core.store.RecordReader;
import ru.unitecon.core.store.SentReminders;
import ru.unitecon.core.store.SettingsStore;
import ru.unitecon.core.store.WinBacks;
import ru.unitecon.core.sync.RestClients;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The clients who became lost this month (or in an earlier month, still lost), and the win-back to-do for one of
 * them. The month a client becomes lost
 * is not indexed (it moves with every order), so the list is one query of the portal's client items, filtered here;
 * each client item already holds its orders' days, amounts and masters, so no lead or deal is read for the list.
 * <p>
 * A win-back creates at most one to-do per client and lost month: it is claimed with a conditional put before the
 * portal is called, as reminders are (see {@link ru.unitecon.core.reminders.ReminderService}); a refusal gives the
 * claim back, an unknown outcome keeps it, since two to-dos for one client cost more than a missed one.
 */
public final class LostClients {
    /** The to-do is due the next day at noon on the portal's clock: time to call, never in the night. */
    private static final LocalTime DUE_AT = LocalTime.NOON;
    private static final DateTimeFormatter DEADLINE = DateTimeFormatter.ISO_OFFSET_DATE_TIME;
    private static final Comparator<LostClient> LIST_ORDER = Comparator.comparing(LostClient::channel)
            .thenComparing(LostClient::master, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(LostClient::lastOrder).thenComparing(LostClient::clientKey);

    /** What a win-back press did. */
    public enum WinBack {
        /** The to-do was created now. */
        CREATED,
        /** A to-do for this client and lost month was created (or is being created) before: nothing was done. */
        ALREADY_CREATED,
        /**
         * The client did not become lost in the month asked for, came back since, or the month is still to come (or
         * the app has none of its records): nothing was done.
         */
        NOT_LOST_THIS_MONTH
    }

    private final RecordReader records;
    private final SettingsStore settings;
    private final WinBacks winBacks;
    private final RestClients clients;
    private final Clock clock;

    public LostClients(RecordReader records, SettingsStore settings, WinBacks winBacks, RestClients clients,
                       Clock clock) {
        this.records = records;
        this.settings = settings;
        this.winBacks = winBacks;
        this.clients = clients;
        this.clock = clock;
    }

    /** The clients who became lost in the current month of the portal's clock, by channel, master and last order. */
    public List<LostClient> thisMonth(String memberId) {
        return lostIn(memberId, currentMonth(settings.load(memberId)));
    }

    /**
     * The clients who became lost in a month up to the current one and have not come back since, by channel, master
     * and last order.
     *
     * @throws IllegalArgumentException for a month after the current one: nobody is lost in it yet
     */
    public List<LostClient> lostIn(String memberId, YearMonth month) {
        PortalSettings portal = settings.load(memberId);
        if (month.isAfter(currentMonth(portal))) {
            throw new IllegalArgumentException("nobody is lost in " + month + " yet");
        }
        Bookkeeping bookkeeping = new Bookkeeping(portal);
        return records.clients(memberId).stream()
                .flatMap(client -> lost(bookkeeping, client).stream())
                .filter(lost -> lost.lostIn().equals(month))
                .sorted(LIST_ORDER)
                .toList();
    }

    /** The current month on the portal's clock, in its zone. */
    public YearMonth currentMonth(String memberId) {
        return currentMonth(settings.load(memberId));
    }

    private YearMonth currentMonth(PortalSettings portal) {
        return YearMonth.now(clock.withZone(portal.zone()));
    }

    /** The win-back to-do for a client who became lost this month ({@link #winBack(String, String, YearMonth)}). */
    public WinBack winBack(String memberId, String clientKey) {
        return winBack(memberId, clientKey, currentMonth(settings.load(memberId)));
    }

    /**
     * Creates the win-back to-do for a client who became lost in {@code month} (this one or an earlier one, and has
     * not come back since), on its latest deal (else its latest lead),
     * for that record's responsible user; a record with none leaves the to-do to the user the app calls as (the
     * portal's default), since the admin UI's session knows the portal, not the user.
     *
     * @throws ru.unitecon.core.bitrix.BitrixException when the portal refused or did not answer
     */
    public WinBack winBack(String memberId, String clientKey, YearMonth month) {
        PortalSettings portal = settings.load(memberId);
        Bookkeeping bookkeeping = new Bookkeeping(portal);
        Optional<ClientState> client = records.client(memberId, clientKey);
        Optional<LostClient> lost = client.flatMap(found -> lost(bookkeeping, found))
                .filter(found -> found.lostIn().equals(month));
        Optional<CrmRecord> owner = client.flatMap(found -> latestRecord(memberId, found));
        if (lost.isEmpty() || owner.isEmpty() || month.isAfter(currentMonth(portal))) {
            return WinBack.NOT_LOST_THIS_MONTH;
        }
        String claimId = UUID.randomUUID().toString();
        if (!winBacks.claim(memberId, clientKey, month, claimId, clock.instant())) {
            return WinBack.ALREADY_CREATED;
        }
        CrmRecord record = owner.get();
        ZonedDateTime deadline = clock.instant().atZone(portal.zone()).toLocalDate().plusDays(1).atTime(DUE_AT)
                .atZone(portal.zone());
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("ownerTypeId", record instanceof DealRecord ? 2 : 1);
        params.put("ownerId", record.id());
        params.put("deadline", DEADLINE.format(deadline));
        params.put("title", "Вернуть клиента");
        params.put("description", description(lost.get(), portal.retention().winBackOffer()));
        if (record.responsibleId() != null) {
            params.put("responsibleId", record.responsibleId());
        }
        try {
            clients.forPortal(memberId).call("crm.activity.todo.add", params);
        } catch (RateLimited | BitrixApiError | PortalNeedsReconnect refusedBeforeActing) {
            winBacks.release(memberId, clientKey, month, claimId);
            throw refusedBeforeActing;
        } catch (PortalUnavailable unknownOutcome) {
            winBacks.finish(memberId, clientKey, month, claimId, SentReminders.Status.UNCERTAIN,
                    List.of(unknownOutcome.errorCode()), clock.instant());
            throw unknownOutcome;
        }
        winBacks.finish(memberId, clientKey, month, claimId, SentReminders.Status.SENT, List.of(), clock.instant());
        return WinBack.CREATED;
    }

    /** The client's last counted order and the month it became lost after it; empty without a counted order. */
    private static Optional<LostClient> lost(Bookkeeping bookkeeping, ClientState client) {
        List<ClientMember.Order> orders = bookkeeping.countedOrders(client);
        if (orders.isEmpty()) {
            return Optional.empty();
        }
        ClientMember.Order last = orders.getLast();
        BigDecimal revenue = orders.stream().map(ClientMember.Order::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        return Optional.of(new LostClient(client.key(), bookkeeping.channelOf(client), orders.getFirst().master(),
                last.day(), orders.size(), revenue, bookkeeping.lostIn(last.day())));
    }

    /** The client's latest deal by touch, else its latest lead: where the manager sees the client's history. */
    private Optional<CrmRecord> latestRecord(String memberId, ClientState client) {
        Comparator<Map.Entry<String, ClientMember>> latest = Comparator
                .comparing((Map.Entry<String, ClientMember> member) -> member.getKey().startsWith("D"))
                .thenComparing(member -> member.getValue().touchedAt());
        return client.members().entrySet().stream().sorted(latest.reversed())
                .flatMap(member -> records.record(memberId, member.getKey()).stream())
                .filter(record -> !record.deleted())
                .findFirst();
    }

    /** The offer from the settings, after the client's id and last order; the client's name is the CRM's to show. */
    private static String description(LostClient lost, String offer) {
        String facts = "Клиент " + lost.clientKey() + " не приходил с " + lost.lastOrder()
                + " и с этого месяца считается потерянным.";
        return offer.isEmpty() ? facts : facts + "\n" + offer;
    }
}
