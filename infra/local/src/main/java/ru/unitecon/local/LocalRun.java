package ru.unitecon.local;

import ru.unitecon.core.bitrix.oauth.AppCredentials;
import ru.unitecon.core.bitrix.oauth.OAuthServer;
import ru.unitecon.simulator.SimulatedPortal;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * The README's run command: {@code ./mvnw -Prun -pl infra/local -am process-classes}. Starts the {@link LocalStack}
 * with the demo salon in a simulated portal and prints where to look; Ctrl-C stops it.
 * <p>
 * Options, space-separated in {@code -Dlocal.args="..."}: {@code in-memory} (keep nothing; by default DynamoDB's
 * data stays in {@code .local-data/}), {@code port=8080} (the gateway's port), {@code leads=1200} (the demo
 * salon's six months), {@code data=PATH}, and {@code real-portal} to serve a real Bitrix24 portal instead of the
 * simulated one: {@code BITRIX_CLIENT_ID}, {@code BITRIX_CLIENT_SECRET} and {@code PUBLIC_URL} (the https address
 * of a tunnel to the gateway's port) come from the environment, {@code BITRIX_OAUTH_URL} optionally.
 */
public final class LocalRun {
    static final String PUBLIC_URL_VARIABLE = "PUBLIC_URL";

    private LocalRun() {
    }

    public static void main(String[] args) throws Exception {
        try {
            run(args);
        } catch (Exception e) {
            e.printStackTrace();
            System.err.println("The local stack did not start: " + e.getMessage());
            // DynamoDB Local leaves a non-daemon job thread behind even when stopped.
            System.exit(1);
        }
    }

    private static void run(String[] args) throws Exception {
        Instant started = Instant.now();
        Map<String, String> options = options(args);
        Path data = options.containsKey("in-memory") ? null : Path.of(options.getOrDefault("data", ".local-data"));
        int port = Integer.parseInt(options.getOrDefault("port", "8080"));

        LocalStack stack;
        String summary;
        if (options.containsKey("real-portal")) {
            URI publicUrl = publicUrl(System.getenv(PUBLIC_URL_VARIABLE));
            String oauth = System.getenv().getOrDefault("BITRIX_OAUTH_URL", "");
            stack = LocalStack.startForPortal(data, port, AppCredentials.fromEnvironment(), publicUrl,
                    oauth.isBlank() ? OAuthServer.WEST : URI.create(oauth.strip()));
            summary = realPortalSummary(stack, port);
        } else {
            DemoSalon salon = new DemoSalon(1, Integer.parseInt(options.getOrDefault("leads", "1200")), started);
            stack = LocalStack.startDemo(data, port, salon, Duration.ofMinutes(15));
            summary = demoSummary(stack, salon);
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("Stopping the local stack…");
            stack.close();
            stopped.countDown();
        }, "local-stack-shutdown"));

        System.out.printf("%nUnit Economics for Bitrix24: local stack up in %.1f s%n",
                Duration.between(started, Instant.now()).toMillis() / 1000.0);
        System.out.println(summary);
        System.out.println("  DynamoDB Local:   " + stack.dynamoEndpoint() + "  (table " + LocalStack.TABLE + ", "
                + (data == null ? "in memory" : "data in " + data.toAbsolutePath()) + ")");
        System.out.println("  SQS (ElasticMQ):  " + stack.queueUrl());
        System.out.println("  Scheduler:        every " + LocalStack.SCHEDULE.toMinutes() + " min");
        System.out.println("Stop with Ctrl-C.");
        stopped.await();
    }

    private static String demoSummary(LocalStack stack, DemoSalon salon) {
        SimulatedPortal portal = stack.simulatedPortal().orElseThrow();
        return String.join(System.lineSeparator(),
                "  Open the portal:  " + portal.appPageUrl() + "   (English: ?lang=en)",
                "  App (in iframe):  " + stack.appUrl() + "   (opens only by the portal's POST)",
                "  Health:           " + stack.healthUrl(),
                "  Install, events:  " + stack.installUrl() + ", " + stack.eventsUrl(),
                "  Demo salon:       " + salon.dataset().leads().size() + " leads, " + salon.dataset().deals().size()
                        + " deals, " + salon.months().getFirst() + " to " + salon.months().getLast()
                        + ", spend per month and channel; member_id " + DemoSalon.MEMBER_ID,
                "  Portal REST:      " + portal.clientEndpoint());
    }

    private static String realPortalSummary(LocalStack stack, int port) {
        return String.join(System.lineSeparator(),
                "  Gateway:          http://localhost:" + port + "/  (your tunnel forwards " + stack.appUrl().resolve("/")
                        + " here)",
                "  In the Bitrix24 app settings:",
                "    handler path:      " + stack.appUrl(),
                "    install path:      " + stack.installUrl(),
                "  Health:           " + stack.healthUrl());
    }

    private static URI publicUrl(String given) {
        if (given == null || given.isBlank()) {
            throw new IllegalStateException(PUBLIC_URL_VARIABLE + " must be the https address of a tunnel to the "
                    + "gateway's port, e.g. https://example.trycloudflare.com/");
        }
        String url = given.strip();
        return URI.create(url.endsWith("/") ? url : url + "/");
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            if (arg.isBlank()) {
                continue;
            }
            int equals = arg.indexOf('=');
            options.put(equals < 0 ? arg : arg.substring(0, equals), equals < 0 ? "" : arg.substring(equals + 1));
        }
        return options;
    }
}
