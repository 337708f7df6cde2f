package ru.unitecon.functions;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import ru.unitecon.simulator.DatasetGenerator;

import ru.unitecon.testsupport.Percentiles;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The events path's figures for docs/benchmarks.md: warm handler latency in-process (DynamoDB Local and ElasticMQ
 * behind it), JVM start to first handled event against a bare handler, and the burst of 1 000 lead changes (REST
 * calls per changed lead, time to store them all). Prints Markdown.
 */
public final class EventsBenchmark {
    private static final int WARMUP = 500;
    private static final int SAMPLES = 3_000;
    private static final int COLD_RUNS = 9;

    private EventsBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        warmLatency();
        coldStart();
        burst();
    }

    private static void warmLatency() {
        try (AppOnSimulatedPortal app = AppOnSimulatedPortal.start(DatasetGenerator.generate(1, 100))) {
            app.installAndBackfill();
            APIGatewayV2HTTPEvent event = event(eventBody(app.memberId(), app.portal.applicationToken()));
            double[] ms = new double[SAMPLES];
            for (int i = -WARMUP; i < SAMPLES; i++) {
                long start = System.nanoTime();
                int status = app.eventsHandler.handleRequest(event, null).getStatusCode();
                long elapsed = System.nanoTime() - start;
                if (status != 200) {
                    throw new IllegalStateException("the events handler answered " + status);
                }
                if (i >= 0) {
                    ms[i] = elapsed / 1e6;
                }
            }
            System.out.println("| warm events handler (verify token, enqueue) | p50 " + fmt(Percentiles.of(ms, 50))
                    + " ms | p99 " + fmt(Percentiles.of(ms, 99)) + " ms | " + SAMPLES + " events |");
        }
    }

    /** Each run is a fresh JVM that builds the handler from the environment and handles one event. */
    private static void coldStart() throws Exception {
        try (ColdStartWorld world = ColdStartWorld.start()) {
            Map<String, String> environment = world.environment;
            for (List<String> flags : List.of(List.<String>of(), List.of("-XX:TieredStopAtLevel=1"))) {
                double[] hello = new double[COLD_RUNS];
                double[] events = new double[COLD_RUNS];
                for (int run = 0; run < COLD_RUNS; run++) {
                    hello[run] = probe("hello", flags, environment);
                    events[run] = probe("events", flags, environment);
                }
                double ratio = Percentiles.of(events, 50) / Percentiles.of(hello, 50);
                System.out.println("| JVM start to first handled event " + (flags.isEmpty() ? "(defaults)" : flags)
                        + " | events " + fmt(Percentiles.of(events, 50)) + " ms | hello world "
                        + fmt(Percentiles.of(hello, 50)) + " ms | ratio " + String.format("%.2f", ratio)
                        + " (median of " + COLD_RUNS + ") |");
            }
        }
    }

    private static double probe(String handler, List<String> flags, Map<String, String> environment)
            throws Exception {
        List<String> command = new ArrayList<>();
        command.add(System.getProperty("java.home") + "/bin/java");
        command.addAll(flags);
        command.addAll(List.of("-cp", classpath(), ColdStartProbe.class.getName(), handler));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
        long start = System.nanoTime();
        Process process = builder.start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.equals("handled 200")) {
                    double ms = (System.nanoTime() - start) / 1e6;
                    process.waitFor();
                    return ms;
                }
            }
        }
        throw new IllegalStateException(handler + " did not handle its event (exit " + process.waitFor() + ")");
    }

    private static void burst() {
        try (AppOnSimulatedPortal app = AppOnSimulatedPortal.start(DatasetGenerator.generate(11, 1_000))) {
            app.installAndBackfill();
            app.editEveryLead(1_000);
            app.portal.calls().clear();
            long start = System.nanoTime();
            LocalQueue.Deliveries deliveries = app.sync();
            double seconds = (System.nanoTime() - start) / 1e9;
            long calls = app.portal.calls().count();
            System.out.println("| burst of 1 000 lead changes | " + calls + " REST calls = "
                    + String.format("%.3f", calls / 1000.0) + " per changed lead | " + deliveries.messages()
                    + " messages, " + deliveries.failures() + " failed | stored in " + String.format("%.1f", seconds)
                    + " s |");
        }
    }

    private static String eventBody(String memberId, String applicationToken) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("event", "ONCRMLEADUPDATE");
        form.put("event_handler_id", "7");
        form.put("data[FIELDS][ID]", "5");
        form.put("ts", Long.toString(Instant.now().getEpochSecond()));
        form.put("auth[domain]", "bench.bitrix24.ru");
        form.put("auth[client_endpoint]", "https://bench.bitrix24.ru/rest/");
        form.put("auth[server_endpoint]", "https://oauth.bitrix.info/rest/");
        form.put("auth[member_id]", memberId);
        form.put("auth[application_token]", applicationToken);
        return AppOnSimulatedPortal.formBody(form);
    }

    private static APIGatewayV2HTTPEvent event(String body) {
        return APIGatewayV2HTTPEvent.builder().withBody(body).withIsBase64Encoded(false).build();
    }

    /** The test classpath, also when run by exec:java, whose classes come from a class loader of its own. */
    private static String classpath() {
        if (Thread.currentThread().getContextClassLoader() instanceof URLClassLoader loader) {
            return Arrays.stream(loader.getURLs()).map(URL::getPath).collect(Collectors.joining(File.pathSeparator));
        }
        return System.getProperty("java.class.path");
    }

    private static String fmt(double ms) {
        return String.format("%.2f", ms);
    }
}
