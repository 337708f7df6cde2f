package ru.unitecon.simulator;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * Runs a simulator with one generated portal until stopped, for the local run.
 * Options: {@code --leads N} (200), {@code --seed S} (1), {@code --client-id ID}, {@code --client-secret SECRET},
 * {@code --install URL --app URL} to install the app right away.
 */
public final class SimulatorMain {
    private SimulatorMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        Map<String, String> options = options(args);
        long seed = Long.parseLong(options.getOrDefault("seed", "1"));
        Dataset dataset = DatasetGenerator.generate(seed, Integer.parseInt(options.getOrDefault("leads", "200")));
        PortalSeed portalSeed = PortalSeed.of(dataset)
                .withMemberId(String.format("%032x", seed))
                .withClient(options.getOrDefault("client-id", "local.simulator.app"),
                        options.getOrDefault("client-secret", "simulator-secret"));

        PortalSimulator simulator = PortalSimulator.start(SimulatorOptions.defaults());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            simulator.close();
            stopped.countDown();
        }));
        SimulatedPortal portal = simulator.createPortal(portalSeed);

        System.out.println("OAuth server:    " + simulator.oauthServerUrl());
        System.out.println("Portal domain:   " + portal.domain());
        System.out.println("Client endpoint: " + portal.clientEndpoint());
        System.out.println("Server endpoint: " + portal.serverEndpoint());
        System.out.println("member_id:       " + portal.memberId());
        System.out.println("client_id:       " + portalSeed.clientId());
        System.out.println("Leads / deals:   " + portal.leads().size() + " / " + portal.deals().size());
        if (options.containsKey("install")) {
            int status = portal.installApp(URI.create(options.get("install")),
                    URI.create(options.getOrDefault("app", options.get("install")))).statusCode();
            System.out.println("Install POST answered HTTP " + status);
        }
        System.out.println("Running; stop with Ctrl-C.");
        stopped.await();
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected --name value pairs, got " + args[i]);
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        return options;
    }
}
