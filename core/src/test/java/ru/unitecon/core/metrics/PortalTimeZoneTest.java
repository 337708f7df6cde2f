package ru.unitecon.core.metrics;

import org.junit.jupiter.api.Test;
import ru.unitecon.core.attribution.LeadSource;
import ru.unitecon.core.crm.Semantic;
import ru.unitecon.core.currency.Amount;
import ru.unitecon.core.currency.CurrencyRates;
import ru.unitecon.core.bookkeeping.AggregateKey;
import ru.unitecon.core.bookkeeping.ClientMember;
import ru.unitecon.core.bookkeeping.ClientState;
import ru.unitecon.core.bookkeeping.Contribution;
import ru.unitecon.core.bookkeeping.DealRecord;
import ru.unitecon.core.bookkeeping.Bookkeeping;
import ru.unitecon.core.portal.PortalSettings;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static ru.unitecon.core.attribution.Channel.INSTAGRAM;
import static ru.unitecon.core.metrics.MetricAssertions.assertAmount;
import static ru.unitecon.core.metrics.MetricAssertions.assertUndefined;
import static ru.unitecon.core.metrics.MetricAssertions.assertValue;

/**
 * Months in the portal's zone: a close date is a calendar date and counts in its own month whatever the zone; a
 * moment (a deal the app first saw won without a close date) counts in the month it falls in, in the portal's zone.
 */
class PortalTimeZoneTest {
    private static final YearMonth FEBRUARY = YearMonth.of(2026, 2);
    private static final YearMonth MARCH = YearMonth.of(2026, 3);
    private static final PortalSettings YEKATERINBURG =
            PortalSettings.defaults().withZone(ZoneId.of("Asia/Yekaterinburg"));
    private static final PortalSettings SAO_PAULO =
            PortalSettings.defaults().withZone(ZoneId.of("America/Sao_Paulo"));

    private static MetricsEngine engineOf(PortalSettings settings, DealRecord... deals) {
        Bookkeeping bookkeeping = new Bookkeeping(settings);
        Contribution aggregates = new Contribution();
        for (DealRecord deal : deals) {
            ClientMember lead = new ClientMember(deal.created().minusSeconds(86_400), INSTAGRAM, null, null);
            aggregates.add(bookkeeping.contributionOf(ClientState.empty("C" + deal.id())
                    .with("L" + deal.id(), lead).with(deal.memberId(), bookkeeping.memberOf(deal))));
        }
        Map<AggregateKey, BigDecimal> spend = Map.of(new AggregateKey(MARCH, INSTAGRAM), new BigDecimal("3000"));
        return new MetricsEngine(settings, aggregates.cells(), spend, PortalFixture.READ_AT);
    }

    private static DealRecord won(long id, LocalDate closeDate, String firstSeenWon, String amount) {
        Instant wonAt = OffsetDateTime.parse(firstSeenWon).toInstant();
        return new DealRecord(id, wonAt.minusSeconds(86_400 * 3), wonAt, LeadSource.ofUtm("instagram", null, null),
                Semantic.SUCCESS, id, null, Amount.of(new BigDecimal(amount), "RUB", "RUB", CurrencyRates.unknown()),
                closeDate, wonAt, 1L, INSTAGRAM, null, false);
    }

    @Test
    void aDealClosedOnMarchFirstBelongsToMarchInYekaterinburg() {
        MetricsEngine engine = engineOf(YEKATERINBURG,
                won(1, LocalDate.of(2026, 2, 28), "2026-02-28T23:59+05:00", "900"),
                won(2, LocalDate.of(2026, 3, 1), "2026-03-01T00:00+05:00", "1500"));

        PeriodMetrics march = engine.channel(Period.month(MARCH), INSTAGRAM);

        assertEquals(1, march.newClients());
        assertEquals(1, march.orders());
        assertAmount("1500", march.revenue());
        assertValue("3000", march.cac());
        assertAmount("900", engine.channel(Period.month(FEBRUARY), INSTAGRAM).revenue());
    }

    @Test
    void aCloseDateIsNeverMovedThroughAZoneEvenOneThatDisagrees() {
        // The portal wrote 2026-03-01T00:00:00+05:00; a Moscow setting must not turn it into 28 February 22:00.
        MetricsEngine engine = engineOf(PortalSettings.defaults(),
                won(2, LocalDate.of(2026, 3, 1), "2026-03-01T00:00+05:00", "1500"));

        assertEquals(1, engine.channel(Period.month(MARCH), INSTAGRAM).newClients());
        assertEquals(0, engine.channel(Period.month(FEBRUARY), INSTAGRAM).orders());
    }

    @Test
    void aDealFirstSeenWonJustAfterMidnightInSaoPauloCountsInThatPortalsMonth() {
        DealRecord noCloseDate = won(3, null, "2026-03-01T00:30-03:00", "700");

        assertEquals(1, engineOf(SAO_PAULO, noCloseDate).channel(Period.month(MARCH), INSTAGRAM).orders());
        assertEquals(1, engineOf(YEKATERINBURG, noCloseDate).channel(Period.month(MARCH), INSTAGRAM).orders(),
                "08:30 on 1 March in Yekaterinburg");
    }

    @Test
    void theSameMomentIsStillFebruaryWestOfSaoPaulo() {
        DealRecord noCloseDate = won(3, null, "2026-03-01T00:30-03:00", "700");
        MetricsEngine engine = engineOf(PortalSettings.defaults().withZone(ZoneId.of("America/Manaus")), noCloseDate);

        assertEquals(1, engine.channel(Period.month(FEBRUARY), INSTAGRAM).orders(), "23:30 on 28 February at UTC−4");
        assertUndefined(engine.channel(Period.month(MARCH), INSTAGRAM).cac());
    }
}
