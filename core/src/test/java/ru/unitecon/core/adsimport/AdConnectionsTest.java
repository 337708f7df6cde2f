package ru.unitecon.core.adsimport;

import org.junit.jupiter.api.Test;
import ru.unitecon.core.ads.AdAccount;
import ru.unitecon.core.ads.AdConnection;
import ru.unitecon.core.ads.AdPlatform;
import ru.unitecon.core.ads.AdTokens;
import ru.unitecon.core.ads.ConnectionState;
import ru.unitecon.core.adsapi.TokenSealException;
import ru.unitecon.core.store.AdConnectionStore;
import ru.unitecon.simulator.vk.VkAdsDataset;
import ru.unitecon.simulator.yandex.DirectDataset;
import ru.unitecon.testsupport.LocalDynamo;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AdConnectionsTest {
    private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");

    private static AdConnection connection(AdWorld world, AdAccount account) {
        return world.ads.connecting().list(world.memberId()).stream()
                .filter(c -> c.account().equals(account)).findFirst().orElseThrow();
    }

    @Test
    void aForgedReplayedExpiredOrOtherPortalsStateConnectsNothing() {
        try (AdWorld world = new AdWorld(MOSCOW)) {
            world.at("2026-11-23T12:00");
            AdConnections connecting = world.ads.connecting();
            world.yandex.signIn(DirectDataset.SALON_LOGIN);

            Map<String, String> back = world.followConsent(connecting.start(world.memberId(), world.admin, true,
                    AdPlatform.YANDEX_DIRECT, null));
            String state = back.get("state");
            String secret = state.substring(state.lastIndexOf('.') + 1);
            String otherPortal = LocalDynamo.freshMemberId() + "." + secret;
            assertThrows(AdConnections.ConnectRefused.class,
                    () -> connecting.finish(AdPlatform.YANDEX_DIRECT, otherPortal, back.get("code"), null));
            String forged = world.memberId() + "." + "A".repeat(43);
            assertThrows(AdConnections.ConnectRefused.class,
                    () -> connecting.finish(AdPlatform.YANDEX_DIRECT, forged, back.get("code"), null));
            assertThrows(AdConnections.ConnectRefused.class,
                    () -> connecting.finish(AdPlatform.VK_ADS, state, back.get("code"), null), "another platform");

            Map<String, String> again = world.followConsent(connecting.start(world.memberId(), world.admin, true,
                    AdPlatform.YANDEX_DIRECT, null));
            connecting.finish(AdPlatform.YANDEX_DIRECT, again.get("state"), again.get("code"), null);
            assertThrows(AdConnections.ConnectRefused.class,
                    () -> connecting.finish(AdPlatform.YANDEX_DIRECT, again.get("state"), again.get("code"), null),
                    "a state finishes one connection");

            Map<String, String> late = world.followConsent(connecting.start(world.memberId(), world.admin, true,
                    AdPlatform.YANDEX_DIRECT, null));
            world.app.clock.advance(AdConnections.STATE_LIFETIME.plus(Duration.ofSeconds(1)));
            assertThrows(AdConnections.ConnectRefused.class,
                    () -> connecting.finish(AdPlatform.YANDEX_DIRECT, late.get("state"), late.get("code"), null));
            assertEquals(1, connecting.list(world.memberId()).size());
        }
    }

    @Test
    void anEmployeeCanNeitherConnectNorDisconnect() {
        try (AdWorld world = new AdWorld(MOSCOW)) {
            world.at("2026-11-23T12:00");
            AdAccount account = world.connectDirect(DirectDataset.SALON_LOGIN, null).account();
            AdConnections connecting = world.ads.connecting();

            assertThrows(AdConnections.NotAdministrator.class, () -> connecting.start(world.memberId(), 7, false,
                    AdPlatform.VK_ADS, null));
            assertThrows(AdConnections.NotAdministrator.class,
                    () -> connecting.disconnect(world.memberId(), false, account));

            assertEquals(1, connecting.list(world.memberId()).size());
        }
    }

    @Test
    void tokensAreStoredSealedAndAnotherKeyFailsClearlyAndMarksTheAccountForReconnecting() {
        try (AdWorld world = new AdWorld(MOSCOW)) {
            world.at("2026-11-23T12:00");
            AdAccount account = world.connectVk(VkAdsDataset.SALON_USERNAME).account();

            byte[] sealed = world.ads.connections().find(world.memberId(), account).orElseThrow().sealedTokens();
            String stored = new String(sealed, StandardCharsets.ISO_8859_1);
            AdTokens plain = SealedTokens.open(AdWorld.sealer(world.tokenKey), world.memberId(), account, sealed);
            assertFalse(stored.contains(plain.accessToken()), "the access token is not in the item in clear");
            assertFalse(stored.contains(plain.refreshToken()), "nor the refresh token");

            TokenSealException wrong = assertThrows(TokenSealException.class,
                    () -> SealedTokens.open(AdWorld.sealer(AdWorld.randomKey()), world.memberId(), account, sealed));
            assertTrue(wrong.getMessage().contains("cannot be opened with this key"), wrong.getMessage());
            assertThrows(TokenSealException.class, () -> SealedTokens.open(AdWorld.sealer(world.tokenKey),
                    "another-portal", account, sealed), "sealed for this portal and account only");

            assertEquals(AdSpendImport.Outcome.RECONNECT, world.services(AdWorld.randomKey()).importer()
                    .importNow(world.memberId(), account));
            AdConnection refused = connection(world, account);
            assertEquals(ConnectionState.RECONNECT, refused.state());
            assertTrue(refused.lastError().contains("cannot be opened with this key"), refused.lastError());
        }
    }

    @Test
    void vkTokensAreRefreshedWhenExpiredAndDisconnectDeletesThemAtVk() {
        try (AdWorld world = new AdWorld(MOSCOW)) {
            world.at("2026-11-23T12:00");
            AdAccount account = world.connectVk(VkAdsDataset.SALON_USERNAME).account();
            byte[] first = world.ads.connections().find(world.memberId(), account).orElseThrow().sealedTokens();

            world.at("2026-11-25T06:00");
            assertEquals(new AdImportReport(1, 0, 0), world.ads.importer().run());

            byte[] refreshed = world.ads.connections().find(world.memberId(), account).orElseThrow().sealedTokens();
            assertFalse(java.util.Arrays.equals(first, refreshed), "the new access token is stored");
            world.vk.expireAllAccessTokens();
            world.at("2026-11-26T06:00");
            assertEquals(new AdImportReport(1, 0, 0), world.ads.importer().run(), "refused as expired: refreshed");

            world.ads.connecting().disconnect(world.memberId(), true, account);

            assertTrue(world.ads.connecting().list(world.memberId()).isEmpty());
            assertEquals(0, world.vk.tokenCount("vk-app", VkAdsDataset.SALON_USERNAME));
        }
    }

    @Test
    void aRevokedTokenMarksTheConnectionForReconnectingAndTellsTheAdministratorOnce() {
        try (AdWorld world = new AdWorld(MOSCOW)) {
            world.at("2026-11-23T12:00");
            AdAccount direct = world.connectDirect(DirectDataset.SALON_LOGIN, null).account();
            AdAccount vk = world.connectVk(VkAdsDataset.SALON_USERNAME).account();
            world.yandex.revokeUserAccess(DirectDataset.SALON_LOGIN, "direct-app");

            world.at("2026-11-24T06:00");
            assertEquals(new AdImportReport(1, 1, 1), world.ads.importer().run());
            world.at("2026-11-25T06:00");
            assertEquals(new AdImportReport(1, 0, 0), world.ads.importer().run(), "only VK imports now");

            AdConnection revoked = connection(world, direct);
            assertEquals(ConnectionState.RECONNECT, revoked.state());
            assertTrue(revoked.lastError().contains("53"), revoked.lastError());
            var notices = world.notifications().stream()
                    .filter(n -> n.message().contains(DirectDataset.SALON_LOGIN)).toList();
            assertEquals(1, notices.size());
            assertEquals(String.valueOf(world.admin), notices.getFirst().toUserId());
            assertEquals(ConnectionState.ACTIVE, connection(world, vk).state());

            world.connectDirect(DirectDataset.SALON_LOGIN, null);
            assertEquals(ConnectionState.ACTIVE, connection(world, direct).state(), "connecting again clears it");
        }
    }

    @Test
    void startGivesThePlatformsConsentAddressAndTakesAClientLoginForDirectOnly() {
        try (AdWorld world = new AdWorld(MOSCOW)) {
            AdConnectionStore store = world.ads.connections();
            assertTrue(store.list(world.memberId()).isEmpty());
            URI consent = world.ads.connecting().start(world.memberId(), world.admin, true, AdPlatform.VK_ADS, null);
            assertTrue(consent.toString().startsWith(world.vk.baseUrl().toString()));
            assertThrows(IllegalArgumentException.class, () -> world.ads.connecting().start(world.memberId(),
                    world.admin, true, AdPlatform.VK_ADS, "some-client"), "a client login is for Direct only");
        }
    }
}
