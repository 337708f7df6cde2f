package ru.unitecon.core.export;

import org.junit.jupiter.api.Test;
import ru.unitecon.core.bitrix.inbound.MalformedRequest;
import ru.unitecon.core.metrics.Period;

import java.time.YearMonth;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ExportRequestTest {
    @Test
    void thePathNamesThePortalTheSecretAndTheFormat() {
        ExportRequest request = ExportRequest.parse("/bi/salon.1/s3cr3t-_x.json", "from=2026-01&to=2026-03")
                .orElseThrow();

        assertEquals("salon.1", request.memberId());
        assertEquals("s3cr3t-_x", request.secret());
        assertEquals(ExportRequest.Format.JSON, request.format());
        assertEquals(Optional.of(new Period(YearMonth.of(2026, 1), YearMonth.of(2026, 3))), request.period());
        assertFalse(request.toString().contains("s3cr3t"));
    }

    @Test
    void aStageNameBeforeTheRouteIsAllowed() {
        assertEquals("salon", ExportRequest.parse("/prod/bi/salon/abc.csv", "").orElseThrow().memberId());
    }

    @Test
    void otherPathsAreNoExport() {
        assertEquals(Optional.empty(), ExportRequest.parse("/bi/salon/abc.xlsx", ""));
        assertEquals(Optional.empty(), ExportRequest.parse("/bi/salon/abc/def.csv", ""));
        assertEquals(Optional.empty(), ExportRequest.parse(null, null));
    }

    @Test
    void aRangeMustBeMonthsInOrderAndAtMostThreeYears() {
        assertThrows(MalformedRequest.class, () -> ExportRequest.parse("/bi/s/a.csv", "from=2026-03"));
        assertThrows(MalformedRequest.class, () -> ExportRequest.parse("/bi/s/a.csv", "from=2026-03&to=2026-02"));
        assertThrows(MalformedRequest.class, () -> ExportRequest.parse("/bi/s/a.csv", "from=2023-03&to=2026-03"));
        assertEquals(36, ExportRequest.parse("/bi/s/a.csv", "from=2023-04&to=2026-03").orElseThrow()
                .period().orElseThrow().length());
    }

    @Test
    void theLevelIsChannelByDefaultOrCampaignOrHour() {
        assertEquals(ExportRequest.Level.CHANNEL, ExportRequest.parse("/bi/s/a.csv", "").orElseThrow().level());
        assertEquals(ExportRequest.Level.CAMPAIGN,
                ExportRequest.parse("/bi/s/a.csv", "level=campaign").orElseThrow().level());
        assertEquals(ExportRequest.Level.HOUR, ExportRequest.parse("/bi/s/a.json", "level=hour").orElseThrow().level());
        MalformedRequest keyword = assertThrows(MalformedRequest.class,
                () -> ExportRequest.parse("/bi/s/a.csv", "level=keyword"));
        assertEquals("level must be channel, campaign or hour", keyword.getMessage());
    }
}
