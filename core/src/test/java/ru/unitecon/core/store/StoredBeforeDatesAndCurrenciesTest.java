package ru.unitecon.core.store;

import org.junit.jupiter.api.Test;
import ru.unitecon.core.attribution.LeadSource;
import ru.unitecon.core.crm.DealSnapshot;
import ru.unitecon.core.crm.LeadSnapshot;
import ru.unitecon.core.crm.Semantic;
import ru.unitecon.core.currency.CurrencyRates;
import ru.unitecon.core.currency.Rate;
import ru.unitecon.core.bookkeeping.DealRecord;
import ru.unitecon.core.portal.PortalSettings;
import ru.unitecon.core.portal.SettingSource;
import ru.unitecon.testsupport.LocalDynamo;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A portal stored before dates were dates and amounts had currencies (amounts without a currency, a deal's
 * {@code closedAt} instant, a client's {@code orderAt}) keeps its numbers: its records read as they counted then,
 * changes applied to them count right, and the recount that the first learning of the portal runs brings the portal
 * to what a portal stored in the new form holds.
 */
class StoredBeforeDatesAndCurrenciesTest {
    private static final ZoneId MOSCOW = PortalSettings.DEFAULT_ZONE;
    private static final YearMonth FROM = YearMonth.of(2026, 1);
    private static final YearMonth TO = YearMonth.of(2026, 12);
    private static final PortalSettings ASSUMED = PortalSettings.defaults();

    private final DynamoDbClient dynamo = LocalDynamo.client();
    private final RecordStore recordStore = new RecordStore(dynamo, LocalDynamo.TABLE, Clock.systemUTC());
    private final AggregateReader aggregates = new AggregateReader(dynamo, LocalDynamo.TABLE);

    private static Instant at(String instant) {
        return Instant.parse(instant);
    }

    /** A client's lead, a deal closed on the 1st, one won without a close date, and a lost one. */
    private void history(String member) {
        recordStore.apply(member, ASSUMED, new LeadSnapshot(1, at("2026-02-27T09:00:00Z"), at("2026-02-27T09:00:00Z"),
                LeadSource.ofUtm("instagram", null, null), Semantic.IN_PROGRESS, 50L, new BigDecimal("900"), 1L,
                null));
        recordStore.apply(member, ASSUMED, new DealSnapshot(1, at("2026-02-28T09:00:00Z"), at("2026-03-01T09:00:00Z"),
                LeadSource.NONE, Semantic.SUCCESS, 50L, 1L, new BigDecimal("3000"), LocalDate.of(2026, 3, 1), 1L,
                null));
        recordStore.apply(member, ASSUMED, new DealSnapshot(2, at("2026-04-01T09:00:00Z"), at("2026-04-10T09:00:00Z"),
                LeadSource.NONE, Semantic.SUCCESS, 50L, null, new BigDecimal("1500"), null, 1L, null));
        recordStore.apply(member, ASSUMED, new DealSnapshot(3, at("2026-05-01T09:00:00Z"), at("2026-05-05T09:00:00Z"),
                LeadSource.NONE, Semantic.FAILURE, 60L, null, new BigDecimal("700"), LocalDate.of(2026, 5, 5), 1L,
                null));
    }

    /** A portal with the history, stored the old way. */
    private String oldPortal() {
        String member = newPortal();
        storeTheOldWay(member);
        return member;
    }

    /** A portal with the history, stored as the app stores it now. */
    private String newPortal() {
        String member = LocalDynamo.freshMemberId();
        history(member);
        return member;
    }

    /** Rewrites the portal's records and clients the way the app stored them before. */
    private void storeTheOldWay(String member) {
        RecordReader reader = new RecordReader(dynamo, LocalDynamo.TABLE);
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        for (String prefix : List.of(Keys.LEAD, Keys.DEAL, Keys.CLIENT)) {
            items.addAll(reader.withPrefix(member, prefix, item -> item));
        }
        for (Map<String, AttributeValue> item : items) {
            String sortKey = item.get(TableDefinition.SK).s();
            Map<String, AttributeValue> old = new HashMap<>(item);
            if (sortKey.startsWith(Keys.LEAD) || sortKey.startsWith(Keys.DEAL)) {
                old.keySet().removeAll(List.of("currency", "convertedAmount", "convertedTo", "closeDate",
                        "wonAt"));
                DealRecord deal = sortKey.startsWith(Keys.DEAL) ? RecordCodec.deal(item) : null;
                if (deal != null && (deal.closeDate() != null || deal.wonAt() != null)) {
                    Instant closedAt = deal.closeDate() != null ? deal.closeDate().atStartOfDay(MOSCOW).toInstant()
                            : deal.wonAt();
                    old.put("closedAt", Attributes.s(closedAt.toString()));
                }
            } else if (sortKey.startsWith(Keys.CLIENT)) {
                Map<String, AttributeValue> members = new HashMap<>();
                item.get("members").m().forEach((id, value) -> {
                    Map<String, AttributeValue> m = new HashMap<>(value.m());
                    AttributeValue day = m.remove("orderDay");
                    if (day != null) {
                        m.put("orderAt", Attributes.s(LocalDate.parse(day.s()).atTime(12, 0).atZone(MOSCOW)
                                .toInstant().toString()));
                    }
                    members.put(id, AttributeValue.fromM(m));
                });
                old.put("members", AttributeValue.fromM(members));
            }
            dynamo.putItem(b -> b.tableName(LocalDynamo.TABLE).item(old));
        }
    }

    @Test
    void oldRecordsCountAsTheyDidAndChangesToThemCountRight() {
        String member = oldPortal();
        String fresh = newPortal();

        DealRecord closedOnTheFirst = recordStore.records().deal(member, 1).orElseThrow();
        assertEquals(LocalDate.of(2026, 3, 1), closedOnTheFirst.orderDay(MOSCOW));
        assertTrue(closedOnTheFirst.amount().isCounted());
        assertEquals(LocalDate.of(2026, 4, 10), recordStore.records().deal(member, 2).orElseThrow().orderDay(MOSCOW));

        // The client's next order, applied incrementally over its old item.
        for (String portal : List.of(member, fresh)) {
            recordStore.apply(portal, ASSUMED, new DealSnapshot(4, at("2026-06-01T09:00:00Z"), at("2026-06-02T09:00:00Z"),
                    LeadSource.NONE, Semantic.SUCCESS, 50L, null, new BigDecimal("2000"), LocalDate.of(2026, 6, 2),
                    1L, null));
        }
        assertEquals(aggregates.load(fresh, FROM, TO).counters(), aggregates.load(member, FROM, TO).counters());
    }

    @Test
    void theFirstRecountBringsAnOldPortalToTheNewForm() {
        String member = oldPortal();
        String fresh = newPortal();
        Instant learnedAt = at("2026-11-01T09:00:00Z");
        PortalSettings learned = ASSUMED.withZone(ZoneId.of("UTC+05:00"), SettingSource.portal(learnedAt))
                .withRates(new CurrencyRates("RUB", Map.of("RUB", Rate.PAR), learnedAt, learnedAt));
        RecordsRecount rebuild = new RecordsRecount(dynamo, LocalDynamo.TABLE, Clock.systemUTC());

        assertTrue(rebuild.rebuild(member, learned));
        assertTrue(rebuild.rebuild(fresh, learned));

        assertEquals(aggregates.load(fresh, FROM, TO).counters(), aggregates.load(member, FROM, TO).counters());
        assertEquals(aggregates.cohorts(fresh, FROM, TO), aggregates.cohorts(member, FROM, TO));
    }
}
