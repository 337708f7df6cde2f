package ru.unitecon.simulator;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A portal's time zone in what it writes and in server.time, and its currencies (bitrix24.md §7.3, §13). */
class PortalZoneAndCurrencyTest {
    private static final Instant UNTIL = Instant.parse("2026-08-14T09:00:00Z");
    private SimulatorFixture fixture;

    @AfterEach
    void stop() {
        assertEquals(List.of(), fixture.portal.violations());
        fixture.close();
    }

    @ParameterizedTest
    @CsvSource({"Asia/Yekaterinburg, 2026-08-14T14:00:00+05:00", "Asia/Novosibirsk, 2026-08-14T16:00:00+07:00",
            "America/Sao_Paulo, 2026-08-14T06:00:00-03:00"})
    void serverTimeAnswersInThePortalsZone(String zone, String expected) {
        fixture = new SimulatorFixture(DatasetGenerator.generateVaried(1, 5, ZoneId.of(zone), UNTIL), ZoneId.of(zone));

        assertEquals(expected, fixture.call("server.time", Map.of()).result());
    }

    @Test
    void datesAreWrittenWithThePortalsOffsetAndDateOnlyFieldsAsItsMidnight() {
        ZoneId yekaterinburg = ZoneId.of("Asia/Yekaterinburg");
        fixture = new SimulatorFixture(DatasetGenerator.generateVaried(2, 200, yekaterinburg, UNTIL), yekaterinburg);

        for (Map<String, Object> deal : fixture.portal.deals().all()) {
            assertTrue(String.valueOf(deal.get("DATE_CREATE")).endsWith("+05:00"));
            String closeDate = String.valueOf(deal.get("CLOSEDATE"));
            assertTrue(closeDate.isEmpty() || closeDate.matches("\\d{4}-\\d{2}-\\d{2}T00:00:00\\+05:00"), closeDate);
        }
    }

    @Test
    void theBaseCurrencyAndTheRatesAreAnsweredAsTheDocumentationShowsThem() {
        fixture = new SimulatorFixture(DatasetGenerator.generateVaried(3, 5, ZoneId.of("Europe/Moscow"), UNTIL));

        TestHttp.Reply list = fixture.call("crm.currency.list", Map.of("order", Map.of("sort", "asc")));

        assertEquals("RUB", fixture.call("crm.currency.base.get", Map.of()).result());
        assertEquals(0, list.body().get("total"));
        List<?> rows = (List<?>) list.result();
        Map<?, ?> tenge = rows.stream().map(row -> (Map<?, ?>) row).filter(row -> "KZT".equals(row.get("CURRENCY")))
                .findFirst().orElseThrow();
        assertEquals("100", tenge.get("AMOUNT_CNT"));
        assertEquals("18.3100", tenge.get("AMOUNT"));
        assertEquals("N", tenge.get("BASE"));
        assertEquals("Y", ((Map<?, ?>) rows.getFirst()).get("BASE"), "the base currency sorts first");
        assertEquals("USD", ((Map<?, ?>) fixture.call("crm.currency.get", Map.of("id", "USD")).result())
                .get("CURRENCY"));
        assertEquals("NOT_FOUND", fixture.call("crm.currency.get", Map.of("id",
                DatasetGenerator.UNRATED_CURRENCY)).error());
    }

    @Test
    void anAdministratorsNewRateIsWhatTheListAnswersNext() {
        fixture = new SimulatorFixture(DatasetGenerator.generateVaried(3, 5, ZoneId.of("Europe/Moscow"), UNTIL));

        fixture.portal.setCurrencyRate("USD", "95.1000", "1");
        fixture.portal.setCurrencyRate("CNY", "127.5000", "10");

        Set<String> listed = new TreeSet<>();
        for (Object row : (List<?>) fixture.call("crm.currency.list", Map.of()).result()) {
            Map<?, ?> currency = (Map<?, ?>) row;
            listed.add(currency.get("CURRENCY") + " " + currency.get("AMOUNT") + "/" + currency.get("AMOUNT_CNT"));
        }
        assertEquals(Set.of("RUB 1.0000/1", "USD 95.1000/1", "KZT 18.3100/100", "CNY 127.5000/10"), listed);
    }

    @Test
    void aPlainPortalIsInRoublesOnly() {
        fixture = new SimulatorFixture(DatasetGenerator.generate(4, 100));

        assertEquals(1, ((List<?>) fixture.call("crm.currency.list", Map.of()).result()).size());
        assertTrue(fixture.portal.deals().all().stream().allMatch(deal -> "RUB".equals(deal.get("CURRENCY_ID"))));
    }

    @Test
    void aVariedPortalHasEveryCaseThatBreaksNaiveNumbers() {
        ZoneId novosibirsk = ZoneId.of("Asia/Novosibirsk");
        Dataset dataset = DatasetGenerator.generateVaried(5, 400, novosibirsk, UNTIL);
        fixture = new SimulatorFixture(dataset, novosibirsk);

        List<Map<String, Object>> won = dataset.deals().stream().filter(deal -> "S".equals(deal.get("STAGE_SEMANTIC_ID")))
                .toList();
        Set<Object> currencies = new TreeSet<>();
        won.forEach(deal -> currencies.add(deal.get("CURRENCY_ID")));
        assertEquals(Set.of("BYN", "KZT", "RUB", "USD"), currencies);
        assertTrue(won.stream().anyMatch(deal -> String.valueOf(deal.get("CLOSEDATE")).matches(".*-01T00:00:00\\+07:00")));
        assertTrue(won.stream().anyMatch(deal -> "".equals(deal.get("CLOSEDATE"))));
        assertEquals(dataset.toJson(), DatasetGenerator.generateVaried(5, 400, novosibirsk, UNTIL).toJson());
    }
}
