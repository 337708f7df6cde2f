package ru.unitecon.core.bitrix.tokens;

import org.junit.jupiter.api.Test;
import ru.unitecon.core.bitrix.oauth.AppCredentials;
import ru.unitecon.core.bitrix.oauth.OAuthServer;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The paths that must not reach the OAuth server: its address here is a closed port, so reaching it would fail
 * the test. Refreshing itself is tested against the portal simulator.
 */
class TokenRefresherTest {
    private static final String MEMBER = "a223c6b3710f85df22e9377d6c4f7553";
    private static final InstallationTokens OLD = new InstallationTokens("access-1", "refresh-1",
            Instant.parse("2026-11-23T10:00:00Z"), "https://acme.bitrix24.com/rest/", null);
    private static final InstallationTokens ROTATED = new InstallationTokens("access-2", "refresh-2",
            Instant.parse("2026-11-23T11:00:00Z"), "https://acme.bitrix24.com/rest/", null);

    private final InMemoryTokenStorage store = new InMemoryTokenStorage();
    private final TokenRefresher refresher = new TokenRefresher(new OAuthServer(HttpClient.newHttpClient(),
            new AppCredentials("local.1", "secret"), List.of(URI.create("http://127.0.0.1:9/"))), store);

    @Test
    void pairRotatedByAnotherWorkerIsUsedAsIs() {
        store.put(MEMBER, ROTATED);

        assertEquals(ROTATED, refresher.afterExpired(MEMBER, OLD.accessToken()));
    }

    @Test
    void twoThreadsWithTheSameExpiredTokenBothGetTheRotatedPair() throws Exception {
        store.put(MEMBER, ROTATED);
        CountDownLatch start = new CountDownLatch(1);

        List<CompletableFuture<InstallationTokens>> results = List.of(
                CompletableFuture.supplyAsync(() -> awaitThenRefresh(start)),
                CompletableFuture.supplyAsync(() -> awaitThenRefresh(start)));
        start.countDown();

        for (CompletableFuture<InstallationTokens> result : results) {
            assertEquals(ROTATED, result.get());
        }
    }

    @Test
    void portalWithoutTokensMustReconnect() {
        PortalNeedsReconnect error = assertThrows(PortalNeedsReconnect.class,
                () -> refresher.afterExpired(MEMBER, "access-1"));

        assertEquals("NEEDS_RECONNECT", error.errorCode());
        assertFalse(error.getMessage().contains("access-1"));
    }

    private InstallationTokens awaitThenRefresh(CountDownLatch start) {
        try {
            start.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return refresher.afterExpired(MEMBER, OLD.accessToken());
    }
}
