package ru.unitecon.core.spend;

import org.junit.jupiter.api.Test;
import ru.unitecon.core.access.SecretKind;
import ru.unitecon.core.bookkeeping.AggregateKey;
import ru.unitecon.core.portal.PortalSettings;
import ru.unitecon.testsupport.SeededSalon;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static ru.unitecon.testsupport.SeededSalon.FEBRUARY;
import static ru.unitecon.testsupport.SeededSalon.MARCH;

/** Spend posted with a portal's Spend API token, on DynamoDB Local: what is stored, what is refused and why. */
class SpendApiTest {
    private static final String RUSSIAN_EXCEL = "\uFEFFДата;Канал;Сумма;Валюта\r\n"
            + "2026-03-01;yandex_direct;1 200,50;RUB\r\n"
            + "2026-03-02;yandex_direct;800,00;RUB\r\n"
            + "2026-02;vk;5 000;RUB\r\n";

    private final SpendApi api = SeededSalon.spendApi();
    private final SeededSalon salon = new SeededSalon();
    private final String token = salon.secrets.create(salon.memberId, SecretKind.SPEND_API);

    private SpendPostOutcome post(String contentType, String body) {
        return api.post(SpendApi.authorization(salon.memberId, token), contentType, body);
    }

    private Map<AggregateKey, BigDecimal> stored() {
        return salon.spend.load(salon.memberId, YearMonth.of(2026, 1), YearMonth.of(2026, 12));
    }

    private static List<RowError> errors(SpendPostOutcome outcome) {
        return assertInstanceOf(SpendPostOutcome.Rejected.class, outcome).errors();
    }

    @Test
    void russianExcelCsvIsStoredWithDaysSummedIntoTheirMonth() {
        SpendPostOutcome outcome = post("text/csv; charset=utf-8", RUSSIAN_EXCEL);

        assertEquals(Set.of(new AggregateKey(MARCH, "yandex_direct"), new AggregateKey(FEBRUARY, "vk")),
                Set.copyOf(assertInstanceOf(SpendPostOutcome.Stored.class, outcome).cells()));
        assertEquals(Map.of(new AggregateKey(MARCH, "yandex_direct"), new BigDecimal("2000.5"),
                new AggregateKey(FEBRUARY, "vk"), new BigDecimal("5000")), stored());
    }

    @Test
    void jsonIsStored() {
        SpendPostOutcome outcome = post("application/json", """
                {"rows": [{"month": "2026-03", "channel": "avito", "amount": 1500.25, "currency": "RUB"},
                          {"date": "2026-03-31", "channel": "2gis", "amount": "99", "currency": "RUB"}]}""");

        assertInstanceOf(SpendPostOutcome.Stored.class, outcome);
        assertEquals(Map.of(new AggregateKey(MARCH, "avito"), new BigDecimal("1500.25"),
                new AggregateKey(MARCH, "2gis"), new BigDecimal("99")), stored());
    }

    @Test
    void repostingAMonthAndChannelReplacesItAndLeavesTheRestAlone() {
        post("text/csv", RUSSIAN_EXCEL);

        SpendPostOutcome outcome = post("text/csv", "2026-03-01,yandex_direct,700,RUB\n");

        assertEquals(List.of(new AggregateKey(MARCH, "yandex_direct")),
                assertInstanceOf(SpendPostOutcome.Stored.class, outcome).cells());
        assertEquals(Map.of(new AggregateKey(MARCH, "yandex_direct"), new BigDecimal("700"),
                new AggregateKey(FEBRUARY, "vk"), new BigDecimal("5000")), stored());
    }

