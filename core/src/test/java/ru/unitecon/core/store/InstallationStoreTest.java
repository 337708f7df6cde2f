package ru.unitecon.core.store;

import org.junit.jupiter.api.Test;
import ru.unitecon.core.attribution.LeadSource;
import ru.unitecon.core.bitrix.tokens.InstallationTokens;
import ru.unitecon.core.crm.LeadSnapshot;
import ru.unitecon.core.crm.Semantic;
import ru.unitecon.core.portal.BiRegistration;
import ru.unitecon.core.portal.Installation;
import ru.unitecon.core.portal.PortalSettings;
import ru.unitecon.core.portal.InstallationStatus;
import ru.unitecon.testsupport.LocalDynamo;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InstallationStoreTest {
    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");

    private final InstallationStore portals = new InstallationStore(LocalDynamo.client(), LocalDynamo.TABLE);
    private final String member = LocalDynamo.freshMemberId();

    private Installation installation(String memberId, String applicationToken) {
        return new Installation(memberId, "salon.bitrix24.ru", URI.create("https://salon.bitrix24.ru/rest/"),
                URI.create("https://oauth.bitrix24.tech/rest/"), applicationToken, InstallationStatus.INSTALLED, NOW, null);
    }

    private static InstallationTokens tokens(String access, String refresh) {
        return new InstallationTokens(access, refresh, NOW.plusSeconds(3600), "https://salon.bitrix24.ru/rest/",
                "https://oauth.bitrix24.tech/rest/");
    }

    @Test
    void anInstalledPortalIsFoundAndListedAsActive() {
        portals.saveInstallation(installation(member, "app-token-1"));

        Installation found = portals.find(member).orElseThrow();

        assertEquals("app-token-1", found.applicationToken());
        assertEquals(InstallationStatus.INSTALLED, found.status());
        assertTrue(portals.activePortals().contains(member));
        assertFalse(found.toString().contains("app-token-1"), "the application token is never printed");
    }

    @Test
    void theBiBuilderRegistrationIsKeptAcrossAReinstallRecordAndForgottenAtUninstall() {
        portals.saveInstallation(installation(member, "app-token-1"));
        assertEquals(BiRegistration.NONE, portals.biRegistration(member));

        portals.saveBiRegistration(member, BiRegistration.NONE.withConnector(7));
        portals.saveBiRegistration(member, portals.biRegistration(member).withSource(9)
                .withDataset("monthly_metrics", 11));
        portals.saveInstallation(installation(member, null));

        assertEquals(new BiRegistration(7L, 9L, Map.of("monthly_metrics", 11L)), portals.biRegistration(member));
        portals.markUninstalled(member);
        assertEquals(BiRegistration.NONE, portals.biRegistration(member));
        assertEquals(BiRegistration.NONE, portals.biRegistration("not a member"));
    }

    @Test
    void anInstallationRecordedWithoutAnApplicationTokenKeepsTheStoredOneAndTheTokens() {
        portals.saveInstallation(installation(member, "old"));
        portals.saveTokens(member, tokens("a1", "r1"));

        portals.saveInstallation(installation(member, null));

        assertEquals("old", portals.find(member).orElseThrow().applicationToken());
        assertEquals("r1", portals.load(member).orElseThrow().refreshToken());
    }

    @Test
    void anApplicationTokenIsAdoptedOnlyWhileNoneIsStored() {
        portals.saveInstallation(installation(member, null));

        boolean first = portals.adoptApplicationToken(member, "genuine");
        boolean second = portals.adoptApplicationToken(member, "chosen-by-someone-else");

        assertTrue(first);
        assertFalse(second);
        assertEquals("genuine", portals.find(member).orElseThrow().applicationToken());
        assertFalse(portals.adoptApplicationToken(LocalDynamo.freshMemberId(), "t"), "no portal, no token");
    }

    @Test
    void anUninstallClearsTheApplicationTokenSoTheReinstallsMayBeAdopted() {
        portals.saveInstallation(installation(member, "first"));

        portals.markUninstalled(member);

        assertEquals(null, portals.find(member).orElseThrow().applicationToken());
        assertTrue(portals.adoptApplicationToken(member, "second"));
        assertEquals("second", portals.find(member).orElseThrow().applicationToken());
    }

    @Test
    void anUpdateRenewsTheApplicationTokenOfARecordedPortalOnly() {
        portals.saveInstallation(installation(member, "v1"));

        portals.renewApplicationToken(member, "v2");

        assertEquals("v2", portals.find(member).orElseThrow().applicationToken());
        assertThrows(ConditionalCheckFailedException.class,
                () -> portals.renewApplicationToken(LocalDynamo.freshMemberId(), "v2"));
    }

    @Test
    void ofTwoRefreshesFromTheSamePairOnlyOneIsStored() {
        portals.saveInstallation(installation(member, "t"));
        portals.saveTokens(member, tokens("a1", "r1"));

        boolean first = portals.replaceIfCurrent(member, tokens("a1", "r1"), tokens("a2", "r2"));
        boolean second = portals.replaceIfCurrent(member, tokens("a1", "r1"), tokens("a3", "r3"));

        assertTrue(first);
        assertFalse(second);
        assertEquals("r2", portals.load(member).orElseThrow().refreshToken());
    }

    @Test
    void uninstallForgetsTheTokensAndTakesThePortalOffTheActiveList() {
        portals.saveInstallation(installation(member, "t"));
        portals.saveTokens(member, tokens("a1", "r1"));

        portals.markUninstalled(member);

        assertEquals(Optional.empty(), portals.load(member));
        assertEquals(InstallationStatus.UNINSTALLED, portals.find(member).orElseThrow().status());
        assertFalse(portals.activePortals().contains(member));
    }

    @Test
    void aFailedRefreshMarksThePortalForReconnect() {
        portals.saveInstallation(installation(member, "t"));

        portals.markNeedsReconnect(member);

        assertEquals(InstallationStatus.NEEDS_RECONNECT, portals.find(member).orElseThrow().status());
        assertEquals(Optional.empty(), portals.load(member), "no worker keeps using a pair that cannot refresh");
    }

    @Test
    void reopeningTheAppWithFreshTokensReconnectsThePortal() {
        portals.saveInstallation(installation(member, "t"));
        portals.markNeedsReconnect(member);

        portals.saveTokens(member, tokens("a9", "r9"));

        assertEquals(InstallationStatus.INSTALLED, portals.find(member).orElseThrow().status());
        assertEquals("r9", portals.load(member).orElseThrow().refreshToken());
    }

    @Test
    void theRefreshConditionIsOnTheStoredRefreshToken() {
        assertEquals("refreshToken = :expected", InstallationStore.TOKEN_CONDITION);
    }

    @Test
    void purgeDeletesEveryItemOfThePortalAndNothingOfAnother() {
        String neighbour = LocalDynamo.freshMemberId();
        RecordStore recordStore = new RecordStore(LocalDynamo.client(), LocalDynamo.TABLE, Clock.systemUTC());
        SpendStore spend = new SpendStore(LocalDynamo.client(), LocalDynamo.TABLE);
        for (String portal : new String[] {member, neighbour}) {
            portals.saveInstallation(installation(portal, "t"));
            recordStore.apply(portal, PortalSettings.defaults(), new LeadSnapshot(1, NOW, NOW,
                    LeadSource.ofUtm("vk", null, null), Semantic.IN_PROGRESS, 3L, BigDecimal.ZERO, 1L, null));
            spend.replaceMonths(portal, Map.of(YearMonth.of(2026, 11), Map.of("vk", BigDecimal.TEN)));
        }

        int deleted = portals.purge(member);

        assertTrue(deleted >= 4, "portal, lead, client, aggregate and spend items");
        assertEquals(Optional.empty(), portals.find(member));
        assertEquals(Optional.empty(), recordStore.records().lead(member, 1));
        assertTrue(recordStore.records().lead(neighbour, 1).isPresent());
        assertEquals(1, spend.load(neighbour, YearMonth.of(2026, 11), YearMonth.of(2026, 11)).size());
    }

    @Test
    void aMalformedMemberIdFindsNothing() {
        assertEquals(Optional.empty(), portals.find("P#" + member));
        assertEquals(Optional.empty(), portals.find(""));
    }

    @Test
    void aRenamedPortalKeepsItsNewAddressForTheInstallationAndTheTokens() {
        portals.saveInstallation(installation(member, "app-token"));
        portals.saveTokens(member, tokens("a1", "r1"));

        portals.recordMove(member, "new-salon.bitrix24.ru", "https://new-salon.bitrix24.ru/rest/");

        assertEquals("new-salon.bitrix24.ru", portals.find(member).orElseThrow().domain());
        assertEquals(URI.create("https://new-salon.bitrix24.ru/rest/"), portals.find(member).orElseThrow().clientEndpoint());
        assertEquals("https://new-salon.bitrix24.ru/rest/", portals.load(member).orElseThrow().clientEndpoint());
        assertEquals("r1", portals.load(member).orElseThrow().refreshToken());
    }

    @Test
    void aMoveOfAPortalNotInstalledHereCreatesNothing() {
        assertThrows(ConditionalCheckFailedException.class,
                () -> portals.recordMove(member, "x.bitrix24.ru", "https://x.bitrix24.ru/rest/"));

        assertTrue(portals.find(member).isEmpty());
    }
}
