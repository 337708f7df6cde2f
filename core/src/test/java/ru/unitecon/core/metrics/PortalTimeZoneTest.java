package ru.unitecon.core.metrics;

import org.junit.jupiter.api.Test;
import ru.unitecon.core.ledger.AggregateKey;
import ru.unitecon.core.ledger.ClientMember;
import ru.unitecon.core.ledger.ClientState;
import ru.unitecon.core.ledger.Contribution;
import ru.unitecon.core.ledger.Ledger;
import ru.unitecon.core.portal.PortalSettings;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static ru.unitecon.core.attribution.Channel.INSTAGRAM;
import static ru.unitecon.core.metrics.MetricAssertions.assertAmount;
import static ru.unitecon.core.metrics.MetricAssertions.assertUndefined;
import static ru.unitecon.core.metrics.MetricAssertions.assertValue;

class PortalTimeZoneTest {
    private static final YearMonth FEBRUARY = YearMonth.of(2026, 2);
    private static final YearMonth MARCH = YearMonth.of(2026, 3);
    private static final PortalSettings YEKATERINBURG =
            PortalSettings.defaults().withZone(ZoneId.of("Asia/Yekaterinburg"));

    /** Two clients from Instagram: one buys in the last minute of February, one in the first minute of March. */
    private static MetricsEngine engineOf(PortalSettings settings) {
        Ledger ledger = new Ledger(settings);
        Contribution aggregates = new Contribution()
                .add(ledger.contributionOf(clientWithOrderAt("C1", "2026-02-28T23:59+05:00", "900")))
                .add(ledger.contributionOf(clientWithOrderAt("C2", "2026-03-01T00:00+05:00", "1500")));
        Map<AggregateKey, BigDecimal> spend = Map.of(new AggregateKey(MARCH, INSTAGRAM), new BigDecimal("3000"));
        return new MetricsEngine(settings, aggregates.cells(), spend);
    }

    private static ClientState clientWithOrderAt(String key, String closedAt, String amount) {
        Instant orderAt = OffsetDateTime.parse(closedAt).toInstant();
        ClientMember lead = new ClientMember(orderAt.minusSeconds(86_400 * 5), INSTAGRAM, null, null);
        ClientMember deal = new ClientMember(orderAt.minusSeconds(86_400), INSTAGRAM,
                new ClientMember.Order(orderAt, new BigDecimal(amount)), null);
        return ClientState.empty(key).with("L" + key, lead).with("D" + key, deal);
    }

    @Test
    void aDealClosedAtMidnightOfMarchFirstInYekaterinburgBelongsToMarch() {
        MetricsEngine engine = engineOf(YEKATERINBURG);

        PeriodMetrics march = engine.channel(Period.month(MARCH), INSTAGRAM);

        assertEquals(1, march.newClients());
        assertEquals(1, march.orders());
        assertAmount("1500", march.revenue());
        assertValue("3000", march.cac());
    }

    @Test
    void theLastMinuteOfFebruaryInYekaterinburgStaysInFebruary() {
        MetricsEngine engine = engineOf(YEKATERINBURG);

        PeriodMetrics february = engine.channel(Period.month(FEBRUARY), INSTAGRAM);

        assertEquals(1, february.newClients());
        assertAmount("900", february.revenue());
        assertEquals(1, february.orders());
    }

    @Test
    void theSameInstantIsStillFebruaryForAMoscowPortal() {
        MetricsEngine engine = engineOf(PortalSettings.defaults());

        assertEquals(2, engine.channel(Period.month(FEBRUARY), INSTAGRAM).newClients());
        assertUndefined(engine.channel(Period.month(MARCH), INSTAGRAM).cac());
    }
}
