package ru.unitecon.core.bitrix.rest;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import ru.unitecon.core.bitrix.SimulatedInstallation;
import ru.unitecon.simulator.Fault;
import ru.unitecon.simulator.RecordedCall;
import ru.unitecon.simulator.SimulatorOptions;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RestClientLimitsTest {
    /** A portal far stricter than our bucket (burst 5 against our 40), so its refusals have to be handled. */
    private final SimulatedInstallation installed =
            SimulatedInstallation.start(SimulatorOptions.defaults().withRateLimit(5, 2.0));

    @AfterEach
    void portalSawOnlyWellFormedCalls() {
        installed.closeAfterCheckingCalls();
    }

    @Test
    void queryLimitBurstIsBackedOffAndEveryDealStillFetched() {
        BitrixRestClient client = installed.client();

        for (long id = 1; id <= 30; id++) {
            JsonNode deal = client.call("crm.deal.get", Map.of("id", id));
            assertEquals(id, deal.path("ID").asLong());
        }

        assertTrue(statusCount(503) > 0, "the portal refused some requests");
        assertEquals(30, statusCount(200));
        assertTrue(!installed.sleeper.waits().isEmpty());
    }

    @Test
    void portalThatKeepsRefusingEndsInRateLimitedWithRetryAfter() {
        try (SimulatedInstallation stalled =
                     SimulatedInstallation.start(SimulatorOptions.defaults().withRateLimit(1, 0.000_001))) {
            BitrixRestClient client = stalled.clientBuilder().maxLimitRetries(2).build();
            client.call("crm.deal.get", Map.of("id", 1));

            RateLimited error = assertThrows(RateLimited.class, () -> client.call("crm.deal.get", Map.of("id", 2)));

            assertEquals("QUERY_LIMIT_EXCEEDED", error.errorCode());
            assertEquals(Duration.ofSeconds(2), error.retryAfter());
            assertEquals(List.of(), stalled.portal.violations());
        }
    }

    @Test
    void operatingTimeBlockIsWaitedOutUntilItsReset() {
        BitrixRestClient client = installed.client();
        client.call("crm.deal.list", Map.of("select", List.of("ID"), "start", -1));
        installed.portal.injectFault("crm.deal.list", Fault.OPERATION_TIME_LIMIT);
        installed.sleeper.duringNextWait(installed.portal::clearFaults);

        JsonNode deals = client.call("crm.deal.list", Map.of("select", List.of("ID"), "start", -1));

        assertEquals(BitrixRestClient.PAGE_SIZE, deals.size());
        // The portal said the method's operating time resets 600 s after the first call; we wait one second more.
        assertEquals(List.of(Duration.ofSeconds(601)), installed.sleeper.waits());
    }

    @Test
    void operatingTimeBlockLongerThanWeMayWaitIsThrown() {
        BitrixRestClient client = installed.clientBuilder().maxOperatingWait(Duration.ofMinutes(1)).build();
        client.call("crm.deal.list", Map.of("select", List.of("ID"), "start", -1));
        installed.portal.injectFault("crm.deal.list", Fault.OPERATION_TIME_LIMIT);

        RateLimited error = assertThrows(RateLimited.class,
                () -> client.call("crm.deal.list", Map.of("select", List.of("ID"), "start", -1)));

        assertEquals("OPERATION_TIME_LIMIT", error.errorCode());
        assertEquals(Duration.ofSeconds(601), error.retryAfter());
        assertTrue(installed.sleeper.waits().isEmpty());
    }

    @Test
    void blockedMethodDoesNotBlockOthers() {
        BitrixRestClient client = installed.clientBuilder().maxOperatingWait(Duration.ofMinutes(1)).build();
        installed.portal.injectFault("crm.deal.list", Fault.OPERATION_TIME_LIMIT);

        assertThrows(RateLimited.class, () -> client.call("crm.deal.list", Map.of("start", -1)));

        assertEquals("1", client.call("crm.deal.get", Map.of("id", 1)).path("ID").asText());
    }

    @Test
    void serverErrorsAreRetriedAFewTimesThenReported() {
        BitrixRestClient client = installed.clientBuilder().maxTransientRetries(2).build();
        installed.portal.injectFault("crm.deal.get", Fault.SERVER_ERROR);

        PortalUnavailable error = assertThrows(PortalUnavailable.class,
                () -> client.call("crm.deal.get", Map.of("id", 1)));

        assertEquals(3, statusCount(500));
        assertEquals("PORTAL_UNAVAILABLE", error.errorCode());
    }

    @Test
    void serverErrorThatPassesIsRetriedToSuccess() {
        installed.portal.injectFault("crm.deal.get", Fault.SERVER_ERROR);
        installed.sleeper.duringNextWait(installed.portal::clearFaults);

        JsonNode deal = installed.client().call("crm.deal.get", Map.of("id", 1));

        assertEquals("1", deal.path("ID").asText());
    }

    @Test
    void writeIsNotRepeatedAfterAServerErrorSinceItMayHaveHappened() {
        installed.portal.injectFault("crm.timeline.comment.add", Fault.SERVER_ERROR);
        Map<String, Object> comment = Map.of("fields",
                Map.of("ENTITY_ID", 1, "ENTITY_TYPE", "deal", "COMMENT", "No-show, call back"));

        assertThrows(PortalUnavailable.class, () -> installed.client().call("crm.timeline.comment.add", comment));

        assertEquals(1, installed.portal.calls().count("crm.timeline.comment.add"));
    }

    @Test
    void hangingPortalTimesOutAndIsReported() {
        BitrixRestClient client = installed.clientBuilder().requestTimeout(Duration.ofMillis(300))
                .maxTransientRetries(1).build();
        installed.portal.injectFault("crm.deal.get", Fault.HANG);

        PortalUnavailable error = assertThrows(PortalUnavailable.class,
                () -> client.call("crm.deal.get", Map.of("id", 1)));

        assertTrue(error.getMessage().contains("HttpTimeoutException"));
    }

    private long statusCount(int status) {
        return installed.portal.calls().all().stream().map(RecordedCall::httpStatus).filter(s -> s == status).count();
    }
}
