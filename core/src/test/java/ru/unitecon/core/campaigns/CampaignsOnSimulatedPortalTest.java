package ru.unitecon.core.campaigns;

import org.junit.jupiter.api.Test;
import ru.unitecon.core.ads.AdPlatform;
import ru.unitecon.core.ads.CampaignDaySpend;
import ru.unitecon.core.ads.CampaignKey;
import ru.unitecon.core.bookkeeping.CampaignCell;
import ru.unitecon.core.metrics.CampaignMetrics;
import ru.unitecon.core.metrics.Period;
import ru.unitecon.simulator.DatasetGenerator;
import ru.unitecon.testsupport.ServicesOnSimulatedPortal;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The simulated portal's generated leads carry the Direct and VK Ads simulators' campaign names in UTM_CAMPAIGN;
 * after the backfill, each campaign's leads per period equal a count made straight from the portal's raw leads.
 */
class CampaignsOnSimulatedPortalTest {
    private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
    private static final CampaignKey MANICURE = new CampaignKey(AdPlatform.YANDEX_DIRECT, "salon-lotos", "70100034");
    private static final CampaignKey COLOURING = new CampaignKey(AdPlatform.VK_ADS, "91000001", "31400003");

    @Test
    void eachCampaignsLeadsEqualTheRawLeadsTaggedWithItsName() {
        try (ServicesOnSimulatedPortal app = ServicesOnSimulatedPortal.start(DatasetGenerator.generate(16, 400))) {
            app.installAndBackfill();
            List<Map<String, Object>> raw = app.portal.seed().dataset().leads();
            YearMonth last = raw.stream().map(CampaignsOnSimulatedPortalTest::month).max(YearMonth::compareTo)
                    .orElseThrow();
            app.services.campaignSpend().replaceDays(app.memberId(), MANICURE.account(), Map.of(last.atDay(1),
                    List.of(new CampaignDaySpend(MANICURE, "Поиск — маникюр", last.atDay(1), new BigDecimal("700")))));
            app.services.campaignSpend().replaceDays(app.memberId(), COLOURING.account(), Map.of(last.atDay(2),
                    List.of(new CampaignDaySpend(COLOURING, "Окрашивание — лето", last.atDay(2), new BigDecimal("800")))));
            Period period = Period.endingWith(last, 3);

            CampaignMetrics.Report report = app.services.campaigns().report(app.memberId(), period);

            assertEquals(count(raw, period, "Поиск — маникюр"), leads(report, MANICURE));
            assertEquals(count(raw, period, "Окрашивание — лето"), leads(report, COLOURING));
            assertTrue(leads(report, MANICURE) > 0 && leads(report, COLOURING) > 0, "the dataset tags both");
            long unmatched = report.unmatched().stream().filter(value -> value.utmCampaign().equals("poisk_brand"))
                    .mapToLong(CampaignMetrics.Unmatched::leads).sum();
            assertEquals(count(raw, period, "poisk_brand"), unmatched);
            assertTrue(unmatched > 0);
        }
    }

    private static long leads(CampaignMetrics.Report report, CampaignKey campaign) {
        return report.campaigns().stream().filter(row -> row.campaign().equals(campaign)).findFirst().orElseThrow()
                .metrics().leads();
    }

    private static long count(List<Map<String, Object>> raw, Period period, String utmCampaign) {
        return raw.stream().filter(lead -> period.contains(month(lead)))
                .filter(lead -> Objects.equals(CampaignCell.normalized((String) lead.get("UTM_CAMPAIGN")),
                        CampaignCell.normalized(utmCampaign)))
                .count();
    }

    private static YearMonth month(Map<String, Object> lead) {
        return YearMonth.from(OffsetDateTime.parse((String) lead.get("DATE_CREATE")).atZoneSameInstant(MOSCOW));
    }
}
