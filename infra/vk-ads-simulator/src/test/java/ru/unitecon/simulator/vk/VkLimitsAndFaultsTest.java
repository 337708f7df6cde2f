package ru.unitecon.simulator.vk;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import ru.unitecon.simulator.loopback.FaultSchedule;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class VkLimitsAndFaultsTest {
    @AutoClose
    private final VkFixture fixture = new VkFixture(VkAdsSimulatorOptions.defaults().withRequestsPerSecond(3));
    private final String token = fixture.salonToken();

    @Test
    void pastTheRequestRateTheApiAnswers429UntilTheSecondPasses() {
        VkFixture.Reply first = fixture.get(token, "/api/v2/user.json");
        fixture.get(token, "/api/v2/user.json");
        fixture.get(token, "/api/v2/user.json");

        VkFixture.Reply fourth = fixture.get(token, "/api/v2/user.json");
        fixture.clock.advance(Duration.ofSeconds(1));
        VkFixture.Reply later = fixture.get(token, "/api/v2/user.json");

        assertEquals("3", first.header("X-RateLimit-RPS-Limit"));
        assertEquals("2", first.header("X-RateLimit-RPS-Remaining"));
        assertEquals(429, fourth.status());
        assertEquals(200, later.status());
    }

    @Test
    void injectedErrorsPlayForTheCountedRequests() {
        String path = "/api/v2/statistics/ad_plans/day.json";
        fixture.simulator.faults().inject(path, VkFault.SERVER_ERROR, 1);
        fixture.simulator.faults().inject("/api/v2/oauth2/token.json", VkFault.SERVICE_UNAVAILABLE, 1);

        assertEquals(500, fixture.stats(token, "date_from=2026-08-01&date_to=2026-08-01").status());
        assertEquals(200, fixture.stats(token, "date_from=2026-08-01&date_to=2026-08-01").status());
        assertEquals(503, fixture.clientCredentials().status());
        assertEquals(200, fixture.clientCredentials().status());
        assertEquals(2, fixture.simulator.requests().count(path));
        assertEquals(1, fixture.simulator.requests().count(path, 500));
    }

    @Test
    void anInjected429IsAnsweredWithoutTouchingTheRate() {
        fixture.simulator.faults().inject("/api/v2/user.json", VkFault.TOO_MANY_REQUESTS, 1);

        assertEquals(429, fixture.get(token, "/api/v2/user.json").status());
        assertEquals("3", fixture.get(token, "/api/v2/user.json").header("X-RateLimit-RPS-Limit"));
    }

    @Test
    void aHangTimesTheClientOutAndGoesOnWhenReleased() throws Exception {
        fixture.simulator.faults().inject("/api/v2/ad_plans.json", VkFault.HANG, FaultSchedule.UNTIL_CLEARED);
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(fixture.simulator.baseUrl().resolve("api/v2/ad_plans.json"))
                .header("Authorization", "Bearer " + token).timeout(Duration.ofMillis(300)).GET().build();

        assertThrows(HttpTimeoutException.class, () -> client.send(request, HttpResponse.BodyHandlers.ofString()));

        CompletableFuture<HttpResponse<String>> waiting = client.sendAsync(HttpRequest.newBuilder(request.uri())
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
        while (fixture.simulator.faults().held() < 1) {
            Thread.onSpinWait();
        }
        fixture.simulator.faults().clear();
        assertEquals(200, waiting.get().statusCode());
    }
}
