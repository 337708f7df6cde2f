package ru.unitecon.core.bitrix.rest;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import ru.unitecon.core.bitrix.SimulatedInstallation;
import ru.unitecon.core.bitrix.tokens.PortalNeedsReconnect;
import ru.unitecon.core.bitrix.tokens.InstallationTokens;
import ru.unitecon.simulator.RecordedCall;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RestClientTokensTest {
    private final SimulatedInstallation installed = SimulatedInstallation.start();

    @AfterEach
    void portalSawOnlyWellFormedCalls() {
        installed.closeAfterCheckingCalls();
    }

    @Test
    void expiredTokenIsRefreshedMidCallAndTheCallRepeatedOnce() {
        BitrixRestClient client = installed.client();
        client.call("crm.deal.get", Map.of("id", 1));
        InstallationTokens before = installed.storedTokens();
        installed.simulator.expireAllAccessTokens();

        JsonNode deal = client.call("crm.deal.get", Map.of("id", 2));

        assertEquals("2", deal.path("ID").asText());
        InstallationTokens after = installed.storedTokens();
        assertNotEquals(before.accessToken(), after.accessToken());
        assertNotEquals(before.refreshToken(), after.refreshToken());
        assertEquals(List.of(200, 401, 200), statuses());
    }

    @Test
    void twoThreadsHittingAnExpiredTokenAtOnceKeepOneValidPair() throws Exception {
        BitrixRestClient first = installed.client();
        BitrixRestClient second = installed.client();
        installed.simulator.expireAllAccessTokens();
        CountDownLatch start = new CountDownLatch(1);

        CompletableFuture<JsonNode> one = CompletableFuture.supplyAsync(() -> afterLatch(start, first, 3));
        CompletableFuture<JsonNode> two = CompletableFuture.supplyAsync(() -> afterLatch(start, second, 4));
        start.countDown();

        assertEquals("3", one.get().path("ID").asText());
        assertEquals("4", two.get().path("ID").asText());
        assertFalse(installed.store.needsReconnect(installed.memberId()));
        installed.simulator.expireAllAccessTokens();
        assertEquals("5", installed.client().call("crm.deal.get", Map.of("id", 5)).path("ID").asText());
    }

    @Test
    void refusedRefreshTokenMarksThePortalForReconnection() {
        BitrixRestClient client = installed.client();
        installed.portal.revokeRefreshTokens();
        installed.simulator.expireAllAccessTokens();

        PortalNeedsReconnect error = assertThrows(PortalNeedsReconnect.class,
                () -> client.call("crm.deal.get", Map.of("id", 1)));

        assertTrue(installed.store.needsReconnect(installed.memberId()));
        assertEquals("NEEDS_RECONNECT", error.errorCode());
    }

    @Test
    void refusedCallCarriesTheBitrixErrorCodeButNoToken() {
        BitrixApiError error = assertThrows(BitrixApiError.class,
                () -> installed.client().call("crm.deal.get", Map.of("id", 999_999)));

        assertEquals("NOT_FOUND", error.errorCode());
        assertEquals(400, error.httpStatus());
        assertFalse(error.getMessage().contains(installed.storedTokens().accessToken()));
    }

    private List<Integer> statuses() {
        return installed.portal.calls().all().stream().map(RecordedCall::httpStatus).toList();
    }

    private static JsonNode afterLatch(CountDownLatch start, BitrixRestClient client, long dealId) {
        try {
            start.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return client.call("crm.deal.get", Map.of("id", dealId));
    }
}
