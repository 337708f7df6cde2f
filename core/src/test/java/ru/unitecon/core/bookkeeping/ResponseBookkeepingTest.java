package ru.unitecon.core.bookkeeping;

import org.junit.jupiter.api.Test;
import ru.unitecon.core.attribution.LeadSource;
import ru.unitecon.core.crm.Semantic;
import ru.unitecon.core.currency.Amount;
import ru.unitecon.core.portal.PortalSettings;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

/** The response counters of docs/metrics.md's worked example, computed by hand. */
class ResponseBookkeepingTest {
    private static final AggregateKey JAN_VK = new AggregateKey(YearMonth.of(2026, 1), "vk");
    private final Bookkeeping bookkeeping = new Bookkeeping(PortalSettings.defaults());

    private static Instant moscow(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(ZoneId.of("Europe/Moscow")).toInstant();
    }

    private static LeadRecord lead(long id, String created, FirstResponse response) {
        return new LeadRecord(id, moscow(created), moscow(created), LeadSource.ofUtm("vk", null, null),
                Semantic.IN_PROGRESS, null, Amount.NONE, 1L, "vk", null, false, response);
    }

    private static FirstResponse activity(String at) {
        return new FirstResponse(moscow(at), FirstResponse.Source.ACTIVITY);
    }

    private static FirstResponse stageChange(String at) {
        return new FirstResponse(moscow(at), FirstResponse.Source.STAGE_CHANGE);
    }

    @Test
    void fourLeadsCountByMonthChannelAndHourOfCreation() {
        Contribution c = new Contribution()
                .add(bookkeeping.contributionOf(lead(1, "2026-01-12T09:10", activity("2026-01-12T09:13"))))
                .add(bookkeeping.contributionOf(lead(2, "2026-01-12T09:40", stageChange("2026-01-12T09:52"))))
                .add(bookkeeping.contributionOf(lead(3, "2026-01-12T22:05", activity("2026-01-12T23:05"))))
                .add(bookkeeping.contributionOf(lead(4, "2026-01-13T22:30", null)));

        Counters jan = c.cells().get(JAN_VK);
        assertEquals(4, jan.count(Measure.LEADS));
        assertEquals(3, jan.count(Measure.RESPONDED), "the fourth is unanswered");
        assertEquals(1, jan.count(Measure.RESPONDED_IN_5), "3 minutes");
        assertEquals(2, jan.count(Measure.RESPONDED_IN_15), "3 and 12 minutes");
        assertEquals(180 + 720 + 3600, jan.count(Measure.RESPONSE_SECONDS));
        assertEquals(Map.of("h09leads", 2L, "h09respondedIn5", 1L, "h09respondedIn15", 2L, "h22leads", 2L),
                hours(jan));
    }

    @Test
    void exactlyFiveAndFifteenMinutesStillCount() {
        Counters at5 = bookkeeping.contributionOf(lead(1, "2026-01-12T09:00", activity("2026-01-12T09:05")))
                .cells().get(JAN_VK);
        Counters past15 = bookkeeping.contributionOf(lead(2, "2026-01-12T09:00",
                        new FirstResponse(moscow("2026-01-12T09:15").plusSeconds(1), FirstResponse.Source.ACTIVITY)))
                .cells().get(JAN_VK);

        assertEquals(1, at5.count(Measure.RESPONDED_IN_5));
        assertEquals(0, past15.count(Measure.RESPONDED_IN_15));
        assertEquals(1, past15.count(Measure.RESPONDED));
    }

    @Test
    void theHourIsTheCreationHourInThePortalsZone() {
        Bookkeeping yekaterinburg = new Bookkeeping(PortalSettings.defaults().withZone(ZoneId.of("Asia/Yekaterinburg")));

        Counters jan = yekaterinburg.contributionOf(lead(1, "2026-01-12T09:10", null)).cells().get(JAN_VK);

        assertEquals(Map.of("h11leads", 1L), hours(jan), "09:10 in Moscow is 11:10 in Yekaterinburg");
    }

    @Test
    void anEarlierActivityFoundLaterMovesTheCountersOnce() {
        LeadRecord before = lead(2, "2026-01-12T09:40", stageChange("2026-01-12T09:52"));
        LeadRecord after = before.answeredAt(activity("2026-01-12T09:43"));

        Contribution delta = RecordEffect.of(bookkeeping, before, after, Map.of("L2", ClientState.empty("L2")
                .with("L2", bookkeeping.memberOf(before)))).aggregateDelta();

        Counters moved = delta.cells().get(JAN_VK);
        assertEquals(1, moved.count(Measure.RESPONDED_IN_5));
        assertEquals(0, moved.count(Measure.RESPONDED_IN_15), "it was within 15 minutes already");
        assertEquals(0, moved.count(Measure.RESPONDED));
        assertEquals(180 - 720, moved.count(Measure.RESPONSE_SECONDS));
        assertEquals(Map.of("h09respondedIn5", 1L), hours(moved));
        assertSame(after, after.answeredAt(activity("2026-01-12T09:43")), "the same evidence again changes nothing");
        assertSame(after, after.answeredAt(stageChange("2026-01-12T09:52")), "later evidence changes nothing");
    }

    @Test
    void aNewSnapshotKeepsTheFirstResponse() {
        LeadRecord answered = lead(1, "2026-01-12T09:10", activity("2026-01-12T09:13"));
        LeadRecord recounted = answered.recounted(PortalSettings.defaults());

        assertEquals(answered.firstResponse(), recounted.firstResponse());
        assertEquals(null, answered.deletedAt(moscow("2026-01-13T10:00")).firstResponse());
    }

    private static Map<String, Long> hours(Counters counters) {
        Map<String, Long> hours = new java.util.TreeMap<>();
        counters.asMap().forEach((name, value) -> {
            if (name.matches("h\\d\\d.*")) {
                hours.put(name, value.longValueExact());
            }
        });
        return hours;
    }

    @Test
    void countersNamesAreValidAttributes() {
        assertEquals(BigDecimal.ONE, Counters.of(Map.of(ResponseHours.name(23, Measure.RESPONDED_IN_15),
                BigDecimal.ONE)).get("h23respondedIn15"));
    }
}
