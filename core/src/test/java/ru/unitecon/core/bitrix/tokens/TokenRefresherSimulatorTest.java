package ru.unitecon.core.bitrix.tokens;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import ru.unitecon.core.bitrix.SimulatedInstallation;
import ru.unitecon.core.bitrix.oauth.TokenGrant;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** Refreshing against the simulator's OAuth server, which spends each refresh token on first use. */
class TokenRefresherSimulatorTest {
    private final SimulatedInstallation installed = SimulatedInstallation.start();

    @AfterEach
    void portalSawOnlyWellFormedCalls() {
        installed.closeAfterCheckingCalls();
    }

    @Test
    void expiredPairIsRefreshedAndStored() {
        InstallationTokens before = installed.storedTokens();

        InstallationTokens after = installed.refresher.afterExpired(installed.memberId(), before.accessToken());

        assertNotEquals(before.refreshToken(), after.refreshToken());
        assertEquals(after, installed.storedTokens());
    }

    @Test
    void workerElsewhereThatSpentTheRefreshTokenButHasNotStoredYetIsWaitedFor() {
        InstallationTokens before = installed.storedTokens();
        // Another Lambda has just refreshed; its conditional write lands while we look again.
        TokenGrant elsewhere = installed.oauth.refresh(before.serverEndpoint(), before.refreshToken());
        InstallationTokens theirs = before.rotated(elsewhere);
        installed.sleeper.duringNextWait(() -> installed.store.replaceIfCurrent(installed.memberId(), before, theirs));

        InstallationTokens ours = installed.refresher.afterExpired(installed.memberId(), before.accessToken());

        assertEquals(theirs, ours);
        assertFalse(installed.store.needsReconnect(installed.memberId()));
        assertEquals(List.of(TokenRefresher.RACE_GRACE), installed.sleeper.waits());
    }

    @Test
    void secondWorkerWithTheSameExpiredTokenTakesTheFirstOnesPair() {
        InstallationTokens before = installed.storedTokens();
        TokenRefresher otherJvm = new TokenRefresher(installed.oauth, installed.store, installed.sleeper);
        InstallationTokens winners = otherJvm.afterExpired(installed.memberId(), before.accessToken());

        InstallationTokens ours = installed.refresher.afterExpired(installed.memberId(), before.accessToken());

        assertEquals(winners, ours);
        assertFalse(installed.store.needsReconnect(installed.memberId()));
    }
}
