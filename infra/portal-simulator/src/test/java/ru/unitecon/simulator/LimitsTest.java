package ru.unitecon.simulator;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LimitsTest {
    private final SimulatorFixture fixture = new SimulatorFixture(Dataset.bundledSample());

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void requestAfterTheBurstIsQueryLimitExceeded() {
        spend(50);

        TestHttp.Reply reply = fixture.call("profile", Map.of());

        assertEquals(503, reply.status());
        assertEquals("QUERY_LIMIT_EXCEEDED", reply.error());
        assertEquals("Too many requests", reply.body().get("error_description"));
    }

    @Test
    void bucketDrainsTwoRequestsPerSecond() {
        spend(50);

        fixture.clock.advance(Duration.ofSeconds(1));

        assertEquals(200, fixture.call("profile", Map.of()).status());
        assertEquals(200, fixture.call("profile", Map.of()).status());
        assertEquals(503, fixture.call("profile", Map.of()).status());
    }

    @Test
    void aBatchCountsAsOneRequest() {
        spend(49);

        TestHttp.Reply batch = fixture.call("batch", Map.of("cmd", Map.of("a", "profile", "b", "profile", "c", "profile")));

        assertEquals(200, batch.status());
        assertEquals(503, fixture.call("profile", Map.of()).status());
    }

    @Test
    void portalsHaveTheirOwnBuckets() {
        spend(50);
        SimulatedPortal other = fixture.simulator.createPortal(PortalSeed.of(Dataset.bundledSample()));

        TestHttp.Reply reply = TestHttp.call(other, "profile", other.issueTokens("1").accessToken(), Map.of());

        assertEquals(200, reply.status());
    }

    @Test
    void operationTimeLimitBlocksOnlyThatMethod() {
        fixture.portal.injectFault("crm.lead.list", Fault.OPERATION_TIME_LIMIT);

        TestHttp.Reply blocked = fixture.call("crm.lead.list", Map.of());
        TestHttp.Reply other = fixture.call("crm.deal.list", Map.of());

        assertEquals(429, blocked.status());
        assertEquals("OPERATION_TIME_LIMIT", blocked.error());
        assertEquals(200, other.status());
    }

    @Test
    void injectedServerErrorIs500UntilCleared() {
        fixture.portal.injectFault("profile", Fault.SERVER_ERROR);
        assertEquals(500, fixture.call("profile", Map.of()).status());

        fixture.portal.clearFaults();

        assertEquals(200, fixture.call("profile", Map.of()).status());
    }

    private void spend(int requests) {
        for (int i = 0; i < requests; i++) {
            assertEquals(200, fixture.call("profile", Map.of()).status());
        }
    }
}
