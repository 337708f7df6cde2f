package ru.unitecon.simulator.yandex;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import ru.unitecon.simulator.loopback.FaultSchedule;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ReportsFaultTest {
    @AutoClose
    private final YandexFixture fixture = new YandexFixture();
    private final String token = fixture.tokenOf(DirectDataset.SALON_LOGIN);
    private final String body = DirectHttp.spendDefinition("faults", "2026-08-01", "2026-08-01");

    @Test
    void aServerErrorPlaysForTheCountedRequestsThenTheServiceRecovers() {
        fixture.simulator.faults().inject(YandexSimulator.Endpoint.REPORTS.path(), YandexFault.SERVER_ERROR, 2);

        DirectHttp.Reply first = fixture.report(token, body);
        DirectHttp.Reply second = fixture.report(token, body);
        DirectHttp.Reply third = fixture.report(token, body);

        assertEquals(500, first.status());
        assertEquals(1000, first.errorCode());
        assertEquals(500, second.status());
        assertEquals(200, third.status());
        assertEquals(3, fixture.simulator.requests().count(ReportsHandler.PATH));
        assertEquals(2, fixture.simulator.requests().count(ReportsHandler.PATH, 500));
    }

    @Test
    void badGatewayAndAuthorizationServerFaultsAnswerTheirCodes() {
        fixture.simulator.faults().inject(YandexSimulator.Endpoint.REPORTS.path(), YandexFault.BAD_GATEWAY, 1);
        assertEquals(502, fixture.report(token, body).status());

        fixture.simulator.faults().inject(YandexSimulator.Endpoint.REPORTS.path(), YandexFault.AUTHORIZATION_SERVER_UNAVAILABLE, 1);
        assertEquals(52, fixture.report(token, body).errorCode());
    }

    @Test
    void aHangTimesTheClientOutAndGoesOnWhenReleased() throws Exception {
        fixture.simulator.faults().inject(YandexSimulator.Endpoint.REPORTS.path(), YandexFault.HANG, FaultSchedule.UNTIL_CLEARED);
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(fixture.simulator.reportsUrl()).timeout(Duration.ofMillis(300))
                .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.ofString(body)).build();

        assertThrows(HttpTimeoutException.class, () -> client.send(request, HttpResponse.BodyHandlers.ofString()));

        CompletableFuture<HttpResponse<String>> waiting = client.sendAsync(HttpRequest.newBuilder(fixture.simulator.reportsUrl())
                .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        while (fixture.simulator.faults().held() < 1) {
            Thread.onSpinWait();
        }
        fixture.simulator.faults().clear();
        assertEquals(200, waiting.get().statusCode());
    }

    @Test
    void theTokenEndpointCanFailToo() {
        fixture.simulator.faults().inject(YandexSimulator.Endpoint.TOKEN.path(), YandexFault.SERVER_ERROR, 1);
        String refreshToken = fixture.simulator.issueTokens(YandexFixture.CLIENT_ID, DirectDataset.SALON_LOGIN).refreshToken();
        Map<String, String> form = Map.of("grant_type", "refresh_token", "refresh_token", refreshToken,
                "client_id", YandexFixture.CLIENT_ID, "client_secret", YandexFixture.CLIENT_SECRET);

        assertEquals(500, DirectHttp.postForm(fixture.simulator.oauthUrl().resolve("token"), form).status());
        assertEquals(200, DirectHttp.postForm(fixture.simulator.oauthUrl().resolve("token"), form).status());
    }
}
