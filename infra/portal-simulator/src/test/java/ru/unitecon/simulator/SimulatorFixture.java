package ru.unitecon.simulator;

import java.time.Instant;

/** A simulator on a hand-moved clock with one portal and an admin token for it. */
final class SimulatorFixture implements AutoCloseable {
    final ManualClock clock = new ManualClock(Instant.parse("2026-08-14T09:00:00Z"));
    final PortalSimulator simulator;
    final SimulatedPortal portal;
    final String adminToken;

    SimulatorFixture(Dataset dataset) {
        this(dataset, SimulatorOptions.defaults());
    }

    SimulatorFixture(Dataset dataset, SimulatorOptions options) {
        simulator = PortalSimulator.start(options.withClock(clock));
        portal = simulator.createPortal(PortalSeed.of(dataset));
        adminToken = portal.issueTokens(dataset.adminUserId()).accessToken();
    }

    TestHttp.Reply call(String method, java.util.Map<String, Object> params) {
        return TestHttp.call(portal, method, adminToken, params);
    }

    @Override
    public void close() {
        simulator.close();
    }
}