    @Test
    void badRowsAreRefusedOneByOneAndNothingIsStored() {
        post("text/csv", RUSSIAN_EXCEL);

        List<RowError> errors = errors(post("text/csv", "period;channel;amount;currency\n"
                + "2026-03;vk;100;RUB\n"
                + "2026-03;vk;-5;RUB\n"
                + "2026-14;avito;5;RUB\n"
                + "2026-02;vk;1;RUB\n"));

        assertEquals(2, errors.size());
        assertEquals(3, errors.get(0).row());
        assertEquals(SpendProblem.AMOUNT, errors.get(0).problem());
        assertEquals(4, errors.get(1).row());
        assertEquals(SpendProblem.PERIOD, errors.get(1).problem());
        assertEquals(new BigDecimal("5000"), stored().get(new AggregateKey(FEBRUARY, "vk")));
        assertFalse(stored().containsKey(new AggregateKey(MARCH, "vk")));
    }

    @Test
    void aCurrencyOtherThanThePortalsIsARowError() {
        PortalSettings d = PortalSettings.defaults();
        SeededSalon.APP.settings().save(salon.memberId, new PortalSettings(d.zone(),
                "KZT", d.processingCostPerMonth(), d.variableCost(), d.retentionYears(), d.attribution(),
                d.orderSource(), d.activeWindowMonths(), d.channelRules(), d.reminders(), d.appointmentFields()));

        List<RowError> errors = errors(post("application/json",
                "[{\"month\": \"2026-03\", \"channel\": \"vk\", \"amount\": 1, \"currency\": \"RUB\"}]"));

        assertEquals(SpendProblem.CURRENCY, errors.getFirst().problem());
        assertTrue(stored().isEmpty());
    }

    @Test
    void aWrongRevokedOrOtherPortalsTokenIsUnauthorized() {
        String body = "2026-03,vk,1,RUB\n";
        String forged = (token.charAt(0) == 'A' ? "B" : "A") + token.substring(1);
        SeededSalon other = new SeededSalon();
        String othersToken = other.secrets.create(other.memberId, SecretKind.SPEND_API);
        String exportSecret = salon.secrets.create(salon.memberId, SecretKind.BI_EXPORT);

        for (String authorization : List.of(SpendApi.authorization(salon.memberId, forged),
                SpendApi.authorization(salon.memberId, othersToken), "Bearer " + token, "",
                SpendApi.authorization(salon.memberId, exportSecret))) {
            assertInstanceOf(SpendPostOutcome.Unauthorized.class, api.post(authorization, "text/csv", body),
                    authorization);
        }
        salon.secrets.revoke(salon.memberId, SecretKind.SPEND_API);
        assertInstanceOf(SpendPostOutcome.Unauthorized.class, post("text/csv", body));
        assertTrue(stored().isEmpty());
        assertTrue(other.spend.load(other.memberId, MARCH, MARCH).isEmpty());
    }

    @Test
    void anOversizedBodyIsRefusedUnparsed() {
        String body = "2026-03,vk,1,RUB\n".repeat(SpendApi.MAX_BODY_BYTES / 16 + 1);

        assertEquals(new SpendPostOutcome.TooLarge(SpendApi.MAX_BODY_BYTES), post("text/csv", body));
        assertTrue(stored().isEmpty());
    }

    @Test
    void malformedJsonIsMalformedAndSaysNothingInternal() {
        SpendPostOutcome outcome = post("application/json", "{\"rows\": [{\"month\": ");

        assertInstanceOf(SpendPostOutcome.Malformed.class, outcome);
        assertFalse(outcome.json().contains("Exception"));
        assertTrue(stored().isEmpty());
    }

    @Test
    void anotherContentTypeIsUnsupported() {
        assertEquals(new SpendPostOutcome.UnsupportedType(), post("application/xml", "<spend/>"));
    }

    @Test
    void moreMonthsAndChannelsThanOneChangeHoldsAreRefused() {
        StringBuilder body = new StringBuilder();
        for (int channel = 0; channel < 11; channel++) {
            for (int month = 1; month <= 10; month++) {
                body.append(YearMonth.of(2025, month)).append(",c").append(channel).append(",1,RUB\n");
            }
        }

        assertEquals(SpendProblem.TOO_MANY, errors(post("text/csv", body.toString())).getFirst().problem());
    }
}
