package ru.unitecon.simulator;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;

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
        this(dataset, options, ZoneId.of("Europe/Moscow"));
    }

    /** A portal in {@code zone}. */
    SimulatorFixture(Dataset dataset, ZoneId zone) {
        this(dataset, SimulatorOptions.defaults(), zone);
    }

    private SimulatorFixture(Dataset dataset, SimulatorOptions options, ZoneId zone) {
        simulator = PortalSimulator.start(options.withClock(clock));
        portal = simulator.createPortal(PortalSeed.of(dataset).withTimeZone(zone));
        adminToken = portal.issueTokens(dataset.adminUserId()).accessToken();
    }

    TestHttp.Reply call(String method, Map<String, Object> params) {
        return TestHttp.call(portal, method, adminToken, params);
    }

    @Override
    public void close() {
        simulator.close();
    }
}
